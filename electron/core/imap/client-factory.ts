// Builds ImapFlow clients for an account. An ImapFlow instance cannot reconnect, so every
// connection attempt gets a new one from here.
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { ServerSettings } from '../../../shared/domain';
import { isLoopbackHost, tlsConnectOptions, withSharedSecureContext, type PinLookup } from './tls-options';

/** A password, or an OAuth2 access token (XOAUTH2 / OAUTHBEARER, see accounts/auth/). */
export type ImapCredentials = { username: string; password: string } | { username: string; accessToken: string };

export type CoreLog = (
  level: 'debug' | 'info' | 'warn' | 'error',
  message: string,
  data?: Record<string, unknown>,
) => void;

/** Keys whose values never reach a log: imapflow logs commands, and LOGIN carries the password. */
const SECRET_KEYS = /pass|secret|token|auth|credential/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

function imapflowLogger(log: CoreLog | undefined, host: string): ImapFlowOptions['logger'] {
  if (!log) return false;
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (entry: Record<string, unknown>): void => {
      // Raw protocol lines can contain a LOGIN or AUTHENTICATE payload: never forward them.
      const { msg, ...rest } = redact(entry) as Record<string, unknown>;
      delete rest.data;
      log(level, `imap ${host}: ${String(msg ?? '')}`, rest);
    };
  return { debug: () => undefined, info: at('info'), warn: at('warn'), error: at('error') };
}

export class PlaintextRefusedError extends Error {
  readonly code = 'EPLAINTEXT';
  constructor(readonly host: string) {
    super(`Refusing to send a password to ${host} without encryption. Choose TLS or STARTTLS in the account settings.`);
    this.name = 'PlaintextRefusedError';
  }
}

/**
 * Whether a password may go to this server unencrypted: only to loopback (a local bridge such as
 * Proton Mail Bridge), or to another host when the user confirmed it twice for this account.
 */
export function plaintextAllowed(server: ServerSettings, userConfirmed = false): boolean {
  return server.security !== 'plain' || isLoopbackHost(server.host) || userConfirmed;
}

export function securityOptions(
  server: ServerSettings,
  allowPlaintext = false,
): Pick<ImapFlowOptions, 'secure' | 'doSTARTTLS'> {
  switch (server.security) {
    case 'tls':
      return { secure: true };
    case 'starttls':
      // doSTARTTLS: true makes STARTTLS mandatory: no TLS, no LOGIN.
      return { secure: false, doSTARTTLS: true };
    case 'plain':
      if (!plaintextAllowed(server, allowPlaintext)) throw new PlaintextRefusedError(server.host);
      return { secure: false, doSTARTTLS: false };
  }
}

export interface ImapClientOptions {
  trustedCa?: readonly string[];
  /** Certificates the user trusted per host:port (see tls-options.ts). */
  pins?: PinLookup;
  /** The account record says the user confirmed a cleartext login to this (non-loopback) host. */
  allowPlaintext?: boolean;
  log?: CoreLog;
  qresync?: boolean;
  autoIdleDelayMs?: number;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
}

export function createImapClient(
  server: ServerSettings,
  credentials: ImapCredentials,
  options: ImapClientOptions,
): ImapFlow {
  return new ImapFlow({
    host: server.host,
    port: server.port,
    ...securityOptions(server, options.allowPlaintext),
    auth:
      'accessToken' in credentials
        ? { user: credentials.username, accessToken: credentials.accessToken }
        : { user: credentials.username, pass: credentials.password },
    tls: withSharedSecureContext(
      tlsConnectOptions(server, { trustedCa: options.trustedCa, pin: options.pins?.(server.host, server.port) }),
    ),
    logger: imapflowLogger(options.log, server.host),
    qresync: options.qresync ?? true,
    // The core knows its own timing; a dead socket is noticed by imapflow's socket timeout.
    connectionTimeout: options.connectionTimeoutMs ?? 15_000,
    greetingTimeout: options.greetingTimeoutMs ?? 10_000,
    disableAutoIdle: false,
    ...(options.autoIdleDelayMs !== undefined ? { autoIdleDelay: options.autoIdleDelayMs } : {}),
    emitLogs: false,
  });
}
