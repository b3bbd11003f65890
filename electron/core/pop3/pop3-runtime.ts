// A running POP3 account, as the facade sees it: checks for mail at start, at the account's
// interval and when asked, and reports each outcome as the account's status. Its folders are
// local, so the user's actions (moves, deletes, flags) are already complete when applied to the
// cache: the operations MessageActions queues for a server are dropped here, never replayed.
import type { Account, AccountStatus } from '../../../shared/domain';
import type { Emit } from '../events';
import { loginStarted, type PasswordRefusal } from '../net/password-gate';
import { tlsConnectOptions, type PinLookup } from '../net/tls-options';
import type { Store } from '../store/store';
import { Pop3Account, type Pop3CheckState } from './pop3-account';

export interface Pop3RuntimeDeps {
  store: Store;
  emit: Emit;
  password(): Promise<string>;
  trustedCa?: readonly string[];
  pins: PinLookup;
  allowPlaintext: boolean;
  intervalSeconds: number;
  /** The clock of "remove after N days" (tests move it). */
  now?(): number;
  /**
   * The server refused the password: recorded for every protocol of the account (the SMTP side
   * must not try it either). Returns the refusal that stands, null when a newer password exists.
   */
  passwordRefused?(refusal: PasswordRefusal, startedAt: number): PasswordRefusal | null;
}

export class Pop3Runtime {
  private status: AccountStatus;
  private interval: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly pop3: Pop3Account;
  private intervalSeconds: number;
  /** When the current check began (password-gate's clock): a refusal is of the password it used. */
  private checkStartedAt = 0;

  constructor(
    private readonly account: Account,
    private readonly deps: Pop3RuntimeDeps,
  ) {
    this.status = { accountId: account.id, state: 'connecting' };
    this.intervalSeconds = deps.intervalSeconds;
    const inbox = deps.store.pop3.inbox(account.id);
    this.pop3 = new Pop3Account({
      accountId: account.id,
      repo: deps.store.pop3,
      username: account.username,
      password: deps.password,
      tls: tlsConnectOptions(account.imap, {
        trustedCa: deps.trustedCa,
        pin: deps.pins(account.imap.host, account.imap.port),
      }),
      allowPlaintext: deps.allowPlaintext,
      now: deps.now,
      progress: (p) =>
        deps.emit('sync.progress', {
          accountId: account.id,
          mailbox: 'INBOX',
          // headers count as the first half of the work, whole messages as the second
          done: p.phase === 'headers' ? p.done : p.total + p.done,
          total: 2 * p.total,
        }),
      stored: (ids) => {
        deps.emit('messages.changed', { mailboxId: inbox, added: ids, removed: [], updated: [] });
        deps.emit('mailboxes.changed', { accountId: account.id });
      },
      stateChanged: (state) => this.report(state),
    });
  }

  get currentStatus(): AccountStatus {
    return this.status;
  }

  start(): void {
    this.stopped = false;
    void this.pop3.check();
    this.startInterval();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await this.settled();
  }

  setIntervalSeconds(seconds: number): void {
    if (seconds === this.intervalSeconds) return;
    this.intervalSeconds = seconds;
    if (this.interval) this.startInterval();
  }

  /** POP3 has no IDLE to speed up in front: the interval is the only clock. */
  setForeground(_foreground: boolean): void {}

  /** "Sync now", a new password, or the Inbox opened: check at once. */
  requestSync(): void {
    if (!this.stopped) void this.pop3.check();
  }

  reconnect(): void {
    this.requestSync();
  }

  showPasswordRefused(refusal: PasswordRefusal): void {
    this.setStatus({ state: 'auth-failed', reason: 'auth', message: refusal.message, server: refusal.host });
  }

  passwordChanged(): void {
    this.pop3.passwordChanged();
    this.requestSync();
  }

  /** The user's actions are local and complete: nothing goes to a server, so nothing waits. */
  flushOps(): void {
    const { pendingOps } = this.deps.store;
    for (const op of pendingOps.list(this.account.id)) pendingOps.done(op.id);
  }

  async settled(): Promise<void> {
    await this.pop3.settled();
  }

  private startInterval(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = setInterval(() => this.requestSync(), this.intervalSeconds * 1000);
    this.interval.unref?.();
  }

  private report(state: Pop3CheckState): void {
    const host = this.account.imap.host;
    switch (state.state) {
      case 'checking':
        this.checkStartedAt = loginStarted();
        if (this.status.state !== 'online') this.setStatus({ state: 'connecting' });
        return;
      case 'idle':
        if (this.status.state !== 'online') this.setStatus({ state: 'connecting' });
        return;
      case 'done':
        return this.setStatus({ state: 'online' });
      case 'auth-failed': {
        const refusal = { protocol: 'pop3' as const, host, message: state.message };
        const standing = this.deps.passwordRefused ? this.deps.passwordRefused(refusal, this.checkStartedAt) : refusal;
        return this.showPasswordRefused(standing ?? refusal);
      }
      case 'no-tls':
        return this.setStatus({ state: 'error', reason: 'tls', message: state.message });
      case 'in-use':
      case 'temporary':
        return this.setStatus({
          state: 'error',
          reason: 'protocol',
          message: state.message,
          retryAt: Date.now() + this.intervalSeconds * 1000,
        });
      case 'offline':
        return this.setStatus({
          state: 'offline',
          reason: 'network',
          message: state.message,
          retryAt: Date.now() + this.intervalSeconds * 1000,
        });
    }
  }

  private setStatus(change: Omit<AccountStatus, 'accountId'>): void {
    this.status = { accountId: this.account.id, ...change };
    this.deps.emit('account.status', this.status);
  }
}
