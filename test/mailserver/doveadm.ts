import { execFile } from 'node:child_process';
import type { MailServerInfo, MailUser } from './types';

/**
 * Runs `doveadm -c <conf> ...` against a running test server. doveadm is an
 * ordinary short-lived command (unlike the daemons), so capturing its output
 * is safe.
 */
export function doveadm(server: Pick<MailServerInfo, 'dovecotConf'>, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('doveadm', ['-c', server.dovecotConf, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`doveadm ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
  });
}

/** A user of the server (or the sink) by name ("alice"), address, or as is. */
export function resolveUser(server: Pick<MailServerInfo, 'users' | 'sink'>, user: string | MailUser): MailUser {
  if (typeof user !== 'string') return user;
  const found = [...server.users, server.sink].find((u) => u.name === user || u.address === user);
  if (!found) throw new Error(`no such test user: ${user} (have ${server.users.map((u) => u.name).join(', ')})`);
  return found;
}
