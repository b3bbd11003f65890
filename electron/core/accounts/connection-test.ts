// The wizard's "Test connection": one sign-in to the IMAP server (a fresh imapflow instance) and
// one to the SMTP server (nodemailer's SMTPConnection), each with its own, specific result.
//
// One attempt per click, never a loop: a wrong password tried again and again locks accounts
// out. For the same reason SMTP does not send a password the IMAP server has just refused.
// SMTP uses SMTPConnection (the engine of the transport's verify()) rather than verify()
// itself: verify() skips AUTH when the server offers none and reports success, which would
// hide "this server will not let you send".
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type {
  CertificateInfo,
  ConnectionSettings,
  ConnectionTestResult,
  TestFailure,
  TestFailureKind,
  TestOutcome,
} from '../../../shared/discovery';
import type { ServerSettings } from '../../../shared/domain';
import { createImapClient } from '../imap/client-factory';
import type { CoreLog } from '../net/log';
import { plaintextAllowed, PlaintextRefusedError } from '../net/plaintext';
import { networkFailureOf } from '../net/network-failure';
import { classifyTlsFailure } from '../net/tls-failure';
import { sameFingerprint, type PinLookup } from '../net/tls-options';
import { smtpConnectionOptions } from '../smtp/smtp-options';
import { smtpSteps } from '../smtp/smtp-steps';
import type { Authenticator } from './auth/authenticator';
import type { SeenCertificates } from './cert-pins';
import { testPop3 } from './pop3-connection-test';
import { probeCertificate, type ProbedCertificate } from './certificate-probe';
import { providerForHost } from './discovery/presets';

export interface ConnectionTestOptions {
  trustedCa?: readonly string[];
  pins?: PinLookup;
  /** The user confirmed a cleartext login to a host that is not this computer. */
  plaintextConfirmed?: boolean;
  /** Connection and greeting deadline, per server. */
  timeoutMs?: number;
  /** Certificates shown to the user are remembered here, so "trust" can pin exactly them. */
  seen?: SeenCertificates;
  log?: CoreLog;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export async function testConnection(
  settings: ConnectionSettings,
  auth: Authenticator,
  options: ConnectionTestOptions = {},
): Promise<ConnectionTestResult> {
  let imapDone: (outcome: TestOutcome) => void = () => undefined;
  const imapOutcome = new Promise<TestOutcome>((resolve) => (imapDone = resolve));
  const incoming =
    settings.protocol === 'pop3'
      ? testPop3(settings.imap, settings.username, auth, options)
      : testImap(settings.imap, settings.username, auth, options);
  const imap = incoming.then((outcome) => {
    imapDone(outcome);
    return outcome;
  });
  // SMTP connects at once (its network trouble shows without waiting), but sends the password
  // only if IMAP did not just refuse it.
  const smtp = testSmtp(settings.smtp, settings.username, auth, options, async () => {
    const outcome = await imapOutcome;
    return !(outcome.ok === false && outcome.kind === 'auth');
  });
  return { imap: await imap, smtp: await smtp };
}

function failure(kind: TestFailureKind, message: string, extra: Partial<TestFailure> = {}): TestFailure {
  return { ok: false, kind, message, ...extra };
}

export async function testImap(
  server: ServerSettings,
  username: string,
  auth: Authenticator,
  options: ConnectionTestOptions = {},
): Promise<TestOutcome> {
  if (!plaintextAllowed(server, options.plaintextConfirmed)) return plaintextRefused(server);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let client: ReturnType<typeof createImapClient> | null = null;
  try {
    client = createImapClient(server, await auth.imapCredentials(username), {
      trustedCa: options.trustedCa,
      pins: options.pins,
      allowPlaintext: options.plaintextConfirmed,
      log: options.log,
      qresync: false,
      connectionTimeoutMs: timeoutMs,
      greetingTimeoutMs: timeoutMs,
    });
    client.on('error', () => undefined);
    await client.connect();
    const caps = client.capabilities;
    if (!caps.has('IMAP4rev1') && !caps.has('IMAP4REV1') && !caps.has('IMAP4rev2') && !caps.has('IMAP4REV2'))
      return failure(
        'no-imap4rev1',
        `${server.host} does not speak IMAP4rev1, which this app needs. Check the server name and port.`,
      );
    return { ok: true };
  } catch (error) {
    return classifyImapFailure(error, server, options);
  } finally {
    if (client?.usable) await client.logout().catch(() => client?.close());
    else client?.close();
  }
}

export async function testSmtp(
  server: ServerSettings,
  username: string,
  auth: Authenticator,
  options: ConnectionTestOptions = {},
  mayAuthenticate: () => Promise<boolean> = async () => true,
): Promise<TestOutcome> {
  if (!plaintextAllowed(server, options.plaintextConfirmed)) return plaintextRefused(server);
  // The options sending uses (TLS, trust store, pin, EHLO name), with the test's deadlines.
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const connection = new SMTPConnection(
    smtpConnectionOptions(
      server,
      { trustedCa: options.trustedCa, pins: options.pins, allowPlaintext: options.plaintextConfirmed },
      { connectionMs: timeoutMs, greetingMs: timeoutMs, socketMs: timeoutMs * 2 },
    ),
  );
  const { step, broken, release } = smtpSteps(connection);
  try {
    await step<void>((done) => connection.connect((error) => done(error ?? null)));
    if (!connection.allowsAuth)
      return failure(
        'no-smtp-auth',
        `${server.host} offers no sign-in (SMTP AUTH) on port ${server.port}, so it will not send your mail. ` +
          'Use the submission port your provider names (usually 465 or 587).',
      );
    if (!(await Promise.race([mayAuthenticate(), broken])))
      return failure('not-tried', `Not signed in to ${server.host}: the IMAP server refused this password already.`);
    const credentials = await auth.smtpCredentials(username);
    await step<boolean>((done) => connection.login(credentials, done));
    return { ok: true };
  } catch (error) {
    return classifySmtpFailure(error, server, options);
  } finally {
    release();
    if (connection.authenticated) connection.quit();
    connection.close();
  }
}

function plaintextRefused(server: ServerSettings): TestFailure {
  return failure('plaintext-refused', new PlaintextRefusedError(server.host).message);
}

interface ErrorLike {
  message?: string;
  code?: string;
  originalCode?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
  response?: string;
  responseCode?: number;
  tlsFailed?: boolean;
}

/** The network-level kind of an error, if it is one (host not found, refused, timeout, …). */
function networkKind(e: ErrorLike): TestFailureKind | null {
  const failure = networkFailureOf(e);
  if (failure === 'host-not-found' || failure === 'refused' || failure === 'timeout') return failure;
  // A library that lost the code on the way still says so in words.
  if (/timed? ?out/i.test(e.message ?? '')) return 'timeout';
  return failure === 'dropped' ? 'network' : null;
}

function networkFailure(kind: TestFailureKind, server: ServerSettings, e: ErrorLike): TestFailure {
  const where = `${server.host}:${server.port}`;
  switch (kind) {
    case 'host-not-found':
      return failure(kind, `The server ${server.host} was not found. Check its name.`);
    case 'refused':
      return failure(kind, `${where} refused the connection. Check the port and the security setting.`);
    case 'timeout':
      return failure(kind, `${where} did not answer in time. Check the name, the port, and your network or firewall.`);
    default:
      return failure(kind, `The connection to ${where} failed (${e.code ?? e.message}).`);
  }
}

/**
 * A refused certificate: reads it over a second, credential-free connection and tells the user
 * what it is, whether it replaced a trusted one, and remembers it for "trust".
 */
async function certificateFailure(
  server: ServerSettings,
  protocol: 'imap' | 'smtp',
  e: ErrorLike,
  options: ConnectionTestOptions,
): Promise<TestFailure> {
  let probed: ProbedCertificate | null = null;
  try {
    probed = await probeCertificate(server, protocol, { trustedCa: options.trustedCa, timeoutMs: options.timeoutMs });
  } catch {
    // The certificate could not be read a second time: say what the first attempt said.
  }
  const where = `${server.host}:${server.port}`;
  const pin = options.pins?.(server.host, server.port) ?? null;
  if (probed) options.seen?.remember({ host: server.host, port: server.port, pem: probed.pem, info: probed.info });
  const certificate: CertificateInfo | undefined = probed?.info;
  if (pin && probed && !sameFingerprint(probed.info.fingerprint256, pin.fingerprint256))
    return failure(
      'tls-changed',
      `The certificate of ${where} is not the one you trusted: it changed (now ${probed.info.fingerprint256}). ` +
        'It was refused. If your provider did not announce a new certificate, someone may be intercepting the connection.',
      { certificate, pinnedFingerprint256: pin.fingerprint256 },
    );
  return failure(
    'tls-untrusted',
    `The certificate of ${where} is not trusted (${e.code ?? e.originalCode ?? e.message}). ` +
      'Trust it only if you know it belongs to your server.',
    certificate ? { certificate } : {},
  );
}

async function classifyImapFailure(
  error: unknown,
  server: ServerSettings,
  options: ConnectionTestOptions,
): Promise<TestFailure> {
  const e = (error ?? {}) as ErrorLike;
  if (error instanceof PlaintextRefusedError) return plaintextRefused(server);
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    if (/login is disabled/i.test(e.message ?? ''))
      return failure(
        'encryption-required',
        `${server.host} accepts a password only over an encrypted connection. Choose STARTTLS or SSL/TLS.`,
      );
    return authFailure(server, e.responseText);
  }
  const tls = classifyTlsFailure(error);
  if (tls?.kind === 'certificate') return certificateFailure(server, 'imap', e, options);
  if (e.tlsFailed && /does not support STARTTLS|PREAUTH/i.test(e.message ?? ''))
    return failure(
      'no-starttls',
      `${server.host} does not offer STARTTLS on port ${server.port}, so nothing was sent. Choose SSL/TLS (usually port 993).`,
    );
  const network = networkKind(e);
  if (network) return networkFailure(network, server, e);
  if (tls?.kind === 'handshake')
    return failure(
      'tls-failed',
      `No secure connection to ${server.host}:${server.port} (${e.code ?? e.message}). Check the port and the security setting.`,
    );
  return failure('server', `${server.host} said no: ${e.responseText ?? e.message ?? 'unknown error'}`, {
    ...(e.responseText ? { serverText: e.responseText } : {}),
  });
}

async function classifySmtpFailure(
  error: unknown,
  server: ServerSettings,
  options: ConnectionTestOptions,
): Promise<TestFailure> {
  const e = (error ?? {}) as ErrorLike;
  const serverText = e.response?.trim();
  const extra = serverText ? { serverText } : {};
  if (e.code === 'EAUTH') {
    // 535: wrong credentials; 534: the provider wants an app password or a browser sign-in.
    if (e.responseCode === 535 || e.responseCode === 534 || e.responseCode === undefined)
      return e.responseCode === undefined && /unknown authentication|missing credentials/i.test(e.message ?? '')
        ? failure('no-smtp-auth', `${server.host} offers no sign-in method this app supports.`, extra)
        : authFailure(server, serverText);
    if (e.responseCode === 538 || e.responseCode === 530)
      return failure('encryption-required', `${server.host} wants an encrypted connection before sign-in.`, extra);
    if ([500, 502, 503, 504].includes(e.responseCode))
      return failure('no-smtp-auth', `${server.host} offers no sign-in method this app supports.`, extra);
    return failure('server', `${server.host} refused the sign-in: ${serverText ?? e.message}`, extra);
  }
  const tls = classifyTlsFailure(error);
  if (tls?.kind === 'certificate') return certificateFailure(server, 'smtp', e, options);
  if (e.code === 'ETLS' && e.responseCode)
    return failure(
      'no-starttls',
      `${server.host} does not offer STARTTLS on port ${server.port}, so nothing was sent. Choose SSL/TLS (usually port 465).`,
      extra,
    );
  const network = networkKind(e);
  if (network) return networkFailure(network, server, e);
  if (tls?.kind === 'handshake')
    return failure(
      'tls-failed',
      `No secure connection to ${server.host}:${server.port} (${e.originalCode ?? e.message}). Check the port and the security setting.`,
    );
  return failure('server', `${server.host} said no: ${serverText ?? e.message ?? 'unknown error'}`, extra);
}

function authFailure(server: ServerSettings, serverText: string | undefined): TestFailure {
  const provider = providerForHost(server.host);
  const appPassword = provider?.appPassword ?? false;
  return failure(
    'auth',
    `${server.host} refused the user name or password.` +
      (appPassword ? ` ${provider!.name} may need an app password instead of your account password.` : ''),
    { ...(serverText ? { serverText } : {}), ...(appPassword ? { appPassword } : {}) },
  );
}
