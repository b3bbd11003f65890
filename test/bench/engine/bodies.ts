// Opening a message (d): `message.body` for 100 messages of every shape the test bed writes
// (plain, HTML, alternative, nested, attachments, inline images, legacy charsets, newsletters…),
// first from the server, then again from the cache.
import { performance } from 'node:perf_hooks';
import type { EngineSession } from './engine-session';

export interface BodySample {
  id: number;
  kind: string;
  ms: number;
}

export interface BodiesResult {
  /** The very first open: includes connecting the on-demand IMAP connection. */
  firstOpenMs: number;
  uncached: BodySample[];
  cached: BodySample[];
}

/** `count` messages spread over the mailbox, the kinds taken in turn (kind = Message-ID prefix). */
export function pickMixed(session: EngineSession, mailboxId: number, count: number): { id: number; kind: string }[] {
  const rows = session.db
    .prepare('SELECT id, message_id FROM messages WHERE mailbox_id = ? ORDER BY uid')
    .all(mailboxId) as { id: number; message_id: string | null }[];
  const byKind = new Map<string, number[]>();
  for (const row of rows) {
    const kind = /^<([a-z0-9-]+)\./.exec(row.message_id ?? '')?.[1] ?? 'other';
    const ids = byKind.get(kind);
    if (ids) ids.push(row.id);
    else byKind.set(kind, [row.id]);
  }
  const kinds = [...byKind.keys()].sort();
  const perKind = Math.ceil(count / kinds.length);
  const picked: { id: number; kind: string }[] = [];
  for (let round = 0; round < perKind; round++)
    for (const kind of kinds) {
      const ids = byKind.get(kind)!;
      // evenly spaced through the mailbox, so old and new messages both take part
      const id = ids[Math.floor(((round + 0.5) * ids.length) / perKind)];
      if (id !== undefined && picked.length < count) picked.push({ id, kind });
    }
  return picked;
}

async function open(session: EngineSession, id: number): Promise<number> {
  const t0 = performance.now();
  await session.service.call('message.body', { id });
  return performance.now() - t0;
}

export async function openBodies(session: EngineSession, input: { count: number }): Promise<BodiesResult> {
  const inbox = session.inboxId();
  if (inbox === null) throw new Error('no INBOX in the store');
  const picked = pickMixed(session, inbox, input.count + 1);
  const [warmup, ...sample] = picked;
  if (!warmup) throw new Error('no messages to open');
  const firstOpenMs = await open(session, warmup.id);
  const uncached: BodySample[] = [];
  for (const m of sample) uncached.push({ ...m, ms: await open(session, m.id) });
  const cached: BodySample[] = [];
  for (const m of sample) cached.push({ ...m, ms: await open(session, m.id) });
  return { firstOpenMs, uncached, cached };
}

/** Caches the bodies of the newest `count` messages: the ones the keyboard bench reads with j. */
export async function prewarmNewest(session: EngineSession, input: { count: number }): Promise<number> {
  const inbox = session.inboxId();
  if (inbox === null) throw new Error('no INBOX in the store');
  const t0 = performance.now();
  const { messages } = await session.service.call('messages.window', {
    mailboxId: inbox,
    offset: 0,
    limit: input.count,
  });
  for (const m of messages) await session.service.call('message.body', { id: m.id });
  return performance.now() - t0;
}
