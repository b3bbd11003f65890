// Moves outbox items along, one account at a time and one message at a time per account:
//
//   queued ──(AUTH done; claim)──▶ sending ──(250)──▶ sent-smtp ──(Sent copy filed)──▶ done
//      ▲  ╲                           │  ╲
//      │   ╲(5xx, bad password,       │   ╲(connection broke mid-transaction: outcome unknown)
//      │    ╲ untrusted certificate)  │    ╲──▶ sending, checked like after a crash (below)
//      │     ▼                        │
//      │    failed ◀──────(5xx)───────┘
//      └──(4xx, network: retried with backoff; when the account comes online, at once)
//
// A refused password (SMTP AUTH here, or IMAP's login elsewhere) is no item's failure: the item
// stays queued, the account's drain stops at once, and nothing of it logs in again until the
// user gave a new password (net/password-gate.ts). Then the queue drains in order.
//
// Every state is written to SQLite before the step it permits. A crash therefore leaves an item
// either before its transaction (queued: sent later, once) or in 'sending'. For 'sending' items
// (found at start, or after a connection broke mid-transaction), the Sent folder (and INBOX when
// the user is a recipient) is searched for the Message-ID before anything is resent:
// found → sent-smtp (its Sent copy is filed if missing) → done, never sent twice. Not found →
// queued, sent again. A 'sent-smtp' item searches Sent before its APPEND too, so a crash between
// the APPEND and 'done' does not file two copies.
//
// The remaining window, honestly: the server accepted the message (250) and the app died before
// writing 'sent-smtp' (the time of one reply and one SQLite commit), on a server that does not
// file sent mail itself, with the user not among the recipients. IMAP cannot tell that apart from
// "never arrived", so we resend: a lost message is worse than a rare duplicate, and the duplicate
// carries the same Message-ID, by which some clients (Gmail among them) show it once.
import { addressKey } from '../../../shared/address-parse';
import type { PinLookup } from '../net/tls-options';
import type { OutboxState } from '../../../shared/compose';
import type { Account, AccountId } from '../../../shared/domain';
import type { EventPayload } from '../../../shared/contract';
import { backoffDelay, type BackoffOptions } from '../net/backoff';
import { loginStarted, needsPassword } from '../net/password-gate';
import type { CoreLog } from '../net/log';
import type { Store } from '../store/store';
import type { DraftServer } from './drafts-server';
import type { DraftsRepo } from '../store/drafts-repo';
import type { ImapSession } from './imap-session';
import { toOutboxItem, type OutboxRecord, type OutboxRepo } from '../store/outbox-repo';
import { appendTo, roleMailboxPath, uidsByMessageId } from './role-mailbox';
import type { SendingEmit } from './sending-events';
import { submitMessage, SubmitCancelled, type SmtpLogin } from './smtp-client';
import { classifySubmitError } from './smtp-errors';
import { toWireAddress } from './wire-address';

export interface OutboxWorkerDeps {
  store: Store;
  outbox: OutboxRepo;
  drafts: DraftsRepo;
  draftServer: DraftServer;
  session(accountId: AccountId): ImapSession;
  password(accountId: AccountId): Promise<string>;
  /**
   * What an OAuth2 account signs in with (an XOAuth2 token source), null for a password account.
   * Throws like password() when the account must be signed in again.
   */
  smtpLogin?(accountId: AccountId): Promise<SmtpLogin | null>;
  /**
   * The SMTP server refused the password of a login begun at `startedAt` (net/password-gate.ts):
   * true when the whole account now waits for a new one, false when the user gave a new
   * password after that login began (the item is tried again with it).
   */
  passwordRefused?(accountId: AccountId, host: string, message: string, startedAt: number): boolean;
  trustedCa?: readonly string[];
  pins?: PinLookup;
  /** The user confirmed a cleartext login to this account's (non-loopback) servers. */
  allowPlaintext?(accountId: AccountId): boolean;
  isOnline(accountId: AccountId): boolean;
  emit: SendingEmit;
  /** Tells the user something went wrong after the message left (the operation.failed event). */
  reportFailure(failure: EventPayload<'operation.failed'>): void;
  now(): number;
  retry: BackoffOptions;
  mailboxChanged?(accountId: AccountId, path: string): void;
  /**
   * Files the Sent copy in the account's local Sent folder when the account keeps its folders
   * locally (POP3); false when it does not, and the copy goes to the IMAP server as usual.
   */
  fileSentLocally?(accountId: AccountId, copy: Buffer, createdAt: number): boolean;
  log?: CoreLog;
}

/** A server that keeps deferring (4xx) is given this many tries (hours, with backoff) before failing. */
const MAX_DEFERRALS = 20;
/** The message went; filing its Sent copy is given up after this many tries (the SMTP ones counted too). */
const MAX_COPY_ATTEMPTS = 10;
/** The note an item carries once the start-up check found it had reached the server. */
const RECOVERED = 'The server had it before the interruption; it was not sent again.';
/** setTimeout's limit. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Gmail files sent mail itself; appending would show every message twice. */
export function serverSavesSent(account: Account): boolean {
  const google = /(^|\.)(gmail|googlemail)\.com$/i;
  return !!account.serverSavesSent || google.test(account.smtp.host) || google.test(account.imap.host);
}

/**
 * A step's outcome for the drain: 'blocked' stops the account's drain (the password was
 * refused), 'again' starts it over from the first item due.
 */
type StepResult = 'blocked' | 'again' | void;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class OutboxWorker {
  private readonly running = new Map<AccountId, Promise<void>>();
  private readonly again = new Set<AccountId>();
  /** Items whose Sent copy failure the user was told of in this run. */
  private readonly copyFailureShown = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly deps: OutboxWorkerDeps) {}

  start(): void {
    this.stopped = false;
    const accounts = new Set([...this.deps.outbox.accountsWithWork(), ...this.deps.drafts.accountsWithServerWork()]);
    for (const accountId of accounts) this.kick(accountId);
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.running.values()]);
  }

  /** Resolves when no account is being worked on (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  /** Resolves when nothing of this account is being worked on (the account is being removed). */
  async accountSettled(accountId: AccountId): Promise<void> {
    while (this.running.has(accountId)) await this.running.get(accountId)!.catch(() => undefined);
  }

  /** Works through the account's due items now (new item, connection back, retry pressed). */
  kick(accountId: AccountId): void {
    if (this.stopped) return;
    if (this.running.has(accountId)) {
      this.again.add(accountId);
      return;
    }
    const run = this.drain(accountId)
      .catch((error: unknown) => this.deps.log?.('error', `outbox of ${accountId} stopped: ${messageOf(error)}`))
      .finally(() => {
        this.running.delete(accountId);
        if (this.again.delete(accountId)) this.kick(accountId);
        else this.schedule();
      });
    this.running.set(accountId, run);
  }

  /** Wakes up when the next item is due (the end of an undo delay, a retry). */
  schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.deps.outbox.nextDue();
    if (next === null) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        for (const accountId of this.deps.outbox.accountsWithWork()) this.kick(accountId);
        this.schedule();
      },
      Math.min(MAX_TIMER_MS, Math.max(0, next - this.deps.now())),
    );
    this.timer.unref?.();
  }

  emitItem(record: OutboxRecord, state?: OutboxState, error?: string | null): void {
    const item = toOutboxItem(record, state);
    this.deps.emit('outbox.changed', {
      accountId: record.accountId,
      item: error === undefined ? item : { ...item, error },
    });
  }

  private emitId(id: number): void {
    const record = this.deps.outbox.get(id);
    if (record) this.emitItem(record);
  }

  private later(attempts: number): number {
    return this.deps.now() + backoffDelay(Math.max(0, attempts - 1), this.deps.retry);
  }

  private async drain(accountId: AccountId): Promise<void> {
    // Each step finishes an item or moves its time into the future, so this ends; the bound is
    // a guard against a bug turning into a hot loop.
    for (let round = 0; round < 1_000 && !this.stopped; round++) {
      const due = this.deps.outbox.dueIds(accountId, this.deps.now());
      if (due.length === 0) break;
      for (const id of due) {
        if (this.stopped) return;
        // Every later item would log in with the same refused password: they all wait.
        const result = await this.step(id);
        if (result === 'blocked') return;
        if (result === 'again') break;
      }
    }
    if (!this.stopped && this.deps.isOnline(accountId)) await this.deps.draftServer.flush(accountId);
  }

  private async step(id: number): Promise<StepResult> {
    const item = this.deps.outbox.get(id);
    if (!item || item.sendAfter > this.deps.now()) return;
    try {
      if (item.state === 'queued') return await this.submit(item);
      else if (item.state === 'sending') await this.recover(item);
      else if (item.state === 'sent-smtp') await this.fileCopy(item);
    } catch (error) {
      // Unexpected (a bug, a full disk): keep the item where it is and look again later.
      this.deps.log?.('error', `outbox item ${id}: ${messageOf(error)}`);
      const attempts = this.deps.outbox.countAttempt(id);
      const now = this.deps.outbox.get(id);
      if (now && now.state !== 'failed')
        this.deps.outbox.retryAt(id, now.state, this.later(attempts), messageOf(error));
    }
  }

  private async submit(item: OutboxRecord): Promise<StepResult> {
    const account = this.deps.store.accounts.get(item.accountId);
    if (!account) return this.deps.outbox.remove(item.id);
    let password = '';
    let login: SmtpLogin | null;
    const startedAt = loginStarted();
    try {
      login = (await this.deps.smtpLogin?.(item.accountId)) ?? null;
      if (!login) password = await this.deps.password(item.accountId);
    } catch (error) {
      // no password to try (refused, or none to be had): it waits for the user, never fails
      if (needsPassword(error)) return this.waitForPassword(item.id, item.lastError ?? error.message);
      this.deps.outbox.fail(item.id, `No password for ${account.smtp.host}: ${messageOf(error)}`);
      return this.emitId(item.id);
    }
    try {
      const result = await submitMessage({
        server: account.smtp,
        username: account.username,
        password,
        ...(login ? { login } : {}),
        security: {
          trustedCa: this.deps.trustedCa,
          pins: this.deps.pins,
          allowPlaintext: this.deps.allowPlaintext?.(item.accountId) ?? false,
        },
        raw: item.raw,
        envelope: item.envelope,
        beforeTransaction: () => {
          const claimed = this.deps.outbox.claim(item.id);
          if (claimed) this.emitId(item.id);
          return claimed;
        },
      });
      this.deps.outbox.markSentSmtp(item.id, result.rejected);
      this.emitId(item.id);
      this.deps.log?.('info', `${item.messageId} accepted by ${account.smtp.host}: ${result.response}`);
    } catch (error) {
      if (error instanceof SubmitCancelled) return;
      return this.submitFailed(item.id, account.smtp.host, error, startedAt);
    }
  }

  private submitFailed(id: number, host: string, error: unknown, startedAt: number): StepResult {
    const item = this.deps.outbox.get(id);
    if (!item) return;
    const failure = classifySubmitError(error, host, item.raw.length);
    if (failure.passwordRefused && this.deps.passwordRefused) {
      // AUTH comes before the transaction: nothing was sent.
      this.deps.log?.('warn', `${item.messageId} via ${host}: ${failure.message}`);
      if (this.deps.passwordRefused(item.accountId, host, failure.message, startedAt))
        return this.waitForPassword(id, failure.message);
      // the old password, refused after the user gave a new one: due again now, and the drain
      // starts over so the queue still goes out in order
      this.deps.outbox.retryAt(id, 'queued', this.deps.now(), failure.message);
      this.emitId(id);
      return 'again';
    }
    // claim() counted the attempt when it got as far as the transaction; before that, count it here.
    const attempts = item.state === 'sending' ? item.attempts : this.deps.outbox.countAttempt(id);
    if (failure.kind === 'permanent' || (failure.serverDeferred && attempts >= MAX_DEFERRALS))
      this.deps.outbox.fail(id, failure.message, failure.refused);
    else if (failure.kind === 'transient')
      this.deps.outbox.retryAt(id, 'queued', this.later(attempts), failure.message);
    // The server may have it: decide as after a crash, by looking for it, before sending again.
    else this.deps.outbox.retryAt(id, 'sending', this.later(attempts), failure.message);
    this.deps.log?.('warn', `${item.messageId} via ${host}: ${failure.message}`);
    this.emitId(id);
  }

  /**
   * Parks a queued item until a new password: onAccountOnline brings it forward (in order, by
   * id). The far send time keeps the timer from waking up for it meanwhile.
   */
  private waitForPassword(id: number, note: string | null): StepResult {
    this.deps.outbox.retryAt(id, 'queued', this.deps.now() + this.deps.retry.maxMs, note);
    this.emitId(id);
    return 'blocked';
  }

  /** An item left in 'sending': did the server get it? Look before sending it again. */
  private async recover(item: OutboxRecord): Promise<void> {
    const account = this.deps.store.accounts.get(item.accountId);
    if (!account) return this.deps.outbox.remove(item.id);
    if (!this.deps.isOnline(item.accountId)) {
      // onAccountOnline brings it forward.
      this.deps.outbox.retryAt(item.id, 'sending', this.deps.now() + this.deps.retry.maxMs, item.lastError);
      return;
    }
    let found: boolean;
    try {
      found = await this.deps.session(item.accountId).run(async (client) => {
        const sent = await roleMailboxPath(client, this.deps.store, item.accountId, 'sent');
        if ((await uidsByMessageId(client, sent, item.messageId)).length > 0) return true;
        // Mail to oneself proves delivery too, on servers that do not file sent mail.
        const own = addressKey(toWireAddress(account.email));
        if (item.envelope.to.some((r) => addressKey(r) === own))
          return (await uidsByMessageId(client, 'INBOX', item.messageId)).length > 0;
        return false;
      });
    } catch (error) {
      const attempts = this.deps.outbox.countAttempt(item.id);
      this.deps.outbox.retryAt(
        item.id,
        'sending',
        this.later(attempts),
        `Checking whether the interrupted message went out failed: ${messageOf(error)}`,
      );
      return this.emitId(item.id);
    }
    if (found) {
      // It went. The Sent copy may still be missing (a server that does not file sent mail).
      this.deps.outbox.retryAt(item.id, 'sent-smtp', this.deps.now(), RECOVERED);
      return this.emitId(item.id);
    }
    this.deps.outbox.retryAt(
      item.id,
      'queued',
      this.deps.now(),
      'An attempt was interrupted before the server answered; sending it again.',
    );
    this.emitId(item.id);
  }

  /** Files the copy in Sent (\Seen), unless the server does it itself. */
  private async fileCopy(item: OutboxRecord): Promise<void> {
    const account = this.deps.store.accounts.get(item.accountId);
    if (!account) return this.deps.outbox.remove(item.id);
    if (serverSavesSent(account)) return this.finish(item.id, item.lastError === RECOVERED ? RECOVERED : undefined);
    const local = Buffer.concat([Buffer.from(item.sentHeaders, 'utf8'), item.raw]);
    if (this.deps.fileSentLocally?.(item.accountId, local, item.createdAt))
      return this.finish(item.id, item.lastError === RECOVERED ? RECOVERED : undefined);
    if (!this.deps.isOnline(item.accountId)) {
      this.deps.outbox.retryAt(
        item.id,
        'sent-smtp',
        this.deps.now() + this.deps.retry.maxMs,
        'Sent. Its copy goes into the Sent folder when the connection is back.',
      );
      return this.emitId(item.id);
    }
    try {
      const path = await this.deps.session(item.accountId).run(async (client) => {
        const sent = await roleMailboxPath(client, this.deps.store, item.accountId, 'sent');
        // An APPEND that succeeded just before a crash must not be repeated.
        if ((await uidsByMessageId(client, sent, item.messageId)).length === 0) {
          const copy = Buffer.concat([Buffer.from(item.sentHeaders, 'utf8'), item.raw]);
          await appendTo(client, sent, copy, ['\\Seen'], new Date(item.createdAt));
        }
        return sent;
      });
      this.deps.mailboxChanged?.(item.accountId, path);
      this.finish(item.id, item.lastError === RECOVERED ? RECOVERED : undefined);
    } catch (error) {
      // Counted in the item's stored attempts (the SMTP ones included), so a copy the server
      // keeps refusing is given up for good, not tried again from scratch after every restart.
      const tries = this.deps.outbox.countAttempt(item.id);
      const gaveUp = tries >= MAX_COPY_ATTEMPTS;
      // The message went, so this is no send failure; but the user must hear of it, at the first
      // failure and when it is given up, not only find Sent empty one day.
      if (gaveUp || !this.copyFailureShown.has(item.id)) {
        this.copyFailureShown.add(item.id);
        this.deps.reportFailure({
          accountId: item.accountId,
          kind: 'sent-copy',
          reason: 'refused',
          message: gaveUp
            ? `"${item.subject}" was sent, but its copy could not be saved in the Sent folder: ${messageOf(error)}`
            : `"${item.subject}" was sent; saving its copy in the Sent folder failed (${messageOf(error)}), trying again.`,
        });
      }
      if (gaveUp)
        return this.finish(item.id, `Sent, but no copy could be saved in the Sent folder: ${messageOf(error)}`);
      this.deps.outbox.retryAt(
        item.id,
        'sent-smtp',
        this.later(tries),
        `Sent. Saving its copy in the Sent folder failed (${messageOf(error)}); trying again.`,
      );
      this.emitId(item.id);
    }
  }

  /** The item is done: it leaves the outbox, and its draft goes (from the server too, if it was there). */
  private finish(id: number, note?: string): void {
    const item = this.deps.outbox.get(id);
    if (!item) return;
    this.copyFailureShown.delete(id);
    const { outbox, drafts } = this.deps;
    const draft = item.draftId ? drafts.get(item.draftId) : null;
    this.deps.store.transaction(() => {
      outbox.remove(id);
      if (!draft) return;
      // A server copy is deleted by the draft server (drafts flush); a local-only draft just goes.
      if (draft.serverUid !== null || draft.syncVersion > 0) drafts.setState(draft.id, 'discarded');
      else drafts.remove(draft.id);
    });
    this.emitItem(item, 'done', note ?? null);
    if (draft) this.deps.emit('drafts.changed', { accountId: draft.accountId, draftId: draft.id, state: 'discarded' });
  }
}
