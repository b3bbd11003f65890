// The wizard's "Test connection" for a POP3 account: one sign-in to the POP3 server (in the slot
// the IMAP test has for IMAP accounts), QUIT without touching a message. One attempt per click,
// as for IMAP: a refused password is reported, never tried again.
import type { TestFailure, TestOutcome } from '../../../shared/discovery';
import type { ServerSettings } from '../../../shared/domain';
import { networkFailureOf } from '../net/network-failure';
import { plaintextAllowed } from '../net/plaintext';
import { classifyTlsFailure } from '../net/tls-failure';
import { tlsConnectOptions, type PinLookup } from '../net/tls-options';
import { Pop3Client, Pop3Error } from '../pop3/pop3-client';
import type { Authenticator } from './auth/authenticator';

export interface Pop3TestOptions {
  trustedCa?: readonly string[];
  pins?: PinLookup;
  plaintextConfirmed?: boolean;
  timeoutMs?: number;
}

const failure = (kind: TestFailure['kind'], message: string): TestFailure => ({ ok: false, kind, message });

export async function testPop3(
  server: ServerSettings,
  username: string,
  auth: Authenticator,
  options: Pop3TestOptions = {},
): Promise<TestOutcome> {
  if (!plaintextAllowed(server, options.plaintextConfirmed))
    return failure(
      'plaintext-refused',
      `${server.host} would receive your password unencrypted. Choose SSL/TLS or STARTTLS, or confirm that this is what you want.`,
    );
  let client: Pop3Client | null = null;
  try {
    const credentials = await auth.imapCredentials(username);
    if (!('password' in credentials))
      return failure('server', 'POP3 accounts sign in with a password; this account has none.');
    client = await Pop3Client.connect({
      host: server.host,
      port: server.port,
      security: server.security,
      tls: tlsConnectOptions(server, { trustedCa: options.trustedCa, pin: options.pins?.(server.host, server.port) }),
      allowPlaintext: true, // decided above
      timeoutMs: options.timeoutMs ?? 10_000,
    });
    await client.login(credentials.username, credentials.password);
    await client.quit();
    return { ok: true };
  } catch (error) {
    client?.close();
    return classify(error, server);
  }
}

function classify(error: unknown, server: ServerSettings): TestFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Pop3Error) {
    if (error.kind === 'auth') return failure('auth', `${server.host} refused the user name or password: ${message}`);
    if (error.kind === 'no-tls')
      return failure(
        'no-starttls',
        `${server.host} does not offer STLS on port ${server.port}, so nothing was sent. Choose SSL/TLS (usually port 995).`,
      );
    return failure('server', `${server.host} said no: ${message}`);
  }
  const tls = classifyTlsFailure(error);
  if (tls?.kind === 'certificate')
    return failure(
      'tls-untrusted',
      `The certificate of ${server.host}:${server.port} is not trusted (${message}). Check the server name.`,
    );
  const network = networkFailureOf(error);
  if (network === 'host-not-found') return failure('host-not-found', `${server.host} was not found.`);
  if (network === 'refused') return failure('refused', `${server.host}:${server.port} refused the connection.`);
  if (network === 'timeout') return failure('timeout', `${server.host}:${server.port} did not answer in time.`);
  if (network) return failure('network', `The connection to ${server.host}:${server.port} dropped (${message}).`);
  if (tls) return failure('tls-failed', `No secure connection to ${server.host}:${server.port} (${message}).`);
  return failure('server', `${server.host} said no: ${message}`);
}
