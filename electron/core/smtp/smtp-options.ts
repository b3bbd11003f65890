// How the SMTP connection is protected, by the same rules as IMAP (imap/client-factory.ts):
// implicit TLS (465-style) or STARTTLS that must succeed (587-style), certificates checked against
// the same trust store (net/tls-options.ts), and a password in cleartext only to a loopback host
// or after the user confirmed it (net/plaintext.ts). The wizard's connection test uses it too.
import type { SMTPConnectionOptions } from 'nodemailer/lib/smtp-connection';
import type { ServerSettings } from '../../../shared/domain';
import { plaintextAllowed } from '../net/plaintext';
import { tlsConnectOptions, type PinLookup } from '../net/tls-options';

export class InsecureServerError extends Error {
  readonly code = 'EINSECURE';
  constructor(host: string) {
    super(`Refusing to send a password to ${host} without encryption. Choose TLS or STARTTLS in the account settings.`);
    this.name = 'InsecureServerError';
  }
}

/** The same policy IMAP connections follow: extra CAs, pinned certificates, a confirmed cleartext login. */
export interface SmtpSecurityPolicy {
  trustedCa?: readonly string[];
  pins?: PinLookup;
  allowPlaintext?: boolean;
}

/** Deadlines in ms; the wizard's connection test uses shorter ones than sending. */
export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  /** Inactivity, not total time: a large attachment on a slow uplink still goes through. */
  socketMs: number;
}

const SENDING_TIMEOUTS: SmtpTimeouts = { connectionMs: 15_000, greetingMs: 15_000, socketMs: 60_000 };

export function smtpConnectionOptions(
  server: ServerSettings,
  policy: SmtpSecurityPolicy = {},
  timeouts: SmtpTimeouts = SENDING_TIMEOUTS,
): SMTPConnectionOptions {
  const common: SMTPConnectionOptions = {
    host: server.host,
    port: server.port,
    // The EHLO name ends up in the Received header of every message: the machine's host name
    // would tell recipients about the user's computer, an address literal tells them nothing.
    name: '[127.0.0.1]',
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    logger: false,
    debug: false,
  };
  // SNI, TLS 1.2+, the trust store and this server's pin, exactly as for IMAP.
  const tls = tlsConnectOptions(server, { trustedCa: policy.trustedCa, pin: policy.pins?.(server.host, server.port) });
  switch (server.security) {
    case 'tls':
      return { ...common, secure: true, tls };
    case 'starttls':
      // requireTLS: no STARTTLS, no AUTH and no message. Never opportunistic.
      return { ...common, secure: false, requireTLS: true, tls };
    case 'plain':
      if (!plaintextAllowed(server, policy.allowPlaintext)) throw new InsecureServerError(server.host);
      return { ...common, secure: false, ignoreTLS: true };
  }
}
