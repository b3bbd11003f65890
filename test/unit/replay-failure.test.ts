// A queued action is dropped (and so undone for the user) only on an answer that waiting cannot
// change; passing refusals back off per action and keep it. The table, then the queue's use of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { move } from '../../electron/core/imap/ops/move';
import { replayPendingOps } from '../../electron/core/imap/ops/op-queue';
import { classifyReplayFailure } from '../../electron/core/imap/ops/replay-failure';
import { Store } from '../../electron/core/store/store';
import { headerRecord, listedMailbox, testAccountSettings } from '../support/store-fixtures';

const refusal = (code: string | null, text = 'Refused') =>
  Object.assign(new Error('Command failed'), {
    responseStatus: 'NO',
    responseText: code ? `[${code}] ${text}` : text,
    ...(code ? { serverResponseCode: code } : {}),
  });

describe('classifyReplayFailure', () => {
  it.each([
    ['NONEXISTENT', 'definitive'],
    ['CANNOT', 'definitive'],
    ['ALREADYEXISTS', 'definitive'],
    ['TRYCREATE', 'try-create'],
    ['UNAVAILABLE', 'transient'],
    ['INUSE', 'transient'],
    ['LIMIT', 'transient'],
    ['OVERQUOTA', 'transient'],
    [null, 'unknown'],
  ] as const)('NO [%s] is %s', (code, kind) => {
    expect(classifyReplayFailure(refusal(code), 'imap.example.test')).toBe(kind);
  });

  it('reads the code from the text when imapflow did not set it', () => {
    expect(classifyReplayFailure({ responseText: '[INUSE] Mailbox is locked' }, 'h')).toBe('transient');
  });

  it('a missing mailbox that imapflow found by LIST is definitive', () => {
    expect(classifyReplayFailure({ responseText: "Mailbox doesn't exist", mailboxMissing: true }, 'h')).toBe(
      'definitive',
    );
  });

  it('a lost connection only stops the replay', () => {
    expect(classifyReplayFailure(Object.assign(new Error('Socket closed'), { code: 'EConnectionClosed' }), 'h')).toBe(
      'network',
    );
  });
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mail-replay-'));
  dirs.push(dir);
  const store = Store.open(dir);
  const account = store.accounts.insert(testAccountSettings, Buffer.from('x'));
  store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox'), listedMailbox('Archive', 'archive')]);
  const inbox = store.mailboxes.byRole(account.id, 'inbox')!;
  const archive = store.mailboxes.byRole(account.id, 'archive')!;
  store.mailboxes.saveSyncState(inbox.id, {
    uidValidity: '100',
    highestModseq: '50',
    uidNext: 2,
    syncedHighUid: 1,
    syncedLowUid: 1,
  });
  const [id] = store.messages.insertHeaders(inbox.id, [
    headerRecord(1, { subject: 'Quarterly report', from: [], size: 1 }),
  ]);
  const local = move.applyLocally(store, { ids: [id!], toMailboxId: archive.id });
  for (const op of local.ops) store.pendingOps.enqueue(op.accountId, move.kind, op.payload, op.touches);
  return { store, account, archive };
}

/** A server that answers every SELECT with the given refusal, counting how often it was asked. */
function refusingServer(error: Error) {
  const server = {
    asked: 0,
    mailboxOpen: async () => {
      server.asked++;
      throw error;
    },
  };
  return server;
}

describe('replaying against a refusing server', () => {
  it('NO [UNAVAILABLE] never drops the action: it backs off, and is not asked again before its time', async () => {
    const { store, account, archive } = setup();
    const server = refusingServer(refusal('UNAVAILABLE', 'Try again later'));
    const notBefore = new Map<number, number>();
    let now = 1_000_000;
    const waits: number[] = [];
    for (let round = 0; round < 20; round++) {
      const report = await replayPendingOps(server as unknown as ImapFlow, store, account.id, 'h', {
        notBefore,
        retry: { baseMs: 1_000, maxMs: 60_000, random: () => 0 },
        now: () => now,
      });
      expect(report.dropped).toEqual([]);
      // Asked again at once, the server is left alone.
      const asked = server.asked;
      await replayPendingOps(server as unknown as ImapFlow, store, account.id, 'h', { notBefore, now: () => now });
      expect(server.asked).toBe(asked);
      waits.push(report.waitUntil! - now);
      now = report.waitUntil!;
    }
    expect(store.pendingOps.count(account.id)).toBe(1);
    expect(store.messages.count(archive.id)).toBe(1); // the user's move still shows
    expect(waits.slice(0, 4)).toEqual([500, 1_000, 2_000, 4_000]);
    expect(Math.max(...waits)).toBe(30_000); // half the cap, with random() = 0
    store.close();
  });

  it('NO [NONEXISTENT] drops it at once and names the message', async () => {
    const { store, account, archive } = setup();
    const server = refusingServer(refusal('NONEXISTENT', 'No such mailbox'));
    const report = await replayPendingOps(server as unknown as ImapFlow, store, account.id, 'h');
    expect(server.asked).toBe(1);
    expect(report.dropped).toEqual([
      expect.objectContaining({ kind: 'move', reason: 'refused', subject: 'Quarterly report' }),
    ]);
    expect(store.pendingOps.count(account.id)).toBe(0);
    expect(store.messages.count(archive.id)).toBe(0); // undone locally; the next sync shows the truth
    store.close();
  });

  it('a refusal without a code is retried with backoff and given up only after ten tries spread over time', async () => {
    const { store, account } = setup();
    const server = refusingServer(refusal(null));
    const notBefore = new Map<number, number>();
    let now = 0;
    let rounds = 0;
    for (;;) {
      rounds++;
      const report = await replayPendingOps(server as unknown as ImapFlow, store, account.id, 'h', {
        notBefore,
        now: () => now,
      });
      if (report.dropped.length) {
        expect(report.dropped[0]).toMatchObject({ reason: 'refused', subject: 'Quarterly report' });
        break;
      }
      now = report.waitUntil!;
    }
    expect(rounds).toBe(10);
    expect(now).toBeGreaterThan(15 * 60_000); // a quarter of an hour and more of trying, not seconds
    store.close();
  });
});
