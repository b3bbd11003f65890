// Everything one account does with its servers: the work connection (sync and replay of local
// actions, one task at a time), the IDLE watcher, interval STATUS checks of the other
// mailboxes, and the account's status as the user sees it.
import type { ImapFlow } from 'imapflow';
import type { Account, AccountStatus, MailboxId } from '../../../shared/domain';
import type { Emit } from '../events';
import type { MailboxRecord } from '../store/mailboxes-repo';
import type { Store } from '../store/store';
import { fetchSnippets } from './body/fetch-snippets';
import { hasListedAttachments } from './body/structure';
import type { CoreLog } from '../net/log';
import { createImapClient, type ImapCredentials } from './client-factory';
import type { PinLookup } from '../net/tls-options';
import type { BackoffOptions, ReconnectPolicy } from '../net/backoff';
import { loginStarted, type PasswordRefusal } from '../net/password-gate';
import { ConnectionLoop } from './connection-loop';
import { classifyImapError } from './errors';
import { IdleWatcher } from './idle-watcher';
import { replayPendingOps } from './ops/op-queue';
import { operations } from './ops/registry';
import { SerialQueue } from '../net/serial-queue';
import { listMailboxes } from './sync/mailbox-list';
import { syncMailbox } from './sync/mailbox-sync';
import { needsSync } from './sync/status-check';
import { countsBeforePass, countsShown } from './sync/tree-counts';
import { canSync, syncSinceDate, syncsInBackground } from './sync/sync-policy';
import { defaultExtraConnections, ExtraConnections } from './sync/extra-connections';

export interface RuntimeDeps {
  store: Store;
  emit: Emit;
  password: () => Promise<string>;
  /** An OAuth2 account's access token (accounts/oauth-accounts.ts); the password is not asked then. */
  imapCredentials?: () => Promise<ImapCredentials>;
  trustedCa?: readonly string[];
  /** Certificates the user trusted for one host:port (self-signed servers). */
  pins?: PinLookup;
  /** The user confirmed a cleartext login to this (non-loopback) server. */
  allowPlaintext?: boolean;
  log?: CoreLog;
  intervalSeconds: number;
  /** How dropped connections come back (tests shorten it). */
  reconnect?: ReconnectPolicy;
  /** Backoff of a queued action the server refused for now (tests shorten it). */
  opRetry?: BackoffOptions;
  /**
   * The IMAP server refused the password of a login begun at `startedAt` (net/password-gate.ts);
   * answers with the refusal the account shows (the first), or null when the user has given a
   * new password since that login began.
   */
  passwordRefused?(refusal: PasswordRefusal, startedAt: number): PasswordRefusal | null;
  /** Connections besides the work connection for a large first sync (sync/extra-connections.ts). */
  extraSyncConnections?: number;
  /** Messages left to fetch from which a first sync uses them (tests lower it). */
  splitMinMessages?: number;
  /**
   * A sync pass is under way (from the first connect, or a wake-up, until the pass is through) or
   * over: the engine's background catch-up (threader, search indexer) waits meanwhile. Opened on
   * a profile whose backlog is as large as the mailbox, it otherwise took the thread from the
   * resync the user waits for (c2: 940 ms at 100k, over 2 minutes at 1M).
   */
  syncing?(underway: boolean): void;
}

export class OfflineError extends Error {
  readonly code = 'offline';
  constructor(host: string) {
    super(`Not connected to ${host}. The action is kept and runs when the connection is back.`);
  }
}

/**
 * Without CONDSTORE, how often the flags of a whole mailbox are compared (each sync compares the
 * newest messages'): changes to old messages made elsewhere show within this time, or at once
 * after a reconnect or "sync now". A folder nobody watches whose STATUS shows nothing new is
 * synced for this too (status-check.ts), or a flag change there would wait for the user.
 */
const ALL_FLAGS_EVERY_MS = 15 * 60_000;

/** While the window is in front, the IDLE connection asks the server this often (NOOP). */
const FOREGROUND_POLL_MS = 10_000;

/** Snippets per round: enough for the first screens, small enough not to delay other work. */
const SNIPPETS_PER_PASS = 500;

export class AccountRuntime {
  private status: AccountStatus;
  private readonly work: ConnectionLoop;
  /** When the work connection's latest login began (net/password-gate.ts's clock). */
  private workLoginAt = 0;
  private readonly watcher: IdleWatcher;
  private readonly queue = new SerialQueue();
  private readonly dirty = new Set<MailboxId>();
  private treeDirty = true;
  /** The server's counts of folders with no cache are asked for after this pass (sync/tree-counts.ts). */
  private countsDue = false;
  private draining: Promise<void> | null = null;
  private interval: NodeJS.Timeout | null = null;
  private openMailboxId: MailboxId | null = null;
  private readonly needSnippets = new Set<MailboxId>();
  /** Mailboxes whose sync the server refused (a NO): tried again at the next interval check. */
  private readonly retryLater = new Set<MailboxId>();
  private watcherDue = false;
  /** Per queued op, when it may be tried again after a passing refusal (op-queue.ts). */
  private readonly opNotBefore = new Map<number, number>();
  private opsWaitUntil: number | null = null;
  private opsTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** What deps.syncing last heard. */
  private syncingReported = false;
  private intervalSeconds: number;
  /** What failed in the last attempt, by mailbox path ('' for the account as a whole). */
  private readonly syncFailures = new Map<string, string>();
  /** When each mailbox last had every message's flags compared (servers without CONDSTORE). */
  private readonly allFlagsAt = new Map<MailboxId, number>();
  /** More connections for the rest of a large first sync. */
  private readonly extras: ExtraConnections;
  /** The mailbox the work connection is syncing now. */
  private syncingBox: MailboxId | null = null;
  /** Who waits for a mailbox to be brought level (whenLevel), by mailbox. */
  private readonly levelWaiters = new Map<MailboxId, Array<() => void>>();

  constructor(
    readonly account: Account,
    private readonly deps: RuntimeDeps,
  ) {
    const host = account.imap.host;
    this.intervalSeconds = deps.intervalSeconds;
    this.status = { accountId: account.id, state: 'connecting' };
    this.work = new ConnectionLoop(
      host,
      () => {
        this.workLoginAt = loginStarted();
        return this.createClient();
      },
      {
        onConnecting: () => this.setStatus({ state: 'connecting' }),
        onUp: async () => {
          // A new session may have missed changes to any message: compare all flags once.
          this.allFlagsAt.clear();
          // dirty before 'online' is announced: whoever hears it and asks whenLevel waits for the pass
          this.treeDirty = true;
          this.markAllDirty();
          this.setStatus({ state: 'online' });
          this.reportSyncFailures();
          // The watcher starts after this first pass: its SELECT of a big INBOX would otherwise
          // compete with the first FETCH, the one that fills the user's first screen.
          this.watcherDue = true;
          this.kick();
        },
        onDown: (failure, retryAt) => {
          this.reportSyncing(false);
          this.releaseLevelWaiters();
          // One connection probes a failing server, not two: the watcher comes back after the
          // work connection's next full pass (startWatcherIfDue).
          this.watcherDue = true;
          void this.watcher.pause();
          if (failure.kind === 'auth') {
            const refusal = { protocol: 'imap' as const, host, message: failure.message };
            const standing = this.deps.passwordRefused ? this.deps.passwordRefused(refusal, this.workLoginAt) : refusal;
            if (standing) this.showPasswordRefused(standing);
            // the old password, refused after the user gave a new one: try the new one (once the
            // loop has finished with this attempt, or it would still count as connecting)
            else
              queueMicrotask(() => {
                if (!this.stopped) this.work.retryNow();
              });
            return;
          }
          this.setStatus({
            state: failure.kind === 'network' ? 'offline' : 'error',
            reason: failure.kind,
            message: failure.message,
            ...(retryAt ? { retryAt } : {}),
          });
        },
      },
      deps.reconnect,
    );
    this.extras = new ExtraConnections({
      server: account.imap,
      credentials: () => this.credentials(),
      trustedCa: deps.trustedCa,
      pins: deps.pins,
      allowPlaintext: deps.allowPlaintext,
      mayLogIn: () => !this.stopped && this.status.state !== 'auth-failed',
      connections: deps.extraSyncConnections ?? defaultExtraConnections(),
      minMessages: deps.splitMinMessages,
      log: deps.log,
    });
    // The watcher does nothing but IDLE: it starts at once instead of after imapflow's 15 s.
    this.watcher = new IdleWatcher(
      host,
      () => this.newClient({ autoIdleDelayMs: 100 }),
      'INBOX',
      (path) => {
        if (this.stopped) return;
        const box = deps.store.mailboxes.byPath(account.id, path);
        if (box) this.requestSync(box.id);
      },
      // Deleted on another device: the watcher fell back to INBOX; the folder list catches up.
      () => {
        if (!this.stopped) this.requestSync();
      },
      deps.reconnect,
    );
  }

  get currentStatus(): AccountStatus {
    return this.status;
  }

  start(): void {
    this.stopped = false;
    // the pass that follows the login is under way from now: the login is part of its wait
    this.reportSyncing(true);
    this.work.start();
    // The watcher waits for the first successful login, so a wrong password is tried only once.
    this.startInterval();
  }

  /** The window is in front (or not): poll the watched mailbox for servers with a lazy IDLE. */
  setForeground(foreground: boolean): void {
    this.watcher.setPolling(foreground && !this.stopped ? FOREGROUND_POLL_MS : null);
  }

  /** The user chose another interval in the settings: it applies from now, no restart. */
  setIntervalSeconds(seconds: number): void {
    if (seconds === this.intervalSeconds) return;
    this.intervalSeconds = seconds;
    if (this.interval) this.startInterval(); // started and not stopped
  }

  private startInterval(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = setInterval(() => this.checkOtherMailboxes(), this.intervalSeconds * 1000);
    this.interval.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reportSyncing(false);
    this.releaseLevelWaiters();
    if (this.opsTimer) clearTimeout(this.opsTimer);
    this.opsTimer = null;
    if (this.interval) clearInterval(this.interval);
    this.interval = null;
    await Promise.allSettled([this.watcher.stop(), this.queue.settled().catch(() => undefined)]);
    await this.work.stop();
  }

  /** The user typed a new password, or pressed "sync now": try at once. */
  reconnect(): void {
    this.work.retryNow();
    // Connected, but a mailbox failed to sync: "retry" means sync everything again, fully.
    this.allFlagsAt.clear();
    if (this.work.current) this.requestSync();
  }

  /**
   * A server of this account refused the password (also SMTP's): the account asks for it.
   * A work connection still logged in stays, but nothing logs in again (net/password-gate.ts).
   */
  showPasswordRefused(refusal: PasswordRefusal): void {
    this.setStatus({ state: 'auth-failed', reason: 'auth', message: refusal.message, server: refusal.host });
  }

  /** The user gave a new password: sign in again, or, still connected, say so (the outbox resumes). */
  passwordChanged(): void {
    if (this.work.current && this.status.state === 'auth-failed') this.setStatus({ state: 'online' });
    else this.work.retryNow();
  }

  /** The mailbox the user looks at (mailboxes.open), if any. */
  get openedMailbox(): MailboxId | null {
    return this.openMailboxId;
  }

  /** Syncs the mailbox the user looks at first, and watches it with IDLE. */
  async openMailbox(box: MailboxRecord): Promise<void> {
    this.openMailboxId = box.id;
    await this.watcher.watch(box.path);
    this.requestSync(box.id);
  }

  /**
   * Resolves once the work connection has brought `mailboxId` level with the server (a resync's
   * changes from elsewhere stored, or a first sync's first screen), or at once when no sync of it
   * is due or under way; also when the pass stops short (offline, stopped, a failure). The reading
   * connection selects the folder after this (service.ts): its EXAMINE of a 50,000-message INBOX
   * that another device had changed took Dovecot 0.3-0.7 s during the reopen's resync, and the
   * resync's FETCH of the new mail waited for it (0.007 s of the server's time, answered
   * 160-565 ms later; bench figure c2). After the resync's SELECT has refreshed the server's index
   * the same EXAMINE is a read of it.
   */
  whenLevel(mailboxId: MailboxId): Promise<void> {
    if (this.stopped || !this.work.current || (!this.dirty.has(mailboxId) && this.syncingBox !== mailboxId))
      return Promise.resolve();
    return new Promise((resolve) => {
      const waiting = this.levelWaiters.get(mailboxId) ?? [];
      waiting.push(resolve);
      this.levelWaiters.set(mailboxId, waiting);
    });
  }

  private levelReached(mailboxId: MailboxId): void {
    const waiting = this.levelWaiters.get(mailboxId);
    this.levelWaiters.delete(mailboxId);
    for (const resolve of waiting ?? []) resolve();
  }

  /** The pass is over or cut short: nobody keeps waiting for a sync that may not come. */
  private releaseLevelWaiters(): void {
    for (const mailboxId of [...this.levelWaiters.keys()]) this.levelReached(mailboxId);
  }

  requestSync(mailboxId?: MailboxId): void {
    if (mailboxId === undefined) {
      this.treeDirty = true;
      this.markAllDirty();
    } else this.dirty.add(mailboxId);
    this.kick();
  }

  /** Runs `task` on the work connection after what is queued; fails at once when offline. */
  withClient<T>(task: (client: ImapFlow) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      const client = this.work.current;
      if (!client) throw new OfflineError(this.account.imap.host);
      return task(client);
    });
  }

  /**
   * A fresh client for work beside the work connection (bodies, attachments, IDLE, the sending
   * side's Drafts and Sent copies) so it never waits behind a long sync. A login of it that the
   * server refuses stops the account's every login, as the work connection's does: the work
   * connection may well stay logged in with the old password while every new login is refused.
   */
  async newClient(options: { autoIdleDelayMs?: number } = {}): Promise<ImapFlow> {
    const startedAt = loginStarted();
    const client = await this.createClient(options);
    const connect = client.connect.bind(client);
    client.connect = async () => {
      try {
        await connect();
      } catch (error) {
        this.loginFailed(error, startedAt);
        throw error;
      }
    };
    return client;
  }

  private loginFailed(error: unknown, startedAt: number): void {
    const failure = classifyImapError(error, this.account.imap.host);
    if (failure.kind !== 'auth' || this.stopped) return;
    const refusal = { protocol: 'imap' as const, host: this.account.imap.host, message: failure.message };
    const standing = this.deps.passwordRefused ? this.deps.passwordRefused(refusal, startedAt) : refusal;
    if (standing) this.showPasswordRefused(standing);
  }

  /** The work connection's client: its loop reports a refused login itself (onDown). */
  private async createClient(options: { autoIdleDelayMs?: number } = {}): Promise<ImapFlow> {
    const credentials = await this.credentials();
    return createImapClient(this.account.imap, credentials, {
      trustedCa: this.deps.trustedCa,
      pins: this.deps.pins,
      allowPlaintext: this.deps.allowPlaintext,
      log: this.deps.log,
      ...options,
    });
  }

  private async credentials(): Promise<ImapCredentials> {
    return this.deps.imapCredentials
      ? await this.deps.imapCredentials()
      : { username: this.account.username, password: await this.deps.password() };
  }

  /** Local actions were queued: push them to the server now if we can (after a backoff in progress). */
  flushOps(): void {
    this.kick();
  }

  /** Resolves once nothing is queued or being synced (tests and shutdown use it). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
    await this.queue.settled();
  }

  /**
   * settled(), and the IDLE watcher's login begun by the pass (it starts as the pass ends) is
   * through too. A test that drops the sessions or revokes a token right after settled() otherwise
   * raced that login: the watcher's stale token was the second refused login (oauth-account).
   */
  async quiet(): Promise<void> {
    await this.settled();
    await this.watcher.loginSettled();
  }

  /** After the first screen of headers (or the first pass, if there was nothing new). */
  private startWatcherIfDue(): void {
    if (!this.watcherDue || this.stopped) return;
    this.watcherDue = false;
    // Also restarts a watcher that gave up on the same fault (a wrong password fixed since),
    // but never cuts short the backoff of one that keeps being dropped.
    this.watcher.start();
  }

  private markAllDirty(): void {
    for (const box of this.deps.store.mailboxes.list(this.account.id))
      if (syncsInBackground(box)) this.dirty.add(box.id);
  }

  private setStatus(change: Omit<AccountStatus, 'accountId'>): void {
    this.status = { accountId: this.account.id, ...change };
    this.deps.emit('account.status', this.status);
  }

  private reportSyncing(underway: boolean): void {
    if (underway === this.syncingReported) return;
    this.syncingReported = underway;
    this.deps.syncing?.(underway);
  }

  private kick(): void {
    if (this.draining || this.stopped || !this.work.current) return;
    this.reportSyncing(true);
    this.draining = this.drain().then((completed) => {
      this.draining = null;
      this.reportSyncing(false);
      this.releaseLevelWaiters();
      // A full pass is proof the session works: only now is its reconnect backoff forgotten.
      if (completed) this.work.markHealthy();
      // Not after a drop: each reconnect of a session that keeps dying would add a watcher login.
      if (completed || this.work.current) this.startWatcherIfDue();
      // Work that arrived during the last step (not ops that are backing off: no hot loop).
      if ((this.dirty.size || this.opsDue()) && this.work.current && !this.stopped) this.kick();
    });
  }

  /** True when everything due was done; false when the connection or a step failed. */
  private async drain(): Promise<boolean> {
    let completed = false;
    try {
      while (!this.stopped && this.work.current) {
        await this.withClient((client) => this.replayOps(client));
        if (this.treeDirty) {
          const first = this.resyncBeforeTree();
          if (first !== null) await this.syncDirty(first);
          this.treeDirty = false;
          await this.withClient((client) => this.syncTree(client));
          // the INBOX just brought level is not synced again in this pass, unless asked meanwhile
          const askedAgain = first !== null && this.dirty.has(first);
          this.markAllDirty();
          if (first !== null && !askedAgain) this.dirty.delete(first);
        }
        const next = this.nextDirty();
        if (next === null) {
          // Headers are all in: now the preview lines, for the newest messages first.
          const pending = [...this.needSnippets];
          this.needSnippets.clear();
          for (const id of pending) await this.withClient((client) => this.fillSnippets(client, id));
          if (this.countsDue) {
            this.countsDue = false;
            await this.withClient((client) => this.listWithCounts(client));
          }
          if (this.dirty.size === 0 && this.needSnippets.size === 0) {
            completed = true;
            break;
          }
          continue;
        }
        await this.syncDirty(next);
      }
      this.syncFailures.delete('');
    } catch (error) {
      // Offline or dropped: the connection loop reconnects, and onUp marks everything dirty.
      this.deps.log?.('warn', `sync of ${this.account.email} stopped: ${(error as Error).message}`);
      // Still connected: the server refused something. That is for the user to see.
      if (this.work.current && !this.stopped) this.syncFailures.set('', (error as Error).message);
    }
    this.reportSyncFailures();
    return completed;
  }

  /** Syncs one dirty mailbox; whoever waits for it to be level hears when it is through. */
  private async syncDirty(mailboxId: MailboxId): Promise<void> {
    this.dirty.delete(mailboxId);
    const box = this.deps.store.mailboxes.get(mailboxId);
    this.syncingBox = mailboxId;
    try {
      if (box && canSync(box)) await this.syncReporting(box);
    } finally {
      this.syncingBox = null;
      this.levelReached(mailboxId);
    }
  }

  /**
   * The mailbox whose resync goes before the folder list when a session begins: the INBOX, when it
   * is next in line and its cache is complete. The list and the quota are two round trips the
   * server answers quickly, but everything the user waits for after a reopen (bench figure c2)
   * waited behind them; and the INBOX is the one folder another device can neither delete nor
   * rename (RFC 3501), so the list cannot change what its resync does. A folder never synced, or
   * synced in part, still waits for the list: its first sync asks for the counts it shows.
   */
  private resyncBeforeTree(): MailboxId | null {
    const next = this.nextDirty();
    if (next === null) return null;
    const box = this.deps.store.mailboxes.get(next);
    return box && box.role === 'inbox' && box.sync.syncedLowUid === 1 ? next : null;
  }

  /** One mailbox's failure does not stop the others, and is remembered until it syncs. */
  private async syncReporting(box: MailboxRecord): Promise<void> {
    try {
      await this.withClient((client) => this.syncOne(client, box));
      this.syncFailures.delete(box.path);
    } catch (error) {
      // A lost connection ends the pass (the loop reconnects); anything else is this mailbox's.
      if (!this.work.current || this.stopped) throw error;
      this.deps.log?.('warn', `sync of ${box.path} failed: ${(error as Error).message}`);
      this.syncFailures.set(box.path, (error as Error).message);
      // A refusal such as NO [UNAVAILABLE] keeps the session up, so no reconnect marks the
      // mailbox dirty again, and IDLE only does when new mail arrives: without this the mailbox
      // stayed half-synced. Later, not now: a hot loop against a refusing server.
      this.retryLater.add(box.id);
    }
    this.reportSyncFailures();
  }

  /**
   * A sync that failed must never look like "Up to date": while anything failed, the account
   * shows as in error (with the retry button), and goes back to online once all of it synced.
   */
  private reportSyncFailures(): void {
    const { state, reason } = this.status;
    const showing = state === 'error' && reason === undefined;
    if (this.syncFailures.size > 0 && (state === 'online' || showing)) {
      const message = [...this.syncFailures]
        .map(([path, error]) => (path ? `Could not sync ${path}: ${error}` : `Sync stopped: ${error}`))
        .join(' ');
      if (message !== this.status.message) this.setStatus({ state: 'error', message });
    } else if (this.syncFailures.size === 0 && showing) this.setStatus({ state: 'online' });
  }

  /** The open mailbox first, then INBOX, then the rest. */
  private nextDirty(): MailboxId | null {
    if (this.openMailboxId !== null && this.dirty.has(this.openMailboxId)) return this.openMailboxId;
    const inbox = this.deps.store.mailboxes.byRole(this.account.id, 'inbox');
    if (inbox && this.dirty.has(inbox.id)) return inbox.id;
    const [first] = this.dirty;
    return first ?? null;
  }

  private opsDue(): boolean {
    if (this.deps.store.pendingOps.count(this.account.id) === 0) return false;
    return this.opsWaitUntil === null || this.opsWaitUntil <= Date.now();
  }

  private async replayOps(client: ImapFlow): Promise<void> {
    if (!this.opsDue()) return;
    const report = await replayPendingOps(client, this.deps.store, this.account.id, this.account.imap.host, {
      notBefore: this.opNotBefore,
      retry: this.deps.opRetry,
    });
    this.opsWaitUntil = report.waitUntil;
    if (report.treeChanged) this.treeDirty = true;
    if (this.opsTimer) clearTimeout(this.opsTimer);
    this.opsTimer = null;
    if (report.waitUntil !== null) {
      this.opsTimer = setTimeout(() => {
        this.opsTimer = null;
        this.kick();
      }, report.waitUntil - Date.now());
      this.opsTimer.unref?.();
    }
    for (const path of report.touchedPaths) {
      const box = this.deps.store.mailboxes.byPath(this.account.id, path);
      if (box) this.dirty.add(box.id);
    }
    for (const dropped of report.dropped)
      this.deps.emit('operation.failed', { accountId: this.account.id, ...dropped });
  }

  private async syncTree(client: ImapFlow): Promise<void> {
    // Without each folder's counts: asking for them opens every folder on the server (sync/tree-counts.ts).
    let changed = await this.replaceTree(client, false);
    if (changed === null) return;
    const folders = this.deps.store.mailboxes.list(this.account.id);
    this.countsDue = false;
    if (countsBeforePass(folders)) changed = (await this.replaceTree(client, true)) || changed;
    else this.countsDue = countsShown(folders);
    if (changed) this.deps.emit('mailboxes.changed', { accountId: this.account.id });
    await this.refreshQuota(client);
  }

  /** After a pass: the server's counts for the folders that show them. */
  private async listWithCounts(client: ImapFlow): Promise<void> {
    if (await this.replaceTree(client, true)) this.deps.emit('mailboxes.changed', { accountId: this.account.id });
  }

  /** Lists the folders into the store: whether anything changed, null when the tree must wait. */
  private async replaceTree(client: ImapFlow, counts: boolean): Promise<boolean | null> {
    const listed = await listMailboxes(client, { counts });
    // A folder made, renamed or deleted here that the server has not seen yet (an op backing
    // off) would vanish from the sidebar and come back: the tree waits until the queue is through.
    if (this.deps.store.pendingOps.list(this.account.id).some((op) => operations[op.kind]?.changesTree)) return null;
    // A folder deleted since it failed to sync no longer keeps the account in error.
    const paths = new Set(listed.map((box) => box.path));
    for (const path of this.syncFailures.keys()) if (path && !paths.has(path)) this.syncFailures.delete(path);
    return this.deps.store.mailboxes.replaceTree(this.account.id, listed);
  }

  private async refreshQuota(client: ImapFlow): Promise<void> {
    if (!client.capabilities.has('QUOTA')) return;
    const quota = await client.getQuota('INBOX').catch(() => false as const);
    if (!quota || !quota.storage) return;
    const used = quota.storage.usage ?? 0;
    const limit = quota.storage.limit ?? null;
    // The UI asks for the quota when the account comes online, which is before this answer.
    if (this.deps.store.accounts.setQuota(this.account.id, used, limit))
      this.deps.emit('quota.changed', { accountId: this.account.id, usedBytes: used, limitBytes: limit });
  }

  private async syncOne(client: ImapFlow, box: MailboxRecord): Promise<void> {
    const now = Date.now();
    const allFlags = now - (this.allFlagsAt.get(box.id) ?? -Infinity) >= ALL_FLAGS_EVERY_MS;
    // Until a sync has reached the folder's oldest message (syncedLowUid 1), every batch is
    // mail that was there before: the first sync, or its rest after a restart.
    const firstSync = box.sync.syncedLowUid !== 1;
    const changes = await syncMailbox(client, this.deps.store, box, {
      hasAttachments: hasListedAttachments,
      allFlags,
      since: syncSinceDate(this.deps.store.mailboxes.syncSinceMonths(this.account.id)),
      extraFetch: this.extras.forSync(),
      onBatch: (added, done, total) => {
        // A first sync's first screen is in: its IDLE starts, and reading may begin beside the
        // rest. A resync's wait for its pass: the watcher's SELECT of a large INBOX cost the
        // server as much as the resync's own.
        if (firstSync) {
          this.startWatcherIfDue();
          this.levelReached(box.id);
        }
        this.deps.emit('sync.progress', { accountId: this.account.id, mailbox: box.path, done, total });
        if (added.length)
          this.deps.emit('messages.changed', {
            mailboxId: box.id,
            added,
            removed: [],
            updated: [],
            ...(firstSync ? { firstSync: true } : {}),
          });
      },
    });
    if (allFlags) this.allFlagsAt.set(box.id, now);
    if (changes.removed.length || changes.updated.length)
      this.deps.emit('messages.changed', {
        mailboxId: box.id,
        added: [],
        removed: changes.removed,
        updated: changes.updated,
      });
    if (changes.added.length || changes.removed.length || changes.updated.length)
      this.deps.emit('mailboxes.changed', { accountId: this.account.id });
    if (changes.added.length) this.needSnippets.add(box.id);
  }

  /** Preview lines for the newest messages without one: a few KB of text each, never \Seen. */
  private async fillSnippets(client: ImapFlow, mailboxId: MailboxId): Promise<void> {
    const box = this.deps.store.mailboxes.get(mailboxId);
    if (!box) return;
    const wanted = this.deps.store.messages.missingSnippets(mailboxId, SNIPPETS_PER_PASS);
    if (wanted.length === 0) return;
    await client.mailboxOpen(box.path);
    const snippets = await fetchSnippets(
      client,
      wanted.map((w) => ({ uid: w.uid, structure: JSON.parse(w.bodystructure) as unknown })),
    );
    // A message with no text part gets an empty snippet, so it is not asked again.
    for (const w of wanted) if (!snippets.has(w.uid)) snippets.set(w.uid, '');
    const updated = this.deps.store.messages.setSnippets(mailboxId, snippets);
    if (updated.length) this.deps.emit('messages.changed', { mailboxId, added: [], removed: [], updated });
    // More to do: come back after whatever else is queued.
    if (wanted.length === SNIPPETS_PER_PASS) this.needSnippets.add(mailboxId);
  }

  /** Interval check of the mailboxes IDLE does not watch: STATUS is cheap, sync only what changed. */
  private checkOtherMailboxes(): void {
    if (!this.work.current || this.stopped) return;
    for (const id of this.retryLater) this.dirty.add(id);
    this.retryLater.clear();
    void this.withClient(async (client) => {
      for (const box of this.deps.store.mailboxes.list(this.account.id)) {
        if (!syncsInBackground(box) || (box.path === this.watcher.watching && this.watcher.connected)) continue;
        // STATUS of the mailbox this connection has selected answers from the session's own,
        // possibly stale view (Dovecot does): resync it instead, a SELECT that costs little.
        if (client.mailbox && client.mailbox.path === box.path) {
          this.dirty.add(box.id);
          continue;
        }
        const status = await client.status(box.path, { messages: true, uidNext: true, highestModseq: true });
        if (!status) continue;
        const known = { total: box.total, uidNext: box.sync.uidNext, highestModseq: box.sync.highestModseq };
        const flags = { comparedAt: this.allFlagsAt.get(box.id), now: Date.now(), everyMs: ALL_FLAGS_EVERY_MS };
        if (needsSync(status, known, flags)) this.dirty.add(box.id);
      }
    })
      .then(() => this.kick())
      .catch(() => undefined);
  }
}
