// Builds ImapFlow clients for an account. An ImapFlow instance cannot reconnect, so every
// connection attempt gets a new one from here.
import { isIP } from 'node:net';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { ServerSettings } from '../../../shared/domain';
import { isLoopbackHost, trustStore } from './tls-options';

export interface ImapCredentials {
  username: string;
  password: string;
}

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

export function securityOptions(server: ServerSettings): Pick<ImapFlowOptions, 'secure' | 'doSTARTTLS'> {
  switch (server.security) {
    case 'tls':
      return { secure: true };
    case 'starttls':
      // doSTARTTLS: true makes STARTTLS mandatory: no TLS, no LOGIN.
      return { secure: false, doSTARTTLS: true };
    case 'plain':
      if (!isLoopbackHost(server.host))
        throw new Error(
          `Refusing to send a password to ${server.host} without encryption. Choose TLS or STARTTLS in the account settings.`,
        );
      return { secure: false, doSTARTTLS: false };
  }
}

export function createImapClient(
  server: ServerSettings,
  credentials: ImapCredentials,
  options: { trustedCa?: readonly string[]; log?: CoreLog; qresync?: boolean; autoIdleDelayMs?: number },
): ImapFlow {
  const ca = trustStore(options.trustedCa);
  return new ImapFlow({
    host: server.host,
    port: server.port,
    ...securityOptions(server),
    auth: { user: credentials.username, pass: credentials.password },
    // SNI takes host names only (RFC 6066); certificate checks still use the host either way.
    tls: { ...(isIP(server.host) ? {} : { servername: server.host }), minVersion: 'TLSv1.2', ...(ca ? { ca } : {}) },
    logger: imapflowLogger(options.log, server.host),
    qresync: options.qresync ?? true,
    // The core knows its own timing; a dead socket is noticed by imapflow's socket timeout.
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    disableAutoIdle: false,
    ...(options.autoIdleDelayMs !== undefined ? { autoIdleDelay: options.autoIdleDelayMs } : {}),
    emitLogs: false,
  });
}
