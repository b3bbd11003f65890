import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAIL_GID, MAIL_UID } from './dovecot-config';
import { doveadm } from './doveadm';
import type { MailServerInfo, MailUser } from './types';

/**
 * Where a mailbox's Maildir is, creating (and subscribing) it when needed.
 * Dovecot itself is asked (`doveadm mailbox path`) so that Maildir++ naming
 * and modified UTF-7 for non-ASCII names never have to be re-implemented.
 */
export async function ensureMailboxDir(
  server: Pick<MailServerInfo, 'dovecotConf'>,
  user: MailUser,
  mailbox: string,
): Promise<string> {
  if (mailbox.toUpperCase() !== 'INBOX') {
    await doveadm(server, ['mailbox', 'create', '-s', '-u', user.address, mailbox]).catch((e: unknown) => {
      if (!/exists/i.test(String(e))) throw e;
    });
  }
  const dir = (await doveadm(server, ['mailbox', 'path', '-u', user.address, mailbox])).trim();
  if (!dir.startsWith('/')) throw new Error(`doveadm mailbox path gave ${JSON.stringify(dir)}`);
  // INBOX of a user who never logged in has no directories yet.
  for (const sub of ['', 'cur', 'new', 'tmp']) {
    const path = join(dir, sub);
    mkdirSync(path, { recursive: true, mode: 0o700 });
    if (process.getuid?.() === 0) chownSync(path, MAIL_UID, MAIL_GID);
  }
  return dir;
}

/**
 * Maildir file name in cur/: unique base, the size so Dovecot needn't stat
 * (S= physical, W= with CRLF line ends; the samples are CRLF already so
 * both are equal), and the flags after ":2," in ASCII order.
 */
export function maildirName(date: Date, unique: string, size: number, flags: string): string {
  const sorted = [...flags].sort().join('');
  return `${Math.floor(date.getTime() / 1000)}.${unique}.mailtest,S=${size},W=${size}:2,${sorted}`;
}
