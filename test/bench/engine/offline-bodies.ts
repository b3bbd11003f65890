// The offline-bodies job's download rate (d-offline) against the protocol's own limit: a bare
// imapflow client fetching the same number of message bodies (BODY[1], the text of a simple
// message or the text and HTML of an alternative one) in one pipelined FETCH, nothing stored.
// The job works one message at a time on purpose (a message the user opens never waits behind
// more than one), so the ratio says what that politeness costs.
import { cpSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { connectImap } from '../../mailserver/imap-helpers';
import type { MailServerInfo, MailUser } from '../../mailserver/types';
import { openSession } from './engine-session';

export interface RateResult {
  messages: number;
  ms: number;
  rate: number;
}

/**
 * Opens a copy of the synced profile with the job on (period: all mail) and times the bodies
 * from the `skip`th stored to the `skip + count`th: the steady rate, without connecting.
 */
export async function offlineBodiesRate(input: {
  profileDir: string;
  dataDir: string;
  count: number;
  skip: number;
  timeoutMs: number;
}): Promise<RateResult> {
  cpSync(input.profileDir, input.dataDir, { recursive: true });
  const session = await openSession(input.dataDir, { offlineBodies: true });
  try {
    const stored = session.db.prepare('SELECT COUNT(*) FROM message_bodies').pluck();
    const count = () => stored.get() as number;
    const base = count();
    const [account] = await session.service.call('accounts.list', {});
    if (!account) throw new Error('no account in the profile');
    await session.service.call('offlineBodies.setPeriod', { accountId: account.id, period: 'all' });
    const deadline = performance.now() + input.timeoutMs;
    const until = async (n: number) => {
      while (count() - base < n) {
        if (performance.now() > deadline) throw new Error(`only ${count() - base} bodies stored in time`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return performance.now();
    };
    const start = await until(input.skip);
    const end = await until(input.skip + input.count);
    return { messages: input.count, ms: end - start, rate: (input.count / (end - start)) * 1000 };
  } finally {
    await session.close();
  }
}

export async function bareBodyFetch(input: {
  server: MailServerInfo;
  user: MailUser;
  count: number;
}): Promise<RateResult> {
  const client = await connectImap(input.server, input.user);
  try {
    const box = await client.mailboxOpen('INBOX', { readOnly: true });
    const last = box.exists;
    const first = Math.max(1, last - input.count + 1);
    const t0 = performance.now();
    let messages = 0;
    for await (const msg of client.fetch(`${first}:${last}`, { uid: true, bodyParts: ['1'] }))
      if (msg.bodyParts) messages++;
    const ms = performance.now() - t0;
    return { messages, ms, rate: (messages / ms) * 1000 };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
