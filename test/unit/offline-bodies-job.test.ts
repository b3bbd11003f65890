// The offline-bodies job's manners, on a store filled directly and a download that stores a
// body: newest first within the period, nothing while the user works or a sync runs, resumes by
// itself afterwards, skips a body that fails, and reports done once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessageId } from '../../shared/domain';
import {
  OfflineBodiesJob,
  type OfflineBodiesProgress,
} from '../../electron/core/imap/offline-bodies/offline-bodies-job';
import { headerRecord, listedMailbox } from '../support/store-fixtures';
import { cleanupAfterEach } from '../support/cleanup';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();
afterEach(() => vi.useRealTimers());
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

function setUp(options: { failing?: Set<number> } = {}) {
  vi.useFakeTimers({ now: NOW });
  const { store } = openTempStore(cleanup, 'mail-offline-job-');
  const { account, box } = addTestAccount(store, [listedMailbox('INBOX', 'inbox')]);
  const inbox = box('INBOX').id;
  // 30 messages one day apart, all within the last 30 days
  store.messages.insertHeaders(
    inbox,
    Array.from({ length: 30 }, (_, i) => headerRecord(i + 1, { date: NOW - (30 - i) * DAY + DAY / 2 })),
  );
  const downloaded: MessageId[] = [];
  const reports: OfflineBodiesProgress[] = [];
  const uidOf = (id: MessageId) => store.messages.get([id])[0]!.uid;
  const job = new OfflineBodiesJob({
    store,
    accounts: () => [account.id],
    online: () => true,
    download: async (id) => {
      if (options.failing?.has(uidOf(id))) throw new Error('gone');
      downloaded.push(id);
      store.bodies.put({
        messageId: id,
        html: null,
        text: 'body',
        attachments: [],
        bcc: [],
        replyTo: [],
        inReplyTo: null,
        references: [],
      });
    },
    progress: (p) => reports.push(p),
    batch: 4,
    userQuietMs: 1_000,
    syncQuietMs: 2_000,
  });
  cleanup.push(() => job.dispose());
  store.offlineBodies.setPeriod(account.id, '30');
  return { store, account, job, downloaded, reports, uidOf };
}

async function settle(job: OfflineBodiesJob, ms = 600) {
  await vi.advanceTimersByTimeAsync(ms);
  await job.settled();
}

describe('offline bodies job', () => {
  it('downloads the period newest first and reports done once', async () => {
    const { account, job, downloaded, reports, uidOf } = setUp();
    job.kick();
    await settle(job);
    expect(downloaded.map(uidOf)).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
    expect(reports.at(-1)).toEqual({ accountId: account.id, done: 30, total: 30, state: 'done' });
    job.kick();
    await settle(job);
    expect(reports.filter((r) => r.state === 'done')).toHaveLength(1);
  });

  it('keeps to the period, and does nothing when it is off', async () => {
    const { store, account, job, downloaded } = setUp();
    store.offlineBodies.setPeriod(account.id, 'off');
    job.kick();
    await settle(job);
    expect(downloaded).toEqual([]);
    store.offlineBodies.setPeriod(account.id, '30');
    // a message older than the period stays where it is
    store.messages.insertHeaders(store.mailboxes.list(account.id)[0]!.id, [
      headerRecord(99, { date: NOW - 400 * DAY }),
    ]);
    job.kick();
    await settle(job);
    expect(downloaded).toHaveLength(30);
    expect(store.offlineBodies.progress(account.id, NOW - 30 * DAY)).toEqual({ done: 30, total: 30 });
  });

  it('waits while the user works and while a sync runs, then carries on by itself', async () => {
    const { job, downloaded, reports } = setUp();
    job.userActive();
    job.kick();
    await settle(job, 600);
    expect(downloaded).toEqual([]);
    expect(reports.at(-1)?.state).toBe('paused');
    await settle(job, 1_000);
    expect(downloaded).toHaveLength(30);

    const second = setUp();
    second.job.syncProgress(10, 100);
    second.job.kick();
    await settle(second.job, 600);
    expect(second.downloaded).toEqual([]);
    expect(second.reports.at(-1)?.state).toBe('paused');
    second.job.syncProgress(100, 100);
    await settle(second.job, 600);
    expect(second.downloaded).toHaveLength(30);
  });

  it('counts the period once while a sync keeps it paused, not at every wake', async () => {
    const { job, reports } = setUp();
    job.syncProgress(10, 100);
    job.kick();
    await settle(job, 600);
    for (let done = 20; done < 100; done += 10) {
      job.syncProgress(done, 100);
      job.kick();
      await settle(job, 1_500);
    }
    expect(reports.filter((r) => r.state === 'paused')).toHaveLength(1);
    job.syncProgress(100, 100);
    await settle(job, 600);
    expect(reports.at(-1)).toMatchObject({ done: 30, total: 30, state: 'done' });
  });

  it('skips a body that fails and finishes the rest', async () => {
    const { job, downloaded, reports, uidOf } = setUp({ failing: new Set([28]) });
    job.kick();
    await settle(job);
    expect(downloaded.map(uidOf)).not.toContain(28);
    expect(downloaded).toHaveLength(29);
    expect(reports.at(-1)).toMatchObject({ done: 29, total: 30, state: 'done' });
  });
});
