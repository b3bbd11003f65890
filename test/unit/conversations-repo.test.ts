// Conversation rows: one per conversation per folder, newest first, with the whole of it, kept
// true through flags, moves and deletes; windows at any offset (read through the remembered
// anchors) equal the plain query over the heads, before and after changes; unified views merge
// folders of several accounts.
import { describe, expect, it } from 'vitest';
import type { HeaderRecord } from '../../electron/core/store/messages-repo';
import type { Store } from '../../electron/core/store/store';
import { ConversationsRepo } from '../../electron/core/threads/conversations-repo';
import { Threader } from '../../electron/core/threads/threader';
import { cleanupAfterEach } from '../support/cleanup';
import { headerRecord, listedMailbox, senderAccountSettings } from '../support/store-fixtures';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();
const id = (name: string) => `<${name}@example.test>`;

interface Mail {
  name: string;
  folder: 'INBOX' | 'Sent' | 'Archive' | 'Trash';
  messageId?: string;
  inReplyTo?: string;
  root?: string;
}

let uid = 0;

function record(mail: Mail): HeaderRecord {
  uid++;
  const messageId = mail.messageId ?? id(mail.name);
  return headerRecord(uid, {
    messageId,
    from: [{ name: mail.name, address: `${mail.name}@example.test` }],
    date: Date.UTC(2026, 0, 1, 0, uid),
    inReplyTo: mail.inReplyTo ?? null,
    threadKey: mail.root ?? mail.inReplyTo ?? messageId,
  });
}

function setUp() {
  const { store } = openTempStore(cleanup, 'mail-conversations-');
  const { box } = addTestAccount(store, [
    listedMailbox('INBOX', 'inbox'),
    listedMailbox('Sent', 'sent'),
    listedMailbox('Archive', 'archive'),
    listedMailbox('Trash', 'trash'),
  ]);
  return { store, box, threader: new Threader(store.db), conversations: new ConversationsRepo(store.db) };
}

function store(s: Store, box: (path: string) => { id: number }, mails: Mail[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const mail of mails) {
    const [rowId] = s.transaction(() => s.messages.insertHeaders(box(mail.folder).id, [record(mail)]));
    ids.set(mail.name, rowId!);
  }
  return ids;
}

function conversationOf(s: Store, rowId: number): number {
  return s.db.prepare('SELECT conversation_id FROM messages WHERE id = ?').pluck().get(rowId) as number;
}

describe('conversation rows', () => {
  const thread: Mail[] = [
    { name: 'a', folder: 'INBOX' },
    { name: 'b', folder: 'Sent', inReplyTo: id('a'), root: id('a') },
    { name: 'c', folder: 'INBOX', inReplyTo: id('b'), root: id('a') },
    { name: 'other', folder: 'INBOX' },
    { name: 'c-archived', folder: 'Archive', messageId: id('c') },
    { name: 'trashed', folder: 'Trash', inReplyTo: id('c') },
  ];

  it('shows one row per conversation, newest first, with the whole of it', () => {
    const { store: s, box, threader, conversations } = setUp();
    const ids = store(s, box, thread);
    threader.catchUp();
    const inbox = box('INBOX').id;
    expect(conversations.count(inbox)).toBe(2);
    const rows = conversations.window(inbox, 0, 10);
    expect(rows.map((row) => row.id)).toEqual([ids.get('other'), ids.get('c')]);
    const [, convo] = rows;
    expect(convo!.conversation).toMatchObject({ count: 2, unread: 2, flagged: false });
    // a, b (Sent), c; c's archived copy is the same Message-ID, and Trash is not counted
    expect(convo!.conversation.total).toBe(3);
    expect(convo!.conversation.participants.map((p) => p.name)).toEqual(['a', 'b', 'c']);
    expect(conversations.window(inbox, 1, 10).map((row) => row.id)).toEqual([ids.get('c')]);
  });

  it('keeps unread, starred, newest and count true through flags, moves and deletes', () => {
    const { store: s, box, threader, conversations } = setUp();
    const ids = store(s, box, thread);
    threader.catchUp();
    const inbox = box('INBOX').id;
    const row = () => conversations.window(inbox, 0, 10).find((r) => r.conversation.id === convo);
    const convo = conversationOf(s, ids.get('a')!);
    s.messages.setLocalFlags([ids.get('a')!], { seen: true, flagged: true });
    expect(row()!.conversation).toMatchObject({ count: 2, unread: 1, flagged: true });
    s.messages.moveLocal([ids.get('c')!], box('Archive').id);
    expect(row()).toMatchObject({ id: ids.get('a'), conversation: { count: 1, unread: 0 } });
    expect(conversations.count(box('Archive').id)).toBe(1);
    s.messages.delete([ids.get('a')!]);
    expect(row()).toBeUndefined();
    expect(conversations.count(inbox)).toBe(1);
  });

  it('keeps every head equal to its conversation through many flag changes from the server', () => {
    const { store: s, box, threader } = setUp();
    const mails: Mail[] = [];
    for (let i = 0; i < 60; i++) {
      mails.push({ name: `f${i}`, folder: 'INBOX' });
      if (i % 2 === 0) mails.push({ name: `f${i}r`, folder: 'INBOX', inReplyTo: id(`f${i}`) });
      if (i % 4 === 0) mails.push({ name: `f${i}rr`, folder: 'INBOX', inReplyTo: id(`f${i}r`), root: id(`f${i}`) });
    }
    store(s, box, mails);
    threader.catchUp();
    const inbox = box('INBOX').id;
    const heads = () =>
      s.db.prepare('SELECT * FROM conversation_heads WHERE mailbox_id = ? ORDER BY conversation_id').all(inbox);
    // what the heads must say: each conversation's rows counted afresh
    const recomputed = () =>
      s.db
        .prepare(
          `SELECT mailbox_id, conversation_id,
             (SELECT id FROM messages n WHERE n.conversation_id = m.conversation_id AND n.mailbox_id = m.mailbox_id
              ORDER BY date DESC, id DESC LIMIT 1) AS newest_id,
             MAX(date) AS date, COUNT(*) AS count, TOTAL(seen = 0) AS unread, TOTAL(flagged) AS flagged
           FROM messages m WHERE mailbox_id = ? GROUP BY conversation_id ORDER BY conversation_id`,
        )
        .all(inbox);
    const version = () =>
      s.db.prepare('SELECT version FROM conversation_counts WHERE mailbox_id = ?').pluck().get(inbox) as number;
    const uids = s.db
      .prepare('SELECT uid FROM messages WHERE mailbox_id = ? ORDER BY uid')
      .pluck()
      .all(inbox) as number[];
    for (let round = 0; round < 3; round++) {
      const before = version();
      const updates = uids.map((u, i) => ({
        uid: u,
        flags: { seen: (i + round) % 3 === 0, flagged: (i * 7 + round) % 5 === 0, answered: false, draft: false },
      }));
      expect(s.transaction(() => s.messages.applyServerFlags(inbox, updates)).length).toBeGreaterThan(0);
      expect(heads()).toEqual(recomputed());
      expect(version()).toBeGreaterThan(before);
    }
  });

  it('opens a conversation across folders, each Message-ID once, Trash left out', () => {
    const { store: s, box, threader, conversations } = setUp();
    const ids = store(s, box, thread);
    threader.catchUp();
    const inbox = box('INBOX').id;
    const convo = conversationOf(s, ids.get('a')!);
    expect(conversations.messages(convo, inbox).map((m) => m.id)).toEqual([ids.get('a'), ids.get('b'), ids.get('c')]);
    // seen from Archive, its own copy of c is the one shown
    expect(conversations.messages(convo, box('Archive').id).map((m) => m.id)).toEqual([
      ids.get('a'),
      ids.get('b'),
      ids.get('c-archived'),
    ]);
    expect(conversations.messages(convo, box('Trash').id).map((m) => m.id)).toContain(ids.get('trashed'));
    expect(conversations.members([{ id: convo, mailboxId: inbox }]).map((m) => m.id)).toEqual([
      ids.get('c'),
      ids.get('a'),
    ]);
  });
});

describe('conversation windows', () => {
  /** The plain query the window must agree with: the heads' date index walked from the top. */
  const plain = (s: Store, mailboxId: number, offset: number, limit: number) =>
    s.db
      .prepare(
        `SELECT newest_id FROM conversation_heads WHERE mailbox_id = ?
         ORDER BY date DESC, newest_id DESC LIMIT ? OFFSET ?`,
      )
      .pluck()
      .all(mailboxId, limit, offset) as number[];

  it('read at any offset equal the plain query, also after changes', () => {
    const { store: s, box, threader, conversations } = setUp();
    const inbox = box('INBOX').id;
    // 1,400 conversations, every third with a reply
    const mails: Mail[] = [];
    for (let i = 0; i < 1_400; i++) {
      mails.push({ name: `t${i}`, folder: 'INBOX' });
      if (i % 3 === 0) mails.push({ name: `t${i}r`, folder: 'INBOX', inReplyTo: id(`t${i}`) });
    }
    const ids = store(s, box, mails);
    threader.catchUp();
    expect(conversations.count(inbox)).toBe(1_400);
    const check = () => {
      for (const offset of [0, 499, 500, 777, 1_000, 1_001, 1_350, 1_399])
        expect(
          conversations.window(inbox, offset, 50).map((row) => row.id),
          `offset ${offset}`,
        ).toEqual(plain(s, inbox, offset, 50));
    };
    check();
    // a reply to an old conversation brings it to the top; a delete and a move take rows away
    store(s, box, [{ name: 'late', folder: 'INBOX', inReplyTo: id('t3') }]);
    threader.catchUp();
    s.messages.delete([ids.get('t200')!]);
    s.messages.moveLocal([ids.get('t50')!], box('Archive').id);
    s.messages.setLocalFlags([ids.get('t1000')!], { seen: true });
    expect(conversations.count(inbox)).toBe(1_398);
    expect(conversations.window(inbox, 0, 1)[0]!.messageId).toBe(id('late'));
    check();
  });

  it('merge the unified folders of several accounts, newest first', () => {
    const { store: s, box, threader, conversations } = setUp();
    const other = addTestAccount(s, [listedMailbox('INBOX', 'inbox')], senderAccountSettings);
    store(s, box, [{ name: 'mine-old', folder: 'INBOX' }]);
    store(s, other.box, [{ name: 'theirs', folder: 'INBOX' }]);
    store(s, box, [{ name: 'mine-reply', folder: 'INBOX', inReplyTo: id('mine-old') }]);
    threader.catchUp();
    const rows = conversations.windowAcross([box('INBOX').id, other.box('INBOX').id], 0, 10);
    expect(rows.map((row) => [row.messageId, row.conversation.count])).toEqual([
      [id('mine-reply'), 2],
      [id('theirs'), 1],
    ]);
    expect(conversations.windowAcross([box('INBOX').id, other.box('INBOX').id], 1, 10)).toHaveLength(1);
  });
});

describe('search results as conversations', () => {
  it('one row per conversation hit, standing for its newest hit, in hit order; unthreaded hits alone', () => {
    const { store: s, box, threader, conversations } = setUp();
    const ids = store(s, box, [
      { name: 'a', folder: 'INBOX' },
      { name: 'b', folder: 'Sent', inReplyTo: id('a') },
      { name: 'x', folder: 'INBOX' },
      { name: 'c', folder: 'INBOX', inReplyTo: id('b'), root: id('a') },
    ]);
    threader.catchUp();
    const late = store(s, box, [{ name: 'unthreaded', folder: 'INBOX' }]);
    const hits = s.messages.get([late.get('unthreaded')!, ids.get('c')!, ids.get('x')!, ids.get('b')!, ids.get('a')!]);
    const { total, rows } = conversations.searchRows(hits, 0, 10);
    expect(total).toBe(3);
    expect(rows.map((row) => row.id)).toEqual([late.get('unthreaded'), ids.get('c'), ids.get('x')]);
    expect(rows[0]).not.toHaveProperty('conversation');
    expect(rows[1]).toMatchObject({ conversation: { count: 2, total: 3 } });
    expect(conversations.searchRows(hits, 2, 10).rows.map((row) => row.id)).toEqual([ids.get('x')]);
    expect(conversations.searchRows([], 0, 10)).toEqual({ total: 0, rows: [] });
  });
});
