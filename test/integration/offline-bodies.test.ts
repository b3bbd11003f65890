// Offline bodies against Dovecot: a 10,000-message INBOX, about half of it within the 90-day
// period. The background job downloads the bodies of the period, newest first, steps aside while
// the user works (and reports 'paused'), carries on by itself, picks up where it stopped after
// a restart, and the local search finds words that only those bodies hold.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { populateMailbox } from '../mailserver/populate';
import { addAccount, allHeaders, mailboxByRole, startCore, type CoreHandle } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const DAY_MS = 86_400_000;

/** Stored bodies, and messages of the last 90 days, read from the profile as the test's own look. */
function stored(core: CoreHandle): { bodies: number; inPeriod: number; bodiesOutside: number } {
  const db = new Database(path.join(core.dataDir, 'mail.db'), { readonly: true });
  try {
    const cutoff = Date.now() - 90 * DAY_MS;
    return db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM message_bodies) AS bodies,
                (SELECT COUNT(*) FROM messages WHERE date >= ?) AS inPeriod,
                (SELECT COUNT(*) FROM message_bodies mb JOIN messages m ON m.id = mb.message_id WHERE m.date < ?)
                  AS bodiesOutside`,
      )
      .get(cutoff, cutoff - DAY_MS) as { bodies: number; inPeriod: number; bodiesOutside: number };
  } finally {
    db.close();
  }
}

describe('offline bodies', () => {
  it(
    'downloads the period of a 10k folder, pauses while the user works, resumes, and feeds the index',
    { timeout: 300_000 },
    async () => {
      const user = await createMailUser(server, 'offline');
      await populateMailbox(server, user, { count: 10_000, seed: 5, days: 180 });
      const c = await startCore(server, { offlineBodies: true, intervalSeconds: 3600 });
      const account = await addAccount(c, server, user);
      const inbox = await mailboxByRole(c, account.id, 'inbox');
      await waitFor(
        async () =>
          (await c.service.call('messages.window', { mailboxId: inbox.id, offset: 0, limit: 1 })).total === 10_000,
        {
          what: '10,000 headers',
          timeoutMs: 120_000,
        },
      );
      const scope = { kind: 'mailbox' as const, mailboxId: inbox.id };
      const search = async (query: string) =>
        (await c.service.call('messages.search', { query, scope, offset: 0, limit: 1 })).total;
      const before = await search('thursday');

      // it starts by itself once the sync is done
      const progress = () => c.eventsOf('offlineBodies.progress');
      await waitFor(() => stored(c).bodies >= 200, { what: '200 bodies', timeoutMs: 60_000 });
      expect(progress().some((p) => p.state === 'running' && p.accountId === account.id)).toBe(true);

      // the user works: it steps aside, says so, and stays still
      const working = setInterval(() => {
        void c.service.call('messages.window', { mailboxId: inbox.id, offset: 0, limit: 50 }).catch(() => undefined);
      }, 300);
      try {
        await waitFor(() => progress().at(-1)?.state === 'paused', { what: 'a paused report', timeoutMs: 20_000 });
        const during = stored(c).bodies;
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(stored(c).bodies).toBe(during);
      } finally {
        clearInterval(working);
      }

      // and carries on alone; a restart resumes where it stopped
      const beforeRestart = stored(c).bodies;
      await waitFor(() => stored(c).bodies > beforeRestart + 100, { what: 'downloading again', timeoutMs: 30_000 });
      await c.close();
      const resumedAt = stored(c).bodies;
      const again = await startCore(server, { dataDir: c.dataDir, offlineBodies: true, intervalSeconds: 3600 });
      cleanup.push(() => again.close(true));
      const total = stored(again).inPeriod;
      expect(total).toBeGreaterThan(4_000);
      expect(total).toBeLessThan(6_000);
      await waitFor(
        () => again.eventsOf('offlineBodies.progress').some((p) => p.state === 'done' && p.done === p.total),
        { what: 'every body of the period', timeoutMs: 240_000 },
      );
      const last = again.eventsOf('offlineBodies.progress').at(-1)!;
      expect(last.total).toBe(total);
      expect(stored(again).bodies).toBeGreaterThanOrEqual(total);
      expect(stored(again).bodies).toBeGreaterThan(resumedAt);
      // nothing older than the period was downloaded
      expect(stored(again).bodiesOutside).toBe(0);

      // the index has the bodies: a word of theirs finds far more than the snippets did
      const after = async () =>
        (await again.service.call('messages.search', { query: 'thursday', scope, offset: 0, limit: 1 })).total;
      await waitFor(async () => (await after()) > before + 1_000, {
        what: 'body words in the index',
        timeoutMs: 60_000,
      });
      expect((await allHeaders(again, inbox.id)).length).toBe(10_000);
    },
  );
});
