// What every fault scenario ends with: the engine's store equals a fresh listing of the server
// (every folder: the same UIDs, each with the same message and flags). A cut, a reset or a
// restart may slow the engine down; it may never leave it with a different picture of the mailbox.
import type { ImapFlow } from 'imapflow';
import { expect } from 'vitest';
import { prng } from '../mailserver/mime';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { allHeaders, otherDevice, type CoreHandle } from './core-harness';
import { waitFor } from './wait';

/** One folder as "uid → message-id and flags" lines, sorted: easy to compare and to read in a diff. */
type Listing = string[];

function line(uid: number, messageId: string | null, f: { seen: boolean; flagged: boolean; answered: boolean }) {
  const flags = `${f.seen ? 'S' : '-'}${f.flagged ? 'F' : '-'}${f.answered ? 'A' : '-'}`;
  return `${String(uid).padStart(6, '0')} ${messageId ?? '?'} ${flags}`;
}

async function serverListing(imap: ImapFlow, path: string): Promise<Listing> {
  const lock = await imap.getMailboxLock(path, { readOnly: true });
  try {
    const out: Listing = [];
    if ((imap.mailbox && imap.mailbox.exists) === 0) return out;
    for await (const m of imap.fetch('1:*', { uid: true, flags: true, envelope: true }, { uid: false }))
      out.push(
        line(m.uid, m.envelope?.messageId ?? null, {
          seen: m.flags?.has('\\Seen') ?? false,
          flagged: m.flags?.has('\\Flagged') ?? false,
          answered: m.flags?.has('\\Answered') ?? false,
        }),
      );
    return out.sort();
  } finally {
    lock.release();
  }
}

async function localListing(core: CoreHandle, mailboxId: number): Promise<Listing> {
  return (await allHeaders(core, mailboxId)).map((h) => line(h.uid, h.messageId, h.flags)).sort();
}

/**
 * Waits (up to `timeoutMs`) until every selectable folder of the account equals the server, then
 * asserts it, so a failure shows the diff of the folder that stayed different.
 */
export async function expectStoreEqualsServer(
  core: CoreHandle,
  server: MailServerInfo,
  user: MailUser,
  accountId: string,
  timeoutMs = 30_000,
): Promise<void> {
  const imap = await otherDevice(server, user);
  try {
    const boxes = (await core.service.call('mailboxes.list', { accountId })).filter((m) => m.selectable);
    const remoteFolders = (await imap.list()).filter((f) => !f.flags.has('\\Noselect')).map((f) => f.path);
    expect(boxes.map((b) => b.path).sort()).toEqual([...remoteFolders].sort());
    for (const box of boxes) {
      let last: { local: Listing; remote: Listing } = { local: [], remote: [] };
      await waitFor(
        async () => {
          last = { local: await localListing(core, box.id), remote: await serverListing(imap, box.path) };
          return JSON.stringify(last.local) === JSON.stringify(last.remote);
        },
        { timeoutMs, intervalMs: 500, what: `${box.path} to equal the server` },
      ).catch(() => undefined);
      expect(last.local, `${box.path}: local store vs. server`).toEqual(last.remote);
    }
  } finally {
    await imap.logout().catch(() => imap.close());
  }
}

/** Seeded choices (test/mailserver/mime.ts's PRNG): the same seed picks the same cut points. */
export function seeded(seed: number) {
  const next = prng(seed);
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

/**
 * Seeds for the scenarios: two by default, eight with MAIL_FAULTS_LONG=1, or exactly the ones in
 * MAIL_FAULTS_SEEDS (e.g. "17" to replay a failing run).
 */
export const FAULT_SEEDS = process.env.MAIL_FAULTS_SEEDS
  ? process.env.MAIL_FAULTS_SEEDS.split(',').map(Number)
  : process.env.MAIL_FAULTS_LONG === '1'
    ? [1, 2, 3, 4, 5, 6, 7, 8]
    : [1, 2];
export const LONG_FAULTS = process.env.MAIL_FAULTS_LONG === '1';
