import { readFileSync } from 'node:fs';
import { sleep } from './processes';
import type { MailServerInfo } from './types';

/**
 * Reading the daemons' logs, e.g. to count login attempts. Dovecot writes
 * through its log process, so a line appears a few milliseconds after the
 * event: use waitForLogCount rather than reading once. With Courier in the
 * test bed, logins and failures are counted in both servers' logs: IMAP may
 * go to either, SMTP AUTH always goes through Dovecot.
 */

type Logs = Pick<MailServerInfo, 'logs'> & Partial<Pick<MailServerInfo, 'courier'>>;

export function readLog(server: Logs, which: 'dovecot' | 'postfix' | 'courier' | 'courier-auth' = 'dovecot'): string {
  const file =
    which === 'courier'
      ? server.courier?.logs.imap
      : which === 'courier-auth'
        ? server.courier?.logs.auth
        : server.logs[which];
  if (!file) return '';
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function countLogLines(
  server: Logs,
  pattern: RegExp,
  which: 'dovecot' | 'postfix' | 'courier' = 'dovecot',
): number {
  return readLog(server, which)
    .split('\n')
    .filter((line) => pattern.test(line)).length;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Failed password checks for a user: Dovecot's auth_verbose "passwd-file(user,...): Password
 * mismatch", plus Courier's when it runs.
 */
export function authFailures(server: Logs, address: string): number {
  const user = escape(address.toLowerCase());
  return (
    countLogLines(server, new RegExp(`passwd-file\\(${user},.*Password mismatch`)) +
    courierAuthFailures(server, address.toLowerCase())
  );
}

/**
 * Tokens Dovecot's oauth2 passdb refused for a user (IMAP, or SMTP submission through Dovecot's
 * auth): "oauth2(user,ip,...): oauth2 failed: Introspection failed: ..." (test/mailserver/dovecot-oauth2.ts).
 */
export function oauthRefusals(server: Logs, address: string): number {
  return countLogLines(server, new RegExp(`oauth2\\(${escape(address.toLowerCase())},.*oauth2 failed`));
}

/**
 * Courier's imaplogin logs a failed AUTHENTICATE without the user, so authdaemond's debug lines
 * (one daemon: never interleaved) are read instead: the last "looking up 'user'" before each
 * "supplied password does not match".
 */
function courierAuthFailures(server: Logs, address: string): number {
  let current = '';
  let count = 0;
  for (const line of readLog(server, 'courier-auth').split('\n')) {
    const lookup = /userdb: looking up '([^']*)'/.exec(line);
    if (lookup) current = (lookup[1] ?? '').toLowerCase();
    else if (/supplied password does not match/.test(line) && current === address) count++;
  }
  return count;
}

/** Successful logins of a user, by protocol ("imap", "pop3") or all. */
export function logins(server: Logs, address: string, protocol?: 'imap' | 'pop3'): number {
  const user = escape(address.toLowerCase());
  const who = protocol ? `${protocol}-login` : '(?:imap|pop3)-login';
  const courier = protocol === 'pop3' ? 0 : countLogLines(server, new RegExp(`INFO: LOGIN, user=${user},`), 'courier');
  return countLogLines(server, new RegExp(`${who}: Info: Login: user=<${user}>`)) + courier;
}

/** Polls `count()` until it reaches `atLeast` (log lines arrive asynchronously). */
export async function waitForLogCount(count: () => number, atLeast: number, timeoutMs = 5000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = count();
    if (n >= atLeast || Date.now() >= deadline) return n;
    await sleep(50);
  }
}
