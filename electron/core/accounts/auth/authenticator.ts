// How the user proves who they are, pluggable by SASL mechanism. Passwords today; XOAUTH2 and
// OAUTHBEARER (tokens from an OAuth2 flow) implement the same interface later, so the
// connection test, sync and sending never care which one an account uses.
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { ImapCredentials } from '../../imap/client-factory';

export type AuthMechanism = 'password' | 'xoauth2' | 'oauthbearer';

export interface Authenticator {
  readonly mechanism: AuthMechanism;
  /** What createImapClient needs to log in as `username`. */
  imapCredentials(username: string): Promise<ImapCredentials>;
  /** What nodemailer's SMTPConnection.login needs to authenticate as `username`. */
  smtpCredentials(username: string): Promise<SMTPConnection.AuthenticationType>;
}
