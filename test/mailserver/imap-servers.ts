import type { ImapServerName, MailServerInfo } from './types';

/**
 * The same test bed seen through another IMAP server: `ports.imap` and `ports.imaps` lead to
 * Courier instead of Dovecot, and folder names get Courier's "INBOX." prefix (mailboxPath).
 * SMTP, the users and the Maildirs stay the same, so a test written against
 * `server.ports.imaps` runs unchanged against either server. (`imapsUntrusted` still leads to
 * Dovecot: it tests the client's certificate check, not the server.)
 */
export function imapServerView(info: MailServerInfo, name: ImapServerName): MailServerInfo {
  if (name === 'dovecot') return info;
  const courier = info.courier;
  if (!courier) throw new Error('this test bed was started without Courier (startMailServer({ courier: true }))');
  return {
    ...info,
    ports: { ...info.ports, imap: courier.ports.imap, imaps: courier.ports.imaps },
    imapServer: { name: 'courier', mailboxPrefix: 'INBOX.', condstore: false },
  };
}

/** The server's name for a personal folder: "Sent" on Dovecot, "INBOX.Sent" on Courier. */
export function mailboxPath(server: Pick<MailServerInfo, 'imapServer'>, name: string): string {
  return name.toUpperCase() === 'INBOX' ? 'INBOX' : `${server.imapServer.mailboxPrefix}${name}`;
}
