// A fresh mail user per test, so test files run side by side against one server without
// seeing each other's mail. Postfix delivers to any address of the domain through LMTP, so the
// user can receive as soon as Dovecot knows it. A test bed with Courier learns the user too, and
// Courier's Maildir and folders are made at once (Courier creates none itself).
import { appendFileSync, chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { addCourierUser } from '../mailserver/courier';
import { doveadm } from '../mailserver/doveadm';
import { MAIL_GID, MAIL_UID } from '../mailserver/dovecot-config';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { waitFor } from './wait';

export async function createMailUser(server: MailServerInfo, prefix: string): Promise<MailUser> {
  const name = `${prefix}-${randomBytes(4).toString('hex')}`;
  const user: MailUser = {
    name,
    address: `${name}@${server.domain}`,
    password: `pw-${randomBytes(8).toString('hex')}`,
  };
  const home = join(server.mailRoot, server.domain, name);
  mkdirSync(home, { recursive: true, mode: 0o755 });
  chownSync(home, MAIL_UID, MAIL_GID);
  if (server.courier) await addCourierUser(server.courier, user, home);
  appendFileSync(
    join(server.dir, 'dovecot', 'users'),
    `${user.address}:{PLAIN}${user.password}:${MAIL_UID}:${MAIL_GID}::${home}::\n`,
  );
  // Dovecot re-reads its passwd-file at most once a second: wait until it knows the user.
  await waitFor(() => doveadm(server, ['user', user.address]).then(() => true), {
    timeoutMs: 5_000,
    intervalMs: 200,
    what: `Dovecot to know ${user.address}`,
  });
  return user;
}

/** What an administrator (or the user on another device) does: a new password in Dovecot's passdb. */
export async function changeMailUserPassword(server: MailServerInfo, user: MailUser, password: string): Promise<void> {
  const file = join(server.dir, 'dovecot', 'users');
  const line = `${user.address}:{PLAIN}${user.password}:`;
  const before = readFileSync(file, 'utf8');
  if (!before.includes(line)) throw new Error(`${user.address} is not in the passdb with its password`);
  writeFileSync(file, before.replace(line, `${user.address}:{PLAIN}${password}:`));
  // Dovecot re-reads the file at most once a second: wait until the new password works.
  await waitFor(() => doveadm(server, ['auth', 'test', user.address, password]).then(() => true), {
    timeoutMs: 5_000,
    intervalMs: 300,
    what: 'Dovecot to take the new password',
  });
}
