// The scheduler of a split first sync (imap/sync/split-fetch.ts) with connections of chosen
// speeds: every batch is written once, the state written with a batch never claims a batch not
// yet written, and an extra connection that fails hands its batch to the work connection.
import { describe, expect, it } from 'vitest';
import { fetchSplit, type SplitConnection } from '../../electron/core/imap/sync/split-fetch';

interface Fetched {
  uids: readonly number[];
  by: string;
}

/** Ten batches of 10 UIDs, newest first: 100..91, 90..81, ... 10..1. */
const BATCHES = Array.from({ length: 10 }, (_, b) => Array.from({ length: 10 }, (_, i) => 100 - b * 10 - i));

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function connection(by: string, ms: number, failOn?: number): SplitConnection<Fetched> & { closed: boolean } {
  const c = {
    closed: false,
    async fetch(uids: readonly number[]) {
      await later(ms);
      if (uids[0] === failOn) throw new Error('connection cut');
      return { uids, by };
    },
    close() {
      c.closed = true;
    },
  };
  return c;
}

function run(extra: SplitConnection<Fetched> | null, mainMs: number, loginMs = 0) {
  const stored = new Set<number>();
  const writes: { by: string; high: number; claimedLow: number }[] = [];
  const done = fetchSplit<Fetched>({
    batches: BATCHES,
    fetchMain: async (uids) => {
      await later(mainMs);
      return { uids, by: 'main' };
    },
    extraConnections: extra ? 1 : 0,
    openExtra: async () => {
      await later(loginMs);
      return extra;
    },
    write: async (batch, claimedLow) => {
      await later(1);
      // what the state claims must be stored once this batch is
      for (const uid of batch.uids) stored.add(uid);
      for (let uid = claimedLow; uid <= 100; uid++) expect(stored.has(uid), `uid ${uid} claimed`).toBe(true);
      writes.push({ by: batch.by, high: batch.uids[0]!, claimedLow });
    },
    discard: () => undefined,
    claimedLow: 101,
  });
  return { done, stored, writes };
}

describe('fetchSplit', () => {
  it('shares the batches between two connections and claims only a run of written batches', async () => {
    const extra = connection('extra', 3);
    const { done, stored, writes } = run(extra, 5);
    await done;
    expect(stored.size).toBe(100);
    expect(writes).toHaveLength(10);
    expect(new Set(writes.map((w) => w.high)).size).toBe(10);
    expect(writes.filter((w) => w.by === 'extra').length).toBeGreaterThan(0);
    expect(writes.filter((w) => w.by === 'main').length).toBeGreaterThan(0);
    // the claim moved down as batches landed (never past one not written: checked in write);
    // it may stop short of the last batches (they landed out of order): the caller then saves
    // the mailbox as complete, and a cut before that only refetches what is stored already
    expect(Math.min(...writes.map((w) => w.claimedLow))).toBeLessThan(91);
    expect(extra.closed).toBe(true);
  });

  it('gives the batch of a failed extra connection to the work connection, with the rest', async () => {
    const extra = connection('extra', 2, 70);
    const { done, stored, writes } = run(extra, 4);
    await done;
    expect(stored.size).toBe(100);
    expect(writes.find((w) => w.high === 70)?.by).toBe('main');
    expect(new Set(writes.map((w) => w.high)).size).toBe(10);
    expect(extra.closed).toBe(true);
  });

  it('runs on the work connection alone when no extra connection opens', async () => {
    const { done, writes } = run(null, 1);
    await done;
    expect(writes.map((w) => w.by)).toEqual(Array(10).fill('main'));
    expect(writes.map((w) => w.claimedLow)).toEqual(BATCHES.map((b) => b.at(-1)));
  });

  it('does not wait for an extra connection slow to log in, which logs out when it finds nothing left', async () => {
    const extra = connection('extra', 1);
    const started = Date.now();
    const { done, writes } = run(extra, 1, 400);
    await done;
    expect(Date.now() - started).toBeLessThan(400);
    expect(writes.map((w) => w.by)).toEqual(Array(10).fill('main'));
    await later(450);
    expect(extra.closed).toBe(true);
  });
});
