// Threading: real shapes of mail, each stored through header sync's own code (toHeaderRecord on
// an imapflow FETCH response, insertHeaders), then threaded. Every case names which messages
// must share a conversation; any two not named together must not.
import type { FetchMessageObject } from 'imapflow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toHeaderRecord } from '../../electron/core/imap/sync/header-fields';
import type { Store } from '../../electron/core/store/store';
import { Threader } from '../../electron/core/threads/threader';
import { cleanupAfterEach } from '../support/cleanup';
import { listedMailbox, senderAccountSettings } from '../support/store-fixtures';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

interface Mail {
  /** The test's name for the message. */
  name: string;
  folder: 'INBOX' | 'Sent' | 'Archive' | 'Trash';
  messageId?: string | null;
  subject?: string;
  inReplyTo?: string;
  /** The References header as it arrived, raw. */
  references?: string;
  /** Gmail's X-GM-THRID. */
  gmailThread?: string;
}

interface Shape {
  shape: string;
  mails: Mail[];
  /** Groups of names that are one conversation each; a name in no group is alone. */
  together: string[][];
}

const id = (name: string) => `<${name}@example.test>`;

const SHAPES: Shape[] = [
  {
    shape: 'a reply you sent sits in Sent, the answer to it in the Inbox',
    mails: [
      { name: 'a', folder: 'INBOX' },
      { name: 'b', folder: 'Sent', inReplyTo: id('a'), references: `References: ${id('a')}` },
      { name: 'c', folder: 'INBOX', inReplyTo: id('b'), references: `References: ${id('a')}\r\n ${id('b')}` },
    ],
    together: [['a', 'b', 'c']],
  },
  {
    shape: 'replies stored before the message they answer',
    mails: [
      { name: 'c', folder: 'INBOX', inReplyTo: id('b'), references: `References: ${id('a')} ${id('b')}` },
      { name: 'b', folder: 'Sent', inReplyTo: id('a'), references: `References: ${id('a')}` },
      { name: 'a', folder: 'INBOX' },
    ],
    together: [['a', 'b', 'c']],
  },
  {
    shape: 'a missing parent: siblings join through the root none of them has',
    mails: [
      { name: 'b', folder: 'INBOX', inReplyTo: id('root'), references: `References: ${id('root')}` },
      { name: 'c', folder: 'INBOX', inReplyTo: id('b2'), references: `References: ${id('root')} ${id('b2')}` },
      { name: 'lone', folder: 'INBOX', inReplyTo: id('elsewhere') },
    ],
    together: [['b', 'c']],
  },
  {
    shape: 'only In-Reply-To, no References, two levels deep',
    mails: [
      { name: 'a', folder: 'INBOX' },
      { name: 'b', folder: 'INBOX', inReplyTo: id('a') },
      { name: 'c', folder: 'INBOX', inReplyTo: id('b') },
    ],
    together: [['a', 'b', 'c']],
  },
  {
    shape: 'broken References: root cut off, garbage, no In-Reply-To',
    mails: [
      { name: 'a', folder: 'INBOX' },
      { name: 'b', folder: 'INBOX', inReplyTo: id('a'), references: `References: ${id('a')}` },
      // a client that kept only the last References and lost In-Reply-To
      { name: 'c', folder: 'INBOX', references: `References: ${id('x-unknown')} ${id('b')} ${id('y-unknown')}` },
      // References with no id in angle brackets at all, In-Reply-To still there
      { name: 'd', folder: 'INBOX', inReplyTo: id('c'), references: 'References: garbage without brackets' },
    ],
    together: [['a', 'b', 'c', 'd']],
  },
  {
    shape: 'the same subject alone is never a conversation',
    mails: [
      { name: 'a', folder: 'INBOX', subject: 'Invoice' },
      { name: 'b', folder: 'INBOX', subject: 'Re: Invoice' },
      { name: 'c', folder: 'INBOX', subject: 'Invoice', messageId: null },
      { name: 'd', folder: 'INBOX', subject: 'Invoice', messageId: null },
    ],
    together: [],
  },
  {
    shape: 'the same Message-ID twice: a duplicate delivery and a copy in Archive',
    mails: [
      { name: 'a', folder: 'INBOX', messageId: id('dup') },
      { name: 'a-again', folder: 'INBOX', messageId: id('dup') },
      { name: 'a-archived', folder: 'Archive', messageId: id('dup') },
      { name: 'reply', folder: 'INBOX', inReplyTo: id('dup') },
    ],
    together: [['a', 'a-again', 'a-archived', 'reply']],
  },
  {
    shape: 'a message that joins two conversations started apart',
    mails: [
      { name: 'a', folder: 'INBOX' },
      { name: 'a2', folder: 'INBOX', inReplyTo: id('a') },
      { name: 'b', folder: 'INBOX' },
      { name: 'both', folder: 'INBOX', inReplyTo: id('b'), references: `References: ${id('a')} ${id('b')}` },
    ],
    together: [['a', 'a2', 'b', 'both']],
  },
  {
    shape: "Gmail's thread ids decide, whatever the References say",
    mails: [
      { name: 'a', folder: 'INBOX', gmailThread: '1001' },
      { name: 'b', folder: 'Sent', gmailThread: '1001', inReplyTo: id('unrelated') },
      // Gmail split this one off (a new subject), though it references a
      { name: 'c', folder: 'INBOX', gmailThread: '2002', inReplyTo: id('a'), references: `References: ${id('a')}` },
    ],
    together: [['a', 'b']],
  },
];

let uid = 0;

/** An imapflow FETCH response as header sync receives it. */
function fetched(mail: Mail): FetchMessageObject {
  uid++;
  const messageId = mail.messageId === undefined ? id(mail.name) : mail.messageId;
  return {
    seq: uid,
    uid,
    flags: new Set<string>(),
    envelope: {
      date: new Date(Date.UTC(2026, 0, 1, 0, uid)),
      subject: mail.subject ?? `About ${mail.name}`,
      from: [{ name: mail.name, address: `${mail.name}@example.test` }],
      ...(messageId ? { messageId } : {}),
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    },
    headers: Buffer.from(mail.references ? `${mail.references}\r\n\r\n` : '\r\n'),
    ...(mail.gmailThread ? { threadId: mail.gmailThread } : {}),
  } as FetchMessageObject;
}

function setUp() {
  const { store } = openTempStore(cleanup, 'mail-threads-');
  const { box } = addTestAccount(store, [
    listedMailbox('INBOX', 'inbox'),
    listedMailbox('Sent', 'sent'),
    listedMailbox('Archive', 'archive'),
    listedMailbox('Trash', 'trash'),
  ]);
  return { store, box, threader: new Threader(store.db) };
}

function store(storeObj: Store, box: (path: string) => { id: number }, mails: Mail[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const mail of mails) {
    const mailbox = box(mail.folder).id;
    const [rowId] = storeObj.transaction(() =>
      storeObj.messages.insertHeaders(mailbox, [toHeaderRecord(fetched(mail), String(mailbox), () => false)]),
    );
    ids.set(mail.name, rowId!);
  }
  return ids;
}

function conversationOf(s: Store, rowId: number): number | null {
  return s.db.prepare('SELECT conversation_id FROM messages WHERE id = ?').pluck().get(rowId) as number | null;
}

describe('threading real shapes', () => {
  it.each(SHAPES)('$shape', ({ mails, together }) => {
    const { store: s, box, threader } = setUp();
    const ids = store(s, box, mails);
    threader.catchUp();
    const conversation = new Map([...ids].map(([name, rowId]) => [name, conversationOf(s, rowId)]));
    for (const value of conversation.values()) expect(value).not.toBeNull();
    const groupOf = (name: string) => together.findIndex((group) => group.includes(name));
    for (const a of ids.keys())
      for (const b of ids.keys()) {
        if (a >= b) continue;
        const same = groupOf(a) !== -1 && groupOf(a) === groupOf(b);
        expect(conversation.get(a) === conversation.get(b), `${a} and ${b} ${same ? 'together' : 'apart'}`).toBe(same);
      }
  });

  it('threads in any batch size the same as in one go', () => {
    const shape = SHAPES.find((item) => item.shape.startsWith('a message that joins'))!;
    const { store: s, box } = setUp();
    const ids = store(s, box, shape.mails);
    const small = new Threader(s.db, { batchSize: 1 });
    expect(small.catchUp(2)).toBe(true);
    expect(small.catchUp()).toBe(false);
    expect(new Set([...ids.values()].map((rowId) => conversationOf(s, rowId))).size).toBe(1);
  });

  it('keeps one account apart from another with the same Message-IDs', () => {
    const { store: s, box, threader } = setUp();
    const other = addTestAccount(s, [listedMailbox('INBOX', 'inbox')], senderAccountSettings);
    const [mine] = store(s, box, [{ name: 'a', folder: 'INBOX' }]).values();
    const [theirs] = store(s, other.box, [{ name: 'a', folder: 'INBOX' }]).values();
    threader.catchUp();
    expect(conversationOf(s, mine!)).not.toBe(conversationOf(s, theirs!));
  });

  it('threads a row stored under the id of a deleted one', () => {
    const { store: s, box, threader } = setUp();
    const first = store(s, box, [
      { name: 'a', folder: 'INBOX' },
      { name: 'b', folder: 'INBOX' },
    ]);
    threader.catchUp();
    s.messages.delete([first.get('b')!]);
    // SQLite gives the highest id again once its row is gone
    const again = store(s, box, [{ name: 'c', folder: 'INBOX', inReplyTo: id('a') }]);
    expect(again.get('c')).toBe(first.get('b'));
    threader.catchUp();
    expect(conversationOf(s, again.get('c')!)).toBe(conversationOf(s, first.get('a')!));
  });
});

describe('threading in the background', () => {
  afterEach(() => vi.useRealTimers());

  it('waits while a header sync runs, then threads once it is over', () => {
    vi.useFakeTimers();
    const { store: s, box } = setUp();
    const ids = store(s, box, [{ name: 'a', folder: 'INBOX' }]);
    const threader = new Threader(s.db, { idleMs: 100, syncQuietMs: 5_000 });
    cleanup.push(() => threader.dispose());
    threader.syncProgress(50, 1_000);
    threader.kick();
    vi.advanceTimersByTime(1_000);
    expect(conversationOf(s, ids.get('a')!)).toBeNull();
    threader.syncProgress(1_000, 1_000);
    vi.advanceTimersByTime(200);
    expect(conversationOf(s, ids.get('a')!)).not.toBeNull();
  });

  it('leaves the backlog it opened with until the sync pass after the login is through', () => {
    vi.useFakeTimers();
    const { store: s, box } = setUp();
    const ids = store(s, box, [{ name: 'a', folder: 'INBOX' }]);
    const threader = new Threader(s.db, { idleMs: 100, syncQuietMs: 5_000 });
    cleanup.push(() => threader.dispose());
    // the engine opens (a backlog left by a first sync) and the account's pass begins at once
    threader.kick();
    threader.syncPass(true);
    vi.advanceTimersByTime(1_000);
    expect(conversationOf(s, ids.get('a')!)).toBeNull();
    threader.syncPass(false);
    vi.advanceTimersByTime(200);
    expect(conversationOf(s, ids.get('a')!)).not.toBeNull();
  });

  it('begins its background batches small and keeps them small while they hold the thread too long', () => {
    vi.useFakeTimers();
    const { store: s, box } = setUp();
    store(
      s,
      box,
      Array.from({ length: 100 }, (_, i) => ({ name: `m${i}`, folder: 'INBOX' as const })),
    );
    // each reading of this clock is 40 ms after the last: every batch takes four times the pacer's 10 ms
    let now = 0;
    const clock = () => (now += 40);
    const threader = new Threader(s.db, { batchSize: 50, idleMs: 100, clock });
    cleanup.push(() => threader.dispose());
    const threaded = () =>
      s.db.prepare('SELECT COUNT(*) FROM messages WHERE conversation_id IS NOT NULL').pluck().get() as number;
    threader.kick();
    vi.advanceTimersByTime(100);
    expect(threaded()).toBe(20); // a run begins at the pacer's least, 20
    for (const expected of [40, 60, 80, 100]) {
      vi.advanceTimersToNextTimer();
      expect(threaded()).toBe(expected); // 20 rows × 10 / 40 ms is 5: still the least, not 40
    }
  });

  it('takes a sync that stopped reporting as over after its quiet time', () => {
    vi.useFakeTimers();
    const { store: s, box } = setUp();
    const ids = store(s, box, [{ name: 'a', folder: 'INBOX' }]);
    const threader = new Threader(s.db, { idleMs: 100, syncQuietMs: 2_000 });
    cleanup.push(() => threader.dispose());
    threader.syncProgress(50, 1_000);
    threader.kick();
    vi.advanceTimersByTime(1_500);
    expect(conversationOf(s, ids.get('a')!)).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(conversationOf(s, ids.get('a')!)).not.toBeNull();
  });
});
