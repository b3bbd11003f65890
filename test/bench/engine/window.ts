// The message-list query (e): `messages.window` for 50 rows at offsets across a large mailbox.
// The mailbox is written straight into SQLite (Store.open + insertHeaders) from the headers the
// engine synced, copied until there are `rows` of them, so the rows have real sizes and shapes.
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Address } from '../../../shared/domain';
import { KeyFileCipher } from '../../../electron/core/accounts/key-file-cipher';
import type { HeaderRecord } from '../../../electron/core/store/messages-repo';
import { Store } from '../../../electron/core/store/store';
import { Threader } from '../../../electron/core/threads/threader';
import { KEY_FILE_NAME } from '../../../electron/shell/profile-dir';
import { openSession } from './engine-session';

export interface SourceRow {
  message_id: string | null;
  subject: string;
  from_json: string;
  to_json: string;
  cc_json: string;
  date: number;
  size: number;
  seen: number;
  flagged: number;
  answered: number;
  draft: number;
  keywords: string | null;
  has_attachments: number;
  thread_key: string;
  in_reply_to: string | null;
  thread_refs: string | null;
  bodystructure: string | null;
}

const YEAR_MS = 366 * 86_400_000;

export function readSource(sourceDb: string): SourceRow[] {
  const db = new Database(sourceDb, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        "SELECT m.* FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id WHERE b.path = 'INBOX' ORDER BY m.uid",
      )
      .all() as SourceRow[];
  } finally {
    db.close();
  }
}

/** A Message-ID of the `copy`th copy: each copy of the mailbox threads on its own, as the original does. */
function copiedId(messageId: string, copy: number): string {
  return copy ? messageId.replace('@', `.c${copy}@`) : messageId;
}

function toRecord(row: SourceRow, uid: number, copy: number): HeaderRecord {
  return {
    uid,
    messageId: row.message_id && copiedId(row.message_id, copy),
    subject: row.subject,
    from: JSON.parse(row.from_json) as Address[],
    to: JSON.parse(row.to_json) as Address[],
    cc: JSON.parse(row.cc_json) as Address[],
    // each copy a year further back, so the list order interleaves nothing
    date: row.date - copy * YEAR_MS,
    size: row.size,
    flags: { seen: row.seen === 1, flagged: row.flagged === 1, answered: row.answered === 1, draft: row.draft === 1 },
    keywords: row.keywords ? row.keywords.split(' ') : [],
    hasAttachments: row.has_attachments === 1,
    threadKey: copiedId(row.thread_key, copy),
    inReplyTo: row.in_reply_to && copiedId(row.in_reply_to, copy),
    threadRefs:
      row.thread_refs &&
      row.thread_refs
        .split(' ')
        .map((ref) => copiedId(ref, copy))
        .join(' '),
    bodystructure: row.bodystructure,
  };
}

/** Writes a profile with one account and an INBOX of `rows` headers; returns the INBOX id. */
export async function fillProfile(dataDir: string, source: SourceRow[], rows: number): Promise<number> {
  if (source.length === 0) throw new Error('the synced profile has no INBOX headers to copy');
  const cipher = new KeyFileCipher(path.join(dataDir, KEY_FILE_NAME));
  const store = Store.open(dataDir);
  try {
    const account = store.accounts.insert(
      {
        name: 'bench@example.test',
        email: 'bench@example.test',
        displayName: 'Bench',
        username: 'bench@example.test',
        imap: { host: '127.0.0.1', port: 993, security: 'tls' },
        smtp: { host: '127.0.0.1', port: 587, security: 'starttls' },
      },
      await cipher.encrypt('unused', 'bench'),
    );
    store.mailboxes.replaceTree(account.id, [
      {
        path: 'INBOX',
        name: 'INBOX',
        parentPath: null,
        delimiter: '/',
        role: 'inbox',
        subscribed: true,
        selectable: true,
        unread: null,
        total: null,
      },
    ]);
    const inbox = store.mailboxes.byPath(account.id, 'INBOX')!.id;
    const CHUNK = 5_000;
    for (let start = 0; start < rows; start += CHUNK) {
      const records: HeaderRecord[] = [];
      for (let i = start; i < Math.min(rows, start + CHUNK); i++)
        records.push(toRecord(source[i % source.length]!, i + 1, Math.floor(i / source.length)));
      store.transaction(() => store.messages.insertHeaders(inbox, records));
    }
    return inbox;
  } finally {
    store.close();
  }
}

export interface WindowResult {
  rows: number;
  fillMs: number;
  /** Offset → the timed `messages.window` calls (50 rows each), ms. */
  samples: Record<string, number[]>;
  /** Threading every row of the filled profile in one go (what a first sync leaves the threader). */
  threadMs: number;
  /** Conversations the mailbox has once threaded. */
  conversations: number;
  /** Offset → the timed `conversations.window` calls (50 rows each), ms; offsets over the conversations. */
  conversationSamples: Record<string, number[]>;
  /** Sorted and filtered windows (ORDERED_CASES) → their timed calls, ms. */
  ordered: Record<string, number[]>;
}

/** Where the conversation window is timed: the top, a little and a lot down, the last page. */
export function conversationOffsets(count: number): number[] {
  return [0, 1_000, 10_000, Math.max(0, count - 50)].filter(
    (offset, i, all) => offset < count && all.indexOf(offset) === i,
  );
}

/** Threads the whole profile, as the threader's background batches would after a first sync. */
function threadAll(dataDir: string): number {
  const store = Store.open(dataDir);
  try {
    const start = performance.now();
    new Threader(store.db).catchUp();
    return performance.now() - start;
  } finally {
    store.close();
  }
}

/**
 * Sorted and filtered windows of the same mailbox. A filtered case changes a flag between calls
 * (untimed), so each timed call counts its list again: the cost the user sees after reading or
 * starring a message with a quick filter on.
 */
export const ORDERED_CASES = {
  'sender@0': { offset: 0, sort: { by: 'sender', direction: 'asc' }, filter: undefined },
  'sender@50000': { offset: 50_000, sort: { by: 'sender', direction: 'asc' }, filter: undefined },
  'subject-desc@90000': { offset: 90_000, sort: { by: 'subject', direction: 'desc' }, filter: undefined },
  'unread@0': { offset: 0, sort: undefined, filter: { unread: true } },
  'starred-by-size@0': { offset: 0, sort: { by: 'size', direction: 'desc' }, filter: { starred: true } },
} as const;
export type OrderedCase = keyof typeof ORDERED_CASES;

export async function windowQueries(input: {
  sourceDb: string;
  dataDir: string;
  rows: number;
  offsets: number[];
  repeats: number;
}): Promise<WindowResult> {
  const t0 = performance.now();
  const inbox = await fillProfile(input.dataDir, readSource(input.sourceDb), input.rows);
  const fillMs = performance.now() - t0;
  const threadMs = threadAll(input.dataDir);
  const session = await openSession(input.dataDir, { offline: true });
  try {
    const samples: Record<string, number[]> = {};
    for (const offset of input.offsets) {
      const call = () => session.service.call('messages.window', { mailboxId: inbox, offset, limit: 50 });
      for (let i = 0; i < 3; i++) await call();
      const times: number[] = [];
      for (let i = 0; i < input.repeats; i++) {
        const start = performance.now();
        const { messages } = await call();
        times.push(performance.now() - start);
        if (messages.length !== Math.min(50, input.rows - offset))
          throw new Error(`offset ${offset}: ${messages.length} rows`);
      }
      samples[String(offset)] = times;
    }
    const conversations = (
      await session.service.call('conversations.window', { mailboxId: inbox, offset: 0, limit: 1 })
    ).total;
    const conversationSamples: Record<string, number[]> = {};
    for (const offset of conversationOffsets(conversations)) {
      const call = () => session.service.call('conversations.window', { mailboxId: inbox, offset, limit: 50 });
      for (let i = 0; i < 3; i++) await call();
      const times: number[] = [];
      for (let i = 0; i < input.repeats; i++) {
        const start = performance.now();
        const { messages } = await call();
        times.push(performance.now() - start);
        if (messages.length !== Math.min(50, conversations - offset))
          throw new Error(`conversations at ${offset}: ${messages.length} rows`);
      }
      conversationSamples[String(offset)] = times;
    }
    const ordered: Record<string, number[]> = {};
    // a message to star and unstar between filtered calls, so every timed call counts again
    const toggled = (await session.service.call('messages.window', { mailboxId: inbox, offset: 7, limit: 1 }))
      .messages[0]!.id;
    for (const [name, { offset, sort, filter }] of Object.entries(ORDERED_CASES)) {
      const call = () =>
        session.service.call('messages.window', {
          mailboxId: inbox,
          offset,
          limit: 50,
          ...(sort ? { sort: { ...sort } } : {}),
          ...(filter ? { filter: { ...filter } } : {}),
        });
      for (let i = 0; i < 3; i++) await call();
      const times: number[] = [];
      for (let i = 0; i < input.repeats; i++) {
        if (filter) await session.service.call('messages.setFlags', { ids: [toggled], flagged: i % 2 === 0 });
        const start = performance.now();
        const { messages, total } = await call();
        times.push(performance.now() - start);
        if (messages.length !== Math.min(50, Math.max(0, total - offset)))
          throw new Error(`${name}: ${messages.length} rows of ${total}`);
      }
      ordered[name] = times;
    }
    return { rows: input.rows, fillMs, samples, threadMs, conversations, conversationSamples, ordered };
  } finally {
    await session.close();
  }
}
