// How the user proves who they are, pluggable by SASL mechanism: a password
// (password-authenticator.ts) or an OAuth2 access token for XOAUTH2 / OAUTHBEARER
// (oauth-authenticator.ts), so the connection test, sync and sending never care which one an
// account uses.
import type { ImapCredentials } from '../../imap/client-factory';
import type { SmtpLogin } from '../../smtp/smtp-client';

export type { SmtpLogin };

export type AuthMechanism = 'password' | 'xoauth2' | 'oauthbearer';

export interface Authenticator {
  readonly mechanism: AuthMechanism;
  /** What createImapClient needs to log in as `username`. */
  imapCredentials(username: string): Promise<ImapCredentials>;
  /** What nodemailer's SMTPConnection.login needs to authenticate as `username`. */
  smtpCredentials(username: string): Promise<SmtpLogin>;
}
