// When a password may travel unencrypted, one rule for IMAP, SMTP and the connection test.
import { isLoopbackHost } from '../../../shared/discovery';
import type { ServerSettings } from '../../../shared/domain';

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
