// The sending engine behind the contract's compose.*, outbox.* and drafts.* methods: the one
// object the service facade constructs, starts, tells about connections coming up, and stops.
import type { SmtpLogin } from './smtp-client';
import type { ImapFlow } from 'imapflow';
import type { PinLookup } from '../net/tls-options';
import type { SendingMethodName } from '../../../shared/contract-sending';
import type { AccountId } from '../../../shared/domain';
import type { Emit } from '../events';
import type { BackoffOptions } from '../net/backoff';
import type { CoreLog } from '../net/log';
import type { MethodHandlers } from '../method-handlers';
import { notFound, ServiceError } from '../service-error';
import type { Store } from '../store/store';
import type { AttachmentSources } from './attachments';
import { prepareDraft } from './compose-prepare';
import { openServerDraft } from './draft-open';
import { DraftStore } from './draft-store';
import { DraftsRepo } from '../store/drafts-repo';
import { DraftServer } from './drafts-server';
import { ImapSession } from './imap-session';
import type { LoadOriginal } from './original';
import { enqueueMessage, takeBack, type EnqueueDeps } from './outbox-enqueue';
import { OutboxRepo, toOutboxItem } from '../store/outbox-repo';
import { OutboxWorker } from './outbox-worker';
import type { SendingEmit } from './sending-events';

export type { LoadOriginal, OriginalMessage } from './original';

/** What the sending side needs of an account's IMAP runtime (AccountRuntime fits). */
export interface ImapAccess {
  withClient<T>(task: (client: ImapFlow) => Promise<T>): Promise<T>;
  newClient(): Promise<ImapFlow>;
}

export interface SendingServiceOptions {
  store: Store;
  emit: Emit;
  /** Extra trusted CAs (PEM), as for IMAP: added to the system store, never replacing it. */
  trustedCa?: readonly string[];
  /** Certificates the user trusted per host:port, as for IMAP. */
  pins?: PinLookup;
  /** The user confirmed a cleartext login to this account's (non-loopback) servers. */
  allowPlaintext?(accountId: AccountId): boolean;
  password(accountId: AccountId): Promise<string>;
  /** An OAuth2 account's SMTP sign-in (OutboxWorkerDeps.smtpLogin). */
  smtpLogin?(accountId: AccountId): Promise<SmtpLogin | null>;
  /** The SMTP server refused the password: the account stops every login until a new one (OutboxWorkerDeps). */
  passwordRefused?(accountId: AccountId, host: string, message: string, startedAt: number): boolean;
  /** The account's IMAP runtime; null when the account has none (removed, not started). */
  imap(accountId: AccountId): ImapAccess | null;
  /** The cached header and body of a message, and its attachments' bytes. */
  loadOriginal: LoadOriginal;
  /** Whether the account's work connection is up; IMAP steps wait for onAccountOnline otherwise. */
  isOnline(accountId: AccountId): boolean;
  log?: CoreLog;
  /** Called after a Sent or Drafts folder changed on the server, so the cache can sync it soon. */
  mailboxChanged?(accountId: AccountId, path: string): void;
  /** Files a Sent copy locally for an account whose folders are local (POP3): OutboxWorkerDeps. */
  fileSentLocally?(accountId: AccountId, copy: Buffer, createdAt: number): boolean;
  /**
   * Whether a local file may be attached. The Electron shell should allow exactly the paths the
   * user picked in the file dialog or dropped, so a compromised renderer cannot mail out
   * arbitrary files. Default: any regular file.
   */
  mayReadFile?(path: string): boolean;
  /** The undo delay when outbox.send gives none. Default 5 s. */
  defaultUndoSeconds?: number;
  /** Backoff between retries (with jitter). Default 5 s doubling up to 5 min; onAccountOnline skips the wait. */
  retry?: BackoffOptions;
  /** The clock (tests). */
  now?: () => number;
}

export type SendingHandlers = MethodHandlers<SendingMethodName>;

export class SendingService {
  readonly handlers: SendingHandlers;
  private readonly emit: SendingEmit;
  private readonly now: () => number;
  private readonly outbox: OutboxRepo;
  private readonly drafts: DraftsRepo;
  private readonly draftStore: DraftStore;
  private readonly draftServer: DraftServer;
  private readonly worker: OutboxWorker;
  private readonly sessions = new Map<AccountId, ImapSession>();
  private readonly sources: AttachmentSources;
  private readonly enqueueDeps: EnqueueDeps;

  constructor(private readonly options: SendingServiceOptions) {
    const { store } = options;
    this.emit = options.emit;
    this.now = options.now ?? Date.now;
    this.outbox = new OutboxRepo(store.db, this.now);
    this.drafts = new DraftsRepo(store.db, this.now);
    this.sources = {
      drafts: this.drafts,
      loadOriginal: options.loadOriginal,
      mayReadFile: options.mayReadFile ?? (() => true),
    };
    this.draftStore = new DraftStore(store, this.drafts, this.sources);
    const session = (accountId: AccountId) => this.session(accountId);
    this.draftServer = new DraftServer({
      store,
      drafts: this.drafts,
      assembly: this.sources,
      session,
      emit: this.emit,
      now: this.now,
      mailboxChanged: options.mailboxChanged,
      log: options.log,
    });
    this.worker = new OutboxWorker({
      store,
      outbox: this.outbox,
      drafts: this.drafts,
      draftServer: this.draftServer,
      session,
      password: options.password,
      ...(options.smtpLogin ? { smtpLogin: options.smtpLogin } : {}),
      passwordRefused: options.passwordRefused,
      trustedCa: options.trustedCa,
      pins: options.pins,
      allowPlaintext: options.allowPlaintext,
      isOnline: options.isOnline,
      emit: this.emit,
      reportFailure: (failure) => options.emit('operation.failed', failure),
      now: this.now,
      retry: options.retry ?? { baseMs: 5_000, maxMs: 5 * 60_000 },
      mailboxChanged: options.mailboxChanged,
      fileSentLocally: options.fileSentLocally,
      log: options.log,
    });
    this.enqueueDeps = {
      store,
      outbox: this.outbox,
      drafts: this.drafts,
      draftStore: this.draftStore,
      sources: this.sources,
      worker: this.worker,
      now: this.now,
    };
    this.handlers = this.buildHandlers();
  }

  /** Resumes the outbox: items left 'sending' by a crash are checked against Sent first. */
  start(): void {
    this.worker.start();
  }

  /** The account's work connection is up: what waited for it (retries, Sent copies, drafts) goes now. */
  onAccountOnline(accountId: AccountId): void {
    this.outbox.retryAccountNow(accountId);
    this.worker.kick(accountId);
  }

  /** The account is being removed: waits for its outbox step in progress, closes its IMAP session. */
  async forgetAccount(accountId: AccountId): Promise<void> {
    await this.worker.accountSettled(accountId);
    const session = this.sessions.get(accountId);
    this.sessions.delete(accountId);
    await session?.close();
  }

  /** Stops timers and waits for the step in progress; everything queued stays on disk. */
  async stop(): Promise<void> {
    await this.worker.stop();
    const sessions = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.allSettled(sessions.map((s) => s.close()));
  }

  /** Resolves when no outbox work is in progress (tests). */
  settled(): Promise<void> {
    return this.worker.settled();
  }

  private session(accountId: AccountId): ImapSession {
    let session = this.sessions.get(accountId);
    if (!session) {
      session = new ImapSession(async () => {
        const access = this.options.imap(accountId);
        if (!access) throw new ServiceError('offline', 'The account is not connected.');
        return access.newClient();
      });
      this.sessions.set(accountId, session);
    }
    return session;
  }

  private async discard(draftId: string): Promise<{ ok: true }> {
    const record = this.draftStore.editable(draftId);
    if (record.serverUid === null && record.syncVersion === 0) this.drafts.remove(record.id);
    else {
      // A tombstone until the server copy is gone: offline, the deletion waits for the connection.
      this.drafts.setState(record.id, 'discarded');
      if (this.options.isOnline(record.accountId))
        await this.draftServer
          .removeFromServer(record.id)
          .catch((error: unknown) =>
            this.options.log?.('warn', `discarded draft stays on the server for now: ${(error as Error).message}`),
          );
    }
    this.emit('drafts.changed', { accountId: record.accountId, draftId: record.id, state: 'discarded' });
    return { ok: true };
  }

  private buildHandlers(): SendingHandlers {
    const { store } = this.options;
    return {
      'compose.prepare': (input) =>
        prepareDraft({ store, loadOriginal: this.options.loadOriginal, log: this.options.log }, input),
      'outbox.send': ({ draft, undoSeconds, sendAt }) =>
        enqueueMessage(
          this.enqueueDeps,
          draft,
          sendAt !== undefined ? { sendAt } : { undoSeconds: undoSeconds ?? this.options.defaultUndoSeconds ?? 5 },
        ),
      'outbox.cancel': ({ outboxId }) => takeBack(this.enqueueDeps, outboxId),
      'outbox.list': async ({ accountId }) => this.outbox.list(accountId).map((r) => toOutboxItem(r)),
      'outbox.retry': async ({ outboxId }) => {
        const item = this.outbox.get(outboxId);
        if (!item) throw notFound('The message');
        if (this.outbox.retryNow(outboxId)) {
          this.worker.emitItem(this.outbox.get(outboxId)!);
          this.worker.kick(item.accountId);
        }
        return { ok: true as const };
      },
      'drafts.save': async ({ draft, sync }) => {
        const { record, changed, movedFrom } = await this.draftStore.save(draft);
        if (changed) this.emit('drafts.changed', { accountId: record.accountId, draftId: record.id, state: 'saved' });
        // The copy in the previous account's Drafts goes when that account's work next runs.
        if (movedFrom) this.worker.kick(movedFrom);
        let savedToServer = record.syncedVersion >= record.version && record.serverUid !== null;
        if (sync && !savedToServer) {
          this.drafts.requestSync(record.id);
          // Offline or failing: it stays requested and goes when the account is back online.
          if (this.options.isOnline(record.accountId))
            savedToServer = await this.draftServer.push(record.id).catch((error: unknown) => {
              this.options.log?.('warn', `draft not saved to the server yet: ${(error as Error).message}`);
              return false;
            });
        }
        const saved = this.drafts.get(record.id)!;
        return { draftId: saved.id, attachments: saved.draft.attachments, savedToServer };
      },
      'drafts.open': ({ messageId }) =>
        openServerDraft(
          {
            store,
            drafts: this.drafts,
            draftStore: this.draftStore,
            draftServer: this.draftServer,
            isOnline: this.options.isOnline,
            emit: this.emit,
          },
          messageId,
        ),
      'drafts.get': async ({ draftId }) => {
        const record = this.drafts.get(draftId);
        if (!record || record.state === 'discarded') throw notFound('The draft');
        return record.draft;
      },
      'drafts.list': async ({ accountId }) =>
        this.drafts.list(accountId).map((r) => ({
          draftId: r.id,
          accountId: r.accountId,
          subject: r.draft.subject,
          to: r.draft.to,
          updatedAt: r.updatedAt,
          savedToServer: r.syncedVersion >= r.version && r.serverUid !== null,
        })),
      'drafts.discard': ({ draftId }) => this.discard(draftId),
    };
  }
}
