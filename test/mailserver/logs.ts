import { readFileSync } from 'node:fs';
import { sleep } from './processes';
import type { MailServerInfo } from './types';

/**
 * Reading the daemons' logs, e.g. to count login attempts. Dovecot writes
 * through its log process, so a line appears a few milliseconds after the
 * event: use waitForLogCount rather than reading once.
 */

export function readLog(server: Pick<MailServerInfo, 'logs'>, which: 'dovecot' | 'postfix' = 'dovecot'): string {
  try {
    return readFileSync(server.logs[which], 'utf8');
  } catch {
    return '';
  }
}

export function countLogLines(
  server: Pick<MailServerInfo, 'logs'>,
  pattern: RegExp,
  which: 'dovecot' | 'postfix' = 'dovecot',
): number {
  return readLog(server, which)
    .split('\n')
    .filter((line) => pattern.test(line)).length;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Failed password checks for a user (auth_verbose: "passwd-file(user,...): Password mismatch"). */
export function authFailures(server: Pick<MailServerInfo, 'logs'>, address: string): number {
  return countLogLines(server, new RegExp(`passwd-file\\(${escape(address.toLowerCase())},.*Password mismatch`));
}

/** Successful logins of a user, by protocol ("imap", "pop3") or all. */
export function logins(server: Pick<MailServerInfo, 'logs'>, address: string, protocol?: 'imap' | 'pop3'): number {
  const who = protocol ? `${protocol}-login` : '(?:imap|pop3)-login';
  return countLogLines(server, new RegExp(`${who}: Info: Login: user=<${escape(address.toLowerCase())}>`));
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
