// Builds ImapFlow clients for an account. An ImapFlow instance cannot reconnect, so every
// connection attempt gets a new one from here.
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { ServerSettings } from '../../../shared/domain';
import type { CoreLog } from '../net/log';
import { plaintextAllowed, PlaintextRefusedError } from '../net/plaintext';
import { tlsConnectOptions, withSharedSecureContext, type PinLookup } from '../net/tls-options';

/** A password, or an OAuth2 access token (XOAUTH2 / OAUTHBEARER, see accounts/auth/). */
export type ImapCredentials = { username: string; password: string } | { username: string; accessToken: string };

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
  /** Certificates the user trusted per host:port (see net/tls-options.ts). */
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
