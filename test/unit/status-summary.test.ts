import { describe, expect, it } from 'vitest';
import type { Account, AccountStatus, SyncProgress } from '../../shared/domain';
import { summarizeStatus } from '../../renderer/status/status-summary';

const account = (id: string): Account => ({ id, name: id, email: `${id}@example.com` }) as Account;
const work = account('work');
const home = account('home');
const statuses = (...list: AccountStatus[]) => new Map(list.map((status) => [status.accountId, status]));
const progress = (...list: SyncProgress[]) => new Map(list.map((item) => [item.accountId, item]));

describe('status summary', () => {
  it('says when there is no account', () => {
    expect(summarizeStatus([], new Map(), new Map(), []).kind).toBe('no-accounts');
  });

  it('puts a refused password before everything else', () => {
    const summary = summarizeStatus(
      [work, home],
      statuses({ accountId: 'work', state: 'offline' }, { accountId: 'home', state: 'auth-failed' }),
      progress({ accountId: 'work', mailbox: 'INBOX', done: 1, total: 9 }),
      [],
    );
    expect(summary).toEqual({ kind: 'auth-failed', account: home, server: undefined });
  });

  it('names the server that refused the password (SMTP and IMAP can differ)', () => {
    const summary = summarizeStatus(
      [work],
      statuses({ accountId: 'work', state: 'auth-failed', server: 'smtp.example.com' }),
      new Map(),
      [],
    );
    expect(summary).toEqual({ kind: 'auth-failed', account: work, server: 'smtp.example.com' });
  });

  it('reports offline with the next attempt, then sync progress, then idle', () => {
    expect(
      summarizeStatus([work], statuses({ accountId: 'work', state: 'offline', retryAt: 5 }), new Map(), []),
    ).toEqual({
      kind: 'offline',
      account: work,
      retryAt: 5,
    });
    const syncing = summarizeStatus(
      [work],
      statuses({ accountId: 'work', state: 'online' }),
      progress({ accountId: 'work', mailbox: 'INBOX', done: 3, total: 10 }),
      [],
    );
    expect(syncing.kind).toBe('syncing');
    const done = summarizeStatus(
      [work],
      statuses({ accountId: 'work', state: 'online' }),
      progress({ accountId: 'work', mailbox: 'INBOX', done: 10, total: 10 }),
      [],
    );
    expect(done.kind).toBe('idle');
  });

  it('shows the latest failed operation until dismissed', () => {
    const summary = summarizeStatus([work], new Map(), new Map(), [
      { id: 1, accountId: 'work', kind: 'move', message: 'first' },
      { id: 2, accountId: 'work', kind: 'flag', message: 'second' },
    ]);
    expect(summary.kind === 'operation-failed' && summary.failure.message).toBe('second');
  });

  it('reports the window losing the mail engine above any account state', () => {
    const failing = statuses({ accountId: 'work', state: 'auth-failed' });
    expect(summarizeStatus([work], failing, new Map(), [], 'offline').kind).toBe('engine-offline');
    expect(summarizeStatus([], new Map(), new Map(), [], 'unauthorized').kind).toBe('engine-unauthorized');
    expect(summarizeStatus([work], failing, new Map(), [], 'connecting').kind).toBe('auth-failed');
  });
});
