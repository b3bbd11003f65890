// Local search over a cache filled directly: the index, the rows it has not reached yet, text that
// changes after indexing (snippets, bodies), deletions, operators, scopes and paging.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchScope } from '../../shared/search-query';
import { LocalSearch } from '../../electron/core/search/local-search';
import { SearchIndexer } from '../../electron/core/search/search-indexer';
import { headerRecord, listedMailbox, testAccountSettings } from '../support/store-fixtures';
import { cleanupAfterEach } from '../support/cleanup';
import { openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();
afterEach(() => {
  vi.useRealTimers();
});

function setUp() {
  const { store } = openTempStore(cleanup, 'mail-search-');
  const account = store.accounts.insert(testAccountSettings, Buffer.from('x'));
  const other = store.accounts.insert({ ...testAccountSettings, email: 'b@example.test' }, Buffer.from('x'));
  store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox'), listedMailbox('Work', null)]);
  store.mailboxes.replaceTree(other.id, [listedMailbox('INBOX', 'inbox')]);
  const inbox = store.mailboxes.byPath(account.id, 'INBOX')!.id;
  const work = store.mailboxes.byPath(account.id, 'Work')!.id;
  const otherInbox = store.mailboxes.byPath(other.id, 'INBOX')!.id;
  const search = new LocalSearch(store.db, store.messages);
  const indexer = new SearchIndexer(store.db, { batchSize: 3 });
  const subjects = (query: string, scope: SearchScope = { kind: 'all' }) =>
    search.search(query, scope, 0, 100).messages.map((m) => m.subject);
  return { store, account, other, inbox, work, otherInbox, search, indexer, subjects };
}

const alice = [{ name: 'Alice Andersson', address: 'alice@example.test' }];
const bob = [{ name: 'Bob Berg', address: 'bob@example.test' }];

describe('local search', () => {
  it('finds rows by subject, sender and recipients, indexed or not yet, newest first', () => {
    const { store, inbox, indexer, subjects } = setUp();
    store.messages.insertHeaders(inbox, [
      headerRecord(1, { subject: 'Quarterly report', from: alice, to: bob, date: 1000 }),
      headerRecord(2, { subject: 'Lunch on Friday', from: bob, to: alice, date: 2000 }),
      headerRecord(3, { subject: 'Report draft v2', from: alice, to: bob, date: 3000 }),
    ]);
    // nothing indexed yet: the tail matcher answers
    expect(subjects('report')).toEqual(['Report draft v2', 'Quarterly report']);
    expect(indexer.catchUp()).toBe(3);
    expect(indexer.backlog()).toBe(0);
    expect(subjects('report')).toEqual(['Report draft v2', 'Quarterly report']);
    expect(subjects('repo')).toEqual(['Report draft v2', 'Quarterly report']);
    expect(subjects('from:alice')).toEqual(['Report draft v2', 'Quarterly report']);
    expect(subjects('from:bob@example.test')).toEqual(['Lunch on Friday']);
    expect(subjects('to:berg')).toEqual(['Report draft v2', 'Quarterly report']);
    expect(subjects('"draft v2"')).toEqual(['Report draft v2']);
    expect(subjects('"v2 draft"')).toEqual([]);
    expect(subjects('report -quarterly')).toEqual(['Report draft v2']);
    expect(subjects('-report')).toEqual(['Lunch on Friday']);
    expect(subjects('nothing-like-this')).toEqual([]);
    // a row synced after indexing is found before the indexer gets to it
    store.messages.insertHeaders(inbox, [headerRecord(4, { subject: 'Report final', from: bob, date: 4000 })]);
    expect(indexer.backlog()).toBe(1);
    expect(subjects('report')).toEqual(['Report final', 'Report draft v2', 'Quarterly report']);
    expect(subjects('from:bob report')).toEqual(['Report final']);
    expect(subjects('-report')).toEqual(['Lunch on Friday']);
  });

  it('indexes snippets and bodies cached after the header, and forgets deleted rows', () => {
    const { store, inbox, indexer, subjects } = setUp();
    const [first, second] = store.messages.insertHeaders(inbox, [
      headerRecord(1, { subject: 'One', date: 1 }),
      headerRecord(2, { subject: 'Two', date: 2 }),
    ]);
    indexer.catchUp();
    expect(subjects('giraffe')).toEqual([]);
    store.messages.setSnippets(inbox, new Map([[1, 'A giraffe walks in']]));
    store.bodies.put({
      messageId: second!,
      html: '<p>The <b>zebra</b> &amp; the lion</p>',
      text: null,
      attachments: [],
      bcc: [],
      replyTo: [],
      inReplyTo: null,
      references: [],
    });
    // dirty, not yet redone: the tail matcher reads the new text
    expect(subjects('giraffe')).toEqual(['One']);
    expect(subjects('zebra lion')).toEqual(['Two']);
    indexer.catchUp();
    expect(indexer.backlog()).toBe(0);
    expect(subjects('giraffe')).toEqual(['One']);
    expect(subjects('zebra')).toEqual(['Two']);
    store.messages.delete([first!]);
    expect(subjects('giraffe')).toEqual([]);
    indexer.catchUp();
    expect(store.db.prepare("SELECT rowid FROM search_index WHERE search_index MATCH 'giraffe'").all()).toEqual([]);
  });

  it('indexes a reused id as the new message, not the deleted one', () => {
    const { store, inbox, indexer, subjects } = setUp();
    const [, last] = store.messages.insertHeaders(inbox, [
      headerRecord(1, { subject: 'Keep', date: 1 }),
      headerRecord(2, { subject: 'Walrus', date: 2 }),
    ]);
    indexer.catchUp();
    store.messages.delete([last!]);
    indexer.catchUp();
    const [reused] = store.messages.insertHeaders(inbox, [headerRecord(3, { subject: 'Penguin', date: 3 })]);
    expect(reused).toBe(last);
    indexer.catchUp();
    expect(subjects('walrus')).toEqual([]);
    expect(subjects('penguin')).toEqual(['Penguin']);
    // reused before the indexer ran: dirty and new at once
    store.messages.delete([reused!]);
    store.messages.insertHeaders(inbox, [headerRecord(4, { subject: 'Otter', date: 4 })]);
    indexer.catchUp();
    expect(subjects('penguin')).toEqual([]);
    expect(subjects('otter')).toEqual(['Otter']);
    expect(store.db.prepare('SELECT COUNT(*) FROM search_index').pluck().get()).toBe(2);
  });

  it('applies flags, attachments, folders, dates and scopes, and keeps up with flag changes', () => {
    const { store, account, inbox, work, otherInbox, indexer, subjects } = setUp();
    const day = (d: number) => new Date(2026, 2, d, 12).getTime();
    const [a] = store.messages.insertHeaders(inbox, [
      headerRecord(1, { subject: 'plan A', date: day(1) }),
      headerRecord(2, {
        subject: 'plan B',
        date: day(10),
        hasAttachments: true,
        flags: { seen: true, flagged: true, answered: false, draft: false },
      }),
    ]);
    store.messages.insertHeaders(work, [headerRecord(1, { subject: 'plan C', date: day(20) })]);
    store.messages.insertHeaders(otherInbox, [headerRecord(1, { subject: 'plan D', date: day(30) })]);
    indexer.catchUp();
    expect(subjects('plan')).toEqual(['plan D', 'plan C', 'plan B', 'plan A']);
    expect(subjects('plan', { kind: 'mailbox', mailboxId: inbox })).toEqual(['plan B', 'plan A']);
    expect(subjects('plan', { kind: 'account', accountId: account.id })).toEqual(['plan C', 'plan B', 'plan A']);
    expect(subjects('plan is:unread')).toEqual(['plan D', 'plan C', 'plan A']);
    expect(subjects('is:starred')).toEqual(['plan B']);
    expect(subjects('has:attachment')).toEqual(['plan B']);
    expect(subjects('plan in:work')).toEqual(['plan C']);
    expect(subjects('plan in:inbox')).toEqual(['plan D', 'plan B', 'plan A']);
    // in: from a folder scope looks in that folder's account
    expect(subjects('in:inbox plan', { kind: 'mailbox', mailboxId: work })).toEqual(['plan B', 'plan A']);
    expect(subjects('plan in:nowhere')).toEqual([]);
    expect(subjects('plan after:2026-03-10 before:2026-03-30')).toEqual(['plan C', 'plan B']);
    // a flag change needs no reindex: the flags are read from the row
    store.messages.setLocalFlags([a!], { flagged: true, seen: true });
    expect(indexer.backlog()).toBe(0);
    expect(subjects('is:starred')).toEqual(['plan B', 'plan A']);
    expect(subjects('plan is:unread')).toEqual(['plan D', 'plan C']);
    // a move keeps the row's index entry
    store.messages.moveLocal([a!], work);
    expect(subjects('plan A in:work')).toEqual(['plan A']);
  });

  it('pages newest first with a total', () => {
    const { store, inbox, indexer, search } = setUp();
    store.messages.insertHeaders(
      inbox,
      Array.from({ length: 25 }, (_, i) => headerRecord(i + 1, { subject: `Invoice ${i + 1}`, date: i + 1 })),
    );
    indexer.catchUp();
    const scope = { kind: 'mailbox' as const, mailboxId: inbox };
    const pages = [0, 10, 20].map((offset) => search.search('invoice', scope, offset, 10));
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25]);
    expect(pages.flatMap((p) => p.messages.map((m) => m.uid))).toEqual(Array.from({ length: 25 }, (_, i) => 25 - i));
    expect(search.search('', scope, 0, 10)).toEqual({ total: 0, messages: [] });
    expect(search.search('" * -', scope, 0, 10)).toEqual({ total: 0, messages: [] });
  });

  it('indexes in the background only when changes stop coming, or one batch per maxWait while they do', () => {
    vi.useFakeTimers();
    const { store, inbox } = setUp();
    store.messages.insertHeaders(
      inbox,
      Array.from({ length: 20 }, (_, i) => headerRecord(i + 1, { subject: `Busy ${i}` })),
    );
    const indexer = new SearchIndexer(store.db, { batchSize: 2, idleMs: 200, maxWaitMs: 2_000 });
    // a sync reporting a batch every 100 ms for 3 s: the indexer waits, then does one batch
    for (let t = 0; t < 3_000; t += 100) {
      indexer.kick();
      vi.advanceTimersByTime(100);
    }
    expect(indexer.backlog()).toBe(18);
    // quiet: batch after batch until it has caught up
    vi.advanceTimersByTime(300);
    expect(indexer.backlog()).toBe(0);
    indexer.dispose();
  });

  it('does not fill the gaps between the batches of a sync under way, and catches up when it ends', () => {
    vi.useFakeTimers();
    // ten batches 400 ms apart, each gap longer than idleMs; reported as a sync or not
    const tenBatches = (reportSync: boolean) => {
      const { store, inbox } = setUp();
      store.messages.insertHeaders(
        inbox,
        Array.from({ length: 20 }, (_, i) => headerRecord(i + 1, { subject: `Sync ${i}` })),
      );
      const indexer = new SearchIndexer(store.db, { batchSize: 2, idleMs: 200, maxWaitMs: 2_000, syncQuietMs: 5_000 });
      for (let done = 1; done <= 10; done++) {
        if (reportSync) indexer.syncProgress(done, 20);
        indexer.kick();
        vi.advanceTimersByTime(400);
      }
      return indexer;
    };
    // without a sync under way every gap is idle time, and the indexer drains the backlog in them
    const unreported = tenBatches(false);
    expect(unreported.backlog()).toBe(0);
    unreported.dispose();
    // during a sync only the overdue batch runs, one per 2 s: at 2 s and at 4 s
    const indexer = tenBatches(true);
    expect(indexer.backlog()).toBe(16);
    // the sync's last batch: quiet time is idle time again
    indexer.syncProgress(20, 20);
    indexer.kick();
    vi.advanceTimersByTime(300);
    expect(indexer.backlog()).toBe(0);
    indexer.dispose();
  });

  it('holds the batch it was about to run while a sync pass is under way (a reopened engine resyncs first)', () => {
    vi.useFakeTimers();
    const { store, inbox } = setUp();
    store.messages.insertHeaders(
      inbox,
      Array.from({ length: 20 }, (_, i) => headerRecord(i + 1, { subject: `Backlog ${i}` })),
    );
    const indexer = new SearchIndexer(store.db, { batchSize: 2, idleMs: 200, maxWaitMs: 60_000, syncQuietMs: 5_000 });
    indexer.kick();
    indexer.syncPass(true);
    vi.advanceTimersByTime(1_000);
    expect(indexer.backlog()).toBe(20);
    indexer.syncPass(false);
    vi.advanceTimersByTime(300);
    expect(indexer.backlog()).toBeLessThan(20);
    indexer.dispose();
  });

  it('counts a sync that stops reporting as over after syncQuietMs', () => {
    vi.useFakeTimers();
    const { store, inbox } = setUp();
    store.messages.insertHeaders(
      inbox,
      Array.from({ length: 20 }, (_, i) => headerRecord(i + 1, { subject: `Stalled ${i}` })),
    );
    const indexer = new SearchIndexer(store.db, { batchSize: 2, idleMs: 200, maxWaitMs: 60_000, syncQuietMs: 1_000 });
    indexer.syncProgress(5, 20);
    indexer.kick();
    vi.advanceTimersByTime(900);
    expect(indexer.backlog()).toBe(20);
    // no further report: the next change finds the sync over and indexes once it is quiet
    vi.advanceTimersByTime(200);
    indexer.kick();
    vi.advanceTimersByTime(300);
    expect(indexer.backlog()).toBe(0);
    indexer.dispose();
  });

  it('pages the same whether it walks the date index (many hits) or sorts the hits (few)', () => {
    const { store, inbox, work, indexer, search } = setUp();
    // "common" everywhere, "rare" in every 10th, "zebra" in every 50th; dates interleave the folders
    store.messages.insertHeaders(
      inbox,
      Array.from({ length: 200 }, (_, i) =>
        headerRecord(i + 1, {
          subject: `common ${i % 10 === 0 ? 'rare' : 'x'} ${i % 50 === 0 ? 'zebra' : 'y'} ${i}`,
          date: 2 * i,
        }),
      ),
    );
    store.messages.insertHeaders(
      work,
      Array.from({ length: 50 }, (_, i) => headerRecord(i + 1, { subject: `common rare ${i}`, date: 2 * i + 1 })),
    );
    indexer.catchUp();
    const pages = (query: string, scope: SearchScope) => {
      const first = search.search(query, scope, 0, 7);
      const out = [...first.messages];
      for (let offset = 7; offset < first.total; offset += 7)
        out.push(...search.search(query, scope, offset, 7).messages);
      return { total: first.total, dates: out.map((m) => m.date) };
    };
    const newestFirst = (dates: number[]) => [...dates].sort((a, b) => b - a);
    const inboxScope = { kind: 'mailbox' as const, mailboxId: inbox };
    for (const [query, scope, total] of [
      ['common', inboxScope, 200],
      ['rare', inboxScope, 20],
      ['zebra', inboxScope, 4],
      ['zebra', { kind: 'all' as const }, 4],
      ['common', { kind: 'all' as const }, 250],
      ['rare', { kind: 'all' as const }, 70],
      ['rare in:work', { kind: 'all' as const }, 50],
      ['common is:unread', { kind: 'all' as const }, 250],
    ] as const) {
      const { total: found, dates } = pages(query, scope);
      expect(found, query).toBe(total);
      expect(dates.length, query).toBe(total);
      expect(dates, query).toEqual(newestFirst(dates));
      expect(new Set(dates).size, query).toBe(total);
    }
  });

  it('finds attachments by file name (filename: and plain words), indexed or not yet, from the stored structure', () => {
    const { store, inbox, indexer, subjects } = setUp();
    const structure = (...names: string[]) =>
      JSON.stringify({
        type: 'multipart/mixed',
        childNodes: [
          { part: '1', type: 'text/plain' },
          ...names.map((name, i) => ({
            part: String(i + 2),
            type: 'application/pdf',
            disposition: 'attachment',
            dispositionParameters: { filename: name },
          })),
        ],
      });
    store.messages.insertHeaders(inbox, [
      headerRecord(1, {
        subject: 'Numbers',
        hasAttachments: true,
        bodystructure: structure('Budget-2026.xlsx'),
        date: 1,
      }),
      headerRecord(2, {
        subject: 'Trip',
        hasAttachments: true,
        bodystructure: structure('tickets.pdf', 'map.png'),
        date: 2,
      }),
      headerRecord(3, { subject: 'Budget talk', bodystructure: JSON.stringify({ type: 'text/plain' }), date: 3 }),
    ]);
    // the tail matcher and the index agree
    for (const indexed of [false, true]) {
      if (indexed) expect(indexer.catchUp()).toBe(3);
      expect(subjects('filename:tickets')).toEqual(['Trip']);
      expect(subjects('filename:budget')).toEqual(['Numbers']);
      expect(subjects('filename:"map png"')).toEqual(['Trip']);
      expect(subjects('budget')).toEqual(['Budget talk', 'Numbers']);
      expect(subjects('budget has:attachment')).toEqual(['Numbers']);
      expect(subjects('-filename:tickets has:attachment')).toEqual(['Numbers']);
    }
  });
});
