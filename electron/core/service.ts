// The facade: the one object outside the core that anything talks to. It implements every
// method of the contract in shared/ and emits its events; the Electron shell, the browser
// shell and the tests all drive the engine only through it. The work is done by its modules
// (accounts, sending, reading, actions, search); this file starts them, wires them to each
// other and to the contract's methods, and stops them.
import { methods, type MethodArgs, type MethodName, type MethodResult } from '../../shared/contract';
import type { Account, AccountId, MailboxId, MailboxRole } from '../../shared/domain';
import { createAccountHandlers } from './accounts/account-handlers';
import { countsAsUserActivity } from './background-methods';
import { createBrowserDesktopHandlers } from './desktop-handlers';
import { createReaderHandlers, emptyPlainDraft } from './reader-handlers';
import { SENDER_HEADER_FIELDS } from './sender/sender-info';
import { createEmlDragHandlers } from './eml-drag-handlers';
import { createAuthservHandlers } from './authserv-handlers';
import { eraseAccount } from './accounts/account-removal';
import { AccountSecrets } from './accounts/account-secrets';
import { CertificatePins } from './accounts/cert-pins';
import { OAuthAccounts } from './accounts/oauth-accounts';
import { createOAuthHandlers } from './accounts/oauth-handlers';
import { createServerSettingsHandlers } from './accounts/server-settings-handlers';
import { EventHub } from './events';
import { createFolderHandlers } from './folder-handlers';
import { DisposableStore, toDisposable } from './lifecycle';
import { AccountRuntime } from './imap/account-runtime';
import { MessageReader } from './imap/message-reader';
import { hasListedAttachments } from './imap/body/structure';
import { OnDemandClient } from './imap/on-demand-client';
import { ServerSearch } from './imap/server-search/server-search';
import { createServerSearchHandlers } from './imap/server-search/server-search-handlers';
import { OfflineBodiesJob } from './imap/offline-bodies/offline-bodies-job';
import { createOfflineBodiesHandlers } from './imap/offline-bodies/offline-bodies-handlers';
import { MessageActions } from './imap/ops/message-actions';
import { move } from './imap/ops/move';
import { setFlags } from './imap/ops/set-flags';
import { PasswordGate } from './net/password-gate';
import { Pop3Reader } from './pop3/pop3-reader';
import { createPop3Handlers } from './pop3/pop3-handlers';
import { Pop3Runtime } from './pop3/pop3-runtime';
import { fileSentCopy } from './pop3/pop3-sent-copy';
import type { MethodHandler, MethodHandlers } from './method-handlers';
import { fetchRemoteImage } from './remote/fetch-remote-image';
import { ContactBook } from './contacts/contact-book';
import { createIdentityHandlers } from './smtp/identity-handlers';
import { LocalSearch } from './search/local-search';
import { SearchIndexer } from './search/search-indexer';
import { ReplyTracker } from './smtp/reply-tracker';
import { SendingService } from './smtp/sending-service';
import type { MailService, MailServiceOptions } from './service-api';
import { notFound, ServiceError, toServiceError } from './service-error';
import { toMailbox, type MailboxRecord } from './store/mailboxes-repo';
import { Store } from './store/store';
import { createConversationHandlers } from './threads/conversation-handlers';
import { ConversationsRepo } from './threads/conversations-repo';
import { Threader } from './threads/threader';

interface AccountParts {
  runtime: AccountRuntime;
  onDemand: OnDemandClient;
  /** The server half of search on a connection of its own, so it never delays opening a body. */
  searchClient: OnDemandClient;
}

export async function createMailService(options: MailServiceOptions): Promise<MailService> {
  const store = Store.open(options.dataDir, (message) => options.log?.('warn', message));
  return new CoreService(store, options);
}

class CoreService implements MailService {
  private readonly hub = new EventHub();
  private readonly accounts = new Map<AccountId, AccountParts>();
  /** POP3 accounts run apart: their folders are local, so no IMAP part applies to them. */
  private readonly pop3Accounts = new Map<AccountId, Pop3Runtime>();
  private readonly pop3Reader: Pop3Reader;
  private readonly gate = new PasswordGate();
  private readonly handlers: MethodHandlers;
  private readonly sending: SendingService;
  private readonly secrets: AccountSecrets;
  /** OAuth2 accounts' tokens and sign-ins (accounts/oauth-accounts.ts). */
  private readonly oauth: OAuthAccounts;
  private readonly pins: CertificatePins;
  private readonly search: LocalSearch;
  private readonly serverSearch: ServerSearch;
  /** Downloads the bodies of recent mail in the background, when the user and sync leave room. */
  private readonly offlineBodies: OfflineBodiesJob;
  /** Indexes for search when the engine is idle, never inside header sync's inserts. */
  private readonly indexer: SearchIndexer;
  /** Gives stored messages their conversations, off header sync's insert path. */
  private readonly threader: Threader;
  private readonly reader: MessageReader;
  private readonly actions: MessageActions;
  private readonly replies: ReplyTracker;
  private readonly contacts: ContactBook;
  private closed = false;
  /** The window is in front (the renderer says so with sync.foreground). */
  private foreground = false;
  /** What close() ends, newest first: sending before the accounts it uses, the database last. */
  private readonly lifetime = new DisposableStore();

  constructor(
    private readonly store: Store,
    private readonly options: MailServiceOptions,
  ) {
    this.lifetime.add(toDisposable(() => store.close()));
    this.secrets = new AccountSecrets(store, options.cipher);
    this.oauth = new OAuthAccounts(store, options.cipher, options.oauthEnv ?? {});
    this.lifetime.add(toDisposable(() => this.oauth.close()));
    this.pins = new CertificatePins(store.db);
    this.search = new LocalSearch(store.db, store.messages);
    this.serverSearch = new ServerSearch({
      store,
      // only an account that is online searches: offline, the answer says the server part could not run
      connection: (accountId) => {
        const parts = this.accounts.get(accountId);
        return parts && !this.options.offline && parts.runtime.currentStatus.state === 'online'
          ? parts.searchClient
          : null;
      },
      hasAttachments: hasListedAttachments,
      stored: (mailboxId, added) => this.hub.emit('messages.changed', { mailboxId, added, removed: [], updated: [] }),
    });
    this.indexer = this.lifetime.add(new SearchIndexer(store.db));
    this.threader = this.lifetime.add(new Threader(store.db));
    this.contacts = new ContactBook(store);
    this.lifetime.add(toDisposable(() => void this.contacts.stop()));
    this.reader = new MessageReader({
      store,
      onDemand: (accountId) => this.parts(accountId).onDemand,
      mailbox: (mailboxId) => this.mailbox(mailboxId),
      bodyCached: () => this.indexer.kick(),
      bodyLoaded: (id) => this.hub.emit('message.bodyLoaded', { id }),
      senderHeaderFields: SENDER_HEADER_FIELDS,
    });
    this.actions = new MessageActions({
      store,
      emit: this.hub.emit,
      flush: (accountId) => {
        this.accounts.get(accountId)?.runtime.flushOps();
        this.pop3Accounts.get(accountId)?.flushOps();
      },
      runtime: (accountId) => this.parts(accountId).runtime,
    });
    this.pop3Reader = new Pop3Reader(store, () => this.indexer.kick());
    this.replies = new ReplyTracker({
      store,
      markAnswered: (id) => this.actions.apply(setFlags, { ids: [id], answered: true }),
    });
    this.sending = new SendingService({
      store,
      emit: this.hub.emit,
      trustedCa: options.trustedCa,
      pins: this.pins.lookup,
      allowPlaintext: (accountId) => this.secrets.plaintextConfirmed(accountId),
      log: options.log,
      password: (accountId) => this.password(accountId),
      smtpLogin: async (accountId) => {
        const account = store.accounts.get(accountId);
        if (!account?.oauthProvider) return null;
        this.gate.check(accountId);
        return this.oauth.smtpLogin(account);
      },
      passwordRefused: (accountId, host, message, startedAt) => {
        const refusal = this.gate.refuse(accountId, { protocol: 'smtp', host, message }, startedAt);
        if (refusal) this.accounts.get(accountId)?.runtime.showPasswordRefused(refusal);
        if (refusal) this.pop3Accounts.get(accountId)?.showPasswordRefused(refusal);
        return refusal !== null;
      },
      imap: (accountId) => this.accounts.get(accountId)?.runtime ?? null,
      isOnline: (accountId) => this.accounts.get(accountId)?.runtime.currentStatus.state === 'online',
      loadOriginal: async (id) => {
        const [header] = store.messages.get([id]);
        if (!header) throw notFound('The message');
        return {
          header,
          body: await this.reader.body(id),
          attachments: async (part: string) =>
            Buffer.from((await this.reader.attachment(id, part)).dataBase64, 'base64'),
        };
      },
      mayReadFile: options.mayReadFile ?? (() => false),
      fileSentLocally: (accountId, copy, createdAt) => {
        const id = fileSentCopy(store, accountId, copy, createdAt);
        if (id === null) return false;
        const [header] = store.messages.get([id]);
        if (header)
          this.hub.emit('messages.changed', { mailboxId: header.mailboxId, added: [id], removed: [], updated: [] });
        this.hub.emit('mailboxes.changed', { accountId });
        return true;
      },
      mailboxChanged: (accountId, path) => {
        const box = store.mailboxes.byPath(accountId, path);
        if (box) this.accounts.get(accountId)?.runtime.requestSync(box.id);
      },
    });
    this.offlineBodies = this.lifetime.add(
      new OfflineBodiesJob({
        store,
        accounts: () => [...this.accounts.keys()],
        online: (accountId) =>
          !this.options.offline &&
          this.options.offlineBodies !== false &&
          this.accounts.get(accountId)?.runtime.currentStatus.state === 'online',
        download: (id) => this.reader.body(id),
        progress: (progress) => this.hub.emit('offlineBodies.progress', progress),
      }),
    );
    this.handlers = this.buildHandlers();
    // Queued mail goes out as soon as its account is online again.
    const subscriptions = [
      this.hub.on('account.status', ({ state, accountId }) => {
        if (state === 'online') this.sending.onAccountOnline(accountId);
        if (state === 'online') void this.reader.accountOnline(accountId);
        // at its first online only: readied again on every reconnect, a server that drops each
        // session right after its login would see two logins a cycle (login-storm.test.ts)
        if (state === 'online' && !this.readiedOnline.has(accountId)) {
          this.readiedOnline.add(accountId);
          this.readyForReading(accountId);
        }
        if (state === 'online') this.offlineBodies.kick();
      }),
      this.hub.on('outbox.changed', ({ item }) => this.replies.outboxChanged(item)),
      this.hub.on('sync.progress', ({ done, total }) => {
        this.indexer.syncProgress(done, total);
        this.threader.syncProgress(done, total);
        this.offlineBodies.syncProgress(done, total);
        this.contacts.syncProgress(done, total);
      }),
      this.hub.on('messages.changed', () => this.indexer.kick()),
      this.hub.on('messages.changed', () => this.threader.kick()),
      this.hub.on('messages.changed', () => void this.contacts.kick()),
    ];
    for (const unsubscribe of subscriptions) this.lifetime.add(toDisposable(unsubscribe));
    this.indexer.kick();
    this.threader.kick();
    void this.contacts.kick();
    this.lifetime.add(toDisposable(() => this.stopAccounts()));
    for (const account of store.accounts.list()) this.startAccount(account.id);
    this.lifetime.add(toDisposable(() => this.sending.stop()));
    if (!options.offline) this.sending.start();
  }

  /** Each running account's folder of a role: what a unified view shows. */
  private unifiedMailboxes(role: MailboxRole): MailboxId[] {
    return [...this.accounts.keys(), ...this.pop3Accounts.keys()].flatMap((accountId) => {
      const box = this.store.mailboxes.byRole(accountId, role);
      return box ? [box.id] : [];
    });
  }

  async call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>> {
    if (this.closed) throw new ServiceError('internal', 'The mail service has been closed.');
    const spec = methods[method];
    if (!spec) throw new ServiceError('invalid-input', `Unknown method ${String(method)}.`);
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success)
      throw new ServiceError('invalid-input', `Invalid arguments for ${method}: ${parsed.error.issues[0]?.message}`);
    // the offline-bodies job steps aside while the window asks for things
    if (countsAsUserActivity(method)) this.offlineBodies.userActive();
    try {
      const handler: MethodHandler<M> = this.handlers[method];
      // `spec` is M's schema, so this is M's arguments; the compiler sees the union of all
      // methods' arguments, since looking a schema up by a generic name loses which one it is.
      return await handler(parsed.data as MethodArgs<M>);
    } catch (error) {
      throw toServiceError(error);
    }
  }

  onEvent(listener: Parameters<MailService['onEvent']>[0]): () => void {
    return this.hub.onAny(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lifetime.dispose();
  }

  /** For tests and shutdown: waits until every account has nothing queued or syncing. */
  async settled(): Promise<void> {
    await Promise.all([...this.accounts.values()].map((a) => a.runtime.quiet()));
    await Promise.all([...this.pop3Accounts.values()].map((p) => p.settled()));
    await this.sending.settled();
  }

  private startAccount(accountId: AccountId): void {
    const account = this.store.accounts.get(accountId);
    if (!account) return;
    if (account.protocol === 'pop3') return this.startPop3Account(account);
    const runtime = new AccountRuntime(account, {
      store: this.store,
      emit: this.hub.emit,
      password: () => this.password(accountId),
      ...(account.oauthProvider
        ? {
            imapCredentials: async () => {
              this.gate.check(accountId);
              return this.oauth.imapCredentials(account);
            },
          }
        : {}),
      trustedCa: this.options.trustedCa,
      pins: this.pins.lookup,
      allowPlaintext: this.secrets.plaintextConfirmed(accountId),
      log: this.options.log,
      intervalSeconds: this.intervalOf(account),
      reconnect: this.options.reconnect,
      opRetry: this.options.opRetry,
      ...(this.options.syncConnections !== undefined ? { extraSyncConnections: this.options.syncConnections - 1 } : {}),
      splitMinMessages: this.options.splitMinMessages,
      // An OAuth2 account's refused token earns one refresh and one more login (null: try
      // again); only a refusal after that, or a refused refresh token, stops it.
      passwordRefused: (refusal, startedAt) =>
        account.oauthProvider && this.oauth.refused(accountId) ? null : this.gate.refuse(accountId, refusal, startedAt),
      syncing: (underway) => {
        this.indexer.syncPass(underway);
        this.threader.syncPass(underway);
      },
    });
    const parts = {
      runtime,
      onDemand: new OnDemandClient(() => runtime.newClient()),
      searchClient: new OnDemandClient(() => runtime.newClient()),
    };
    this.accounts.set(accountId, parts);
    if (!this.options.offline) {
      runtime.start();
      runtime.setForeground(this.foreground);
    }
  }

  private startPop3Account(account: Account): void {
    const runtime = new Pop3Runtime(account, {
      store: this.store,
      emit: this.hub.emit,
      password: () => this.password(account.id),
      trustedCa: this.options.trustedCa,
      pins: this.pins.lookup,
      allowPlaintext: this.secrets.plaintextConfirmed(account.id),
      intervalSeconds: this.intervalOf(account),
      passwordRefused: (refusal, startedAt) => this.gate.refuse(account.id, refusal, startedAt),
    });
    this.pop3Accounts.set(account.id, runtime);
    if (!this.options.offline) runtime.start();
  }

  /**
   * Stops the account's connections, applies `change` (new servers, another sign-in method),
   * and starts them again from the account row as it is now; the password gate opens, since
   * the way the account signs in has changed.
   */
  private async restartAccount(accountId: AccountId, change: () => Promise<void>): Promise<void> {
    const parts = this.accounts.get(accountId);
    this.accounts.delete(accountId);
    if (parts) await this.stopAccount(parts);
    const pop3 = this.pop3Accounts.get(accountId);
    this.pop3Accounts.delete(accountId);
    await pop3?.stop();
    try {
      await change();
    } finally {
      this.gate.clear(accountId);
      if (!this.closed) this.startAccount(accountId);
    }
  }

  private intervalOf(account: Account): number {
    return account.syncIntervalSeconds ?? this.options.defaultSyncIntervalSeconds ?? 60;
  }

  private async stopAccounts(): Promise<void> {
    await Promise.allSettled([...this.accounts.values()].map((a) => this.stopAccount(a)));
    this.accounts.clear();
    await Promise.allSettled([...this.pop3Accounts.values()].map((p) => p.stop()));
    this.pop3Accounts.clear();
  }

  private async stopAccount(parts: AccountParts): Promise<void> {
    await Promise.allSettled([parts.runtime.stop(), parts.onDemand.close(), parts.searchClient.close()]);
  }

  /** Every login of the engine (IMAP and SMTP) gets its password here: none while one was refused. */
  private async password(accountId: AccountId): Promise<string> {
    this.gate.check(accountId);
    return this.secrets.password(accountId);
  }

  /** Accounts whose first online readied their on-demand connection (readyForReading). */
  private readonly readiedOnline = new Set<AccountId>();

  /**
   * The on-demand connection of an online account, logged in with the mailbox the user looks at
   * selected, before the first message there is opened (MessageReader.readyForReading). Until
   * the window opens a folder, the Inbox: the window opens on it, often just after the account
   * comes online (bench figure r: the first j 0.45 s after mailboxes.open, which is too late).
   * Once the work connection has brought that folder level (AccountRuntime.whenLevel), not
   * beside its resync: the server would open the changed folder for both at once.
   */
  private readyForReading(accountId: AccountId): void {
    const runtime = this.accounts.get(accountId)?.runtime;
    if (!runtime || this.options.offline || runtime.currentStatus.state !== 'online') return;
    const mailboxId = runtime.openedMailbox ?? this.store.mailboxes.byRole(accountId, 'inbox')?.id;
    if (mailboxId === undefined) return;
    void runtime.whenLevel(mailboxId).then(() => {
      // whenLevel also answers when the pass was cut short by a drop: readied then, the reading
      // connection logged in beside the work connection's reconnect, two logins presenting a
      // password or token the server may refuse now (a revoked token was refused twice,
      // oauth.e2e.ts). Not readied then: the first message opened logs it in.
      if (!this.closed && runtime.currentStatus.state === 'online') this.reader.readyForReading(mailboxId);
    });
  }

  private parts(accountId: AccountId): AccountParts {
    const parts = this.accounts.get(accountId);
    if (!parts) throw notFound('The account');
    return parts;
  }

  private mailbox(mailboxId: MailboxId): MailboxRecord {
    const box = this.store.mailboxes.get(mailboxId);
    if (!box) throw notFound('The folder');
    return box;
  }

  private buildHandlers(): MethodHandlers {
    const store = this.store;
    return {
      'accounts.list': async () => store.accounts.list(),
      'accounts.add': async ({ settings, password }) => {
        const account = await this.secrets.create(settings, password, {
          rememberPassword: true,
          plaintextConfirmed: false,
        });
        this.startAccount(account.id);
        this.hub.emit('accounts.changed', { accountId: account.id });
        return account;
      },
      'accounts.remove': async ({ accountId }) => {
        const pop3 = this.pop3Accounts.get(accountId);
        const parts = pop3 ? null : this.parts(accountId);
        const removed = store.accounts.get(accountId);
        // an OAuth2 grant should not outlive its account; the removal never waits on the provider
        if (removed?.oauthProvider)
          await this.oauth
            .revoke(removed)
            .catch((error: unknown) =>
              this.options.log?.('warn', `account ${accountId}: the sign-in was not revoked: ${String(error)}`),
            );
        this.accounts.delete(accountId);
        this.pop3Accounts.delete(accountId);
        // Nothing may still write for the account (or hold its login) when its rows go.
        await Promise.all([parts ? this.stopAccount(parts) : pop3?.stop(), this.sending.forgetAccount(accountId)]);
        const erased = eraseAccount(store, this.pins, accountId);
        this.secrets.forget(accountId);
        this.oauth.forget(accountId);
        this.gate.clear(accountId);
        this.replies.forgetGone();
        this.options.log?.('info', `account ${accountId} removed`, { pins: erased?.pins ?? [] });
        this.hub.emit('accounts.changed', { accountId, removed: true });
        return { ok: true as const };
      },
      'accounts.setPassword': async ({ accountId, password }) => {
        const runtime = this.pop3Accounts.get(accountId) ?? this.parts(accountId).runtime;
        await this.secrets.save(accountId, password);
        this.gate.clear(accountId);
        runtime.passwordChanged();
        return { ok: true as const };
      },
      'accounts.status': async () => [
        ...[...this.accounts.values()].map((a) => a.runtime.currentStatus),
        ...[...this.pop3Accounts.values()].map((p) => p.currentStatus),
      ],
      'accounts.quota': async ({ accountId }) => store.accounts.quota(accountId),
      'mailboxes.list': async ({ accountId }) => store.mailboxes.list(accountId).map(toMailbox),
      'mailboxes.open': async ({ mailboxId }) => {
        const box = this.mailbox(mailboxId);
        // a POP3 account's folders are local: nothing to watch or sync
        if (this.pop3Accounts.has(box.accountId)) return { ok: true as const };
        const { runtime } = this.parts(box.accountId);
        await runtime.openMailbox(box);
        this.readyForReading(box.accountId);
        return { ok: true as const };
      },
      'mailboxes.markRead': async ({ mailboxId }) => {
        const ids = store.messages.unreadIds(this.mailbox(mailboxId).id);
        return ids.length ? this.actions.apply(setFlags, { ids, seen: true }) : { ok: true as const };
      },
      'messages.window': async ({ mailboxId, offset, limit, sort, filter }) =>
        store.messages.listWindow(mailboxId, offset, limit, sort, filter),
      'messages.unifiedWindow': async ({ role, offset, limit, sort, filter }) => {
        const boxes = this.unifiedMailboxes(role);
        return {
          total: store.messages.listCount(boxes, filter, sort),
          messages: store.messages.windowAcross(boxes, offset, limit, sort, filter),
        };
      },
      'messages.search': async ({ query, scope, offset, limit }) =>
        this.search.search(query, scope, offset, limit, this.serverSearch.hitsFor(query, scope)),
      ...createOfflineBodiesHandlers({ store, job: this.offlineBodies }),
      ...createServerSearchHandlers({
        serverSearch: this.serverSearch,
        foldersInScope: (query, scope) => this.search.foldersInScope(query, scope),
        // a POP3 account's mail is all local: none of its folders has a server to search
        mailbox: (id) => {
          const box = store.mailboxes.get(id);
          return box && !this.pop3Accounts.has(box.accountId) ? box : null;
        },
      }),
      'messages.get': async ({ ids }) => store.messages.get(ids),
      'messages.setFlags': async (flags) => {
        // not in SQLite's busy wait behind a sync batch being written (HeaderWriter.idle)
        await store.headerWriter.idle();
        return this.actions.apply(setFlags, flags);
      },
      'messages.move': async ({ ids, toMailboxId }) => {
        this.mailbox(toMailboxId);
        return this.actions.apply(move, { ids, toMailboxId });
      },
      'messages.archive': ({ ids }) => this.actions.archive(ids),
      'messages.delete': ({ ids }) => this.actions.delete(ids),
      'message.body': ({ id }) => (this.pop3Reader.owns(id) ? this.pop3Reader : this.reader).body(id),
      'message.source': ({ id }) => (this.pop3Reader.owns(id) ? this.pop3Reader : this.reader).source(id),
      'message.attachment': ({ id, part }) =>
        (this.pop3Reader.owns(id) ? this.pop3Reader : this.reader).attachment(id, part),
      // Handing a file to another app is the desktop shell's job (electron/shell/open-attachment.ts).
      'message.openAttachment': async () => ({ outcome: 'unsupported' as const }),
      'remote.image': async ({ url }) => {
        const result = await fetchRemoteImage(url);
        return 'dataUrl' in result ? { dataUrl: result.dataUrl } : { dataUrl: null, blocked: result.blocked };
      },
      ...createConversationHandlers({
        conversations: new ConversationsRepo(store.db),
        threader: this.threader,
        search: (query, scope, offset, limit) =>
          this.search.search(query, scope, offset, limit, this.serverSearch.hitsFor(query, scope)),
        unifiedMailboxes: (role) => this.unifiedMailboxes(role),
      }),
      ...this.sending.handlers,
      ...this.contacts.handlers(),
      ...createIdentityHandlers(store),
      'outbox.send': async (args) => {
        const queued = await this.sending.handlers['outbox.send'](args);
        this.replies.queued(queued.outboxId, args.draft);
        return queued;
      },
      ...createBrowserDesktopHandlers(),
      ...createReaderHandlers({
        store,
        reader: this.reader,
        apply: (operation, input) => this.actions.apply(operation, input),
        sendPlain: async (accountId, to, subject, body) => {
          const draft = { ...emptyPlainDraft(accountId), to, subject, body };
          await this.sending.handlers['outbox.send']({ draft, undoSeconds: 0 });
        },
      }),
      ...createEmlDragHandlers({
        // the same bytes and cap as "Save as .eml", read when the ticket is fetched
        raw: (id) => this.handlers['message.raw']({ id }),
        subject: (id) => store.messages.get([id])[0]?.subject,
      }),
      ...createAuthservHandlers(store),
      ...createAccountHandlers({
        store,
        cipher: this.options.cipher,
        trustedCa: this.options.trustedCa,
        emit: this.hub.emit,
        secrets: this.secrets,
        pins: this.pins,
        startAccount: (accountId) => this.startAccount(accountId),
        accountsChanged: (change) => this.hub.emit('accounts.changed', change),
        accountUpdated: (account) => {
          this.accounts.get(account.id)?.runtime.setIntervalSeconds(this.intervalOf(account));
          this.pop3Accounts.get(account.id)?.setIntervalSeconds(this.intervalOf(account));
        },
        log: this.options.log,
      }),
      ...createPop3Handlers({ store, accountsChanged: (change) => this.hub.emit('accounts.changed', change) }),
      ...createOAuthHandlers({
        store,
        oauth: this.oauth,
        trustedCa: this.options.trustedCa,
        pins: this.pins.lookup,
        startAccount: (accountId) => this.startAccount(accountId),
        // the runtime is built for one sign-in method: a password account that now signs in
        // with OAuth2 (or a blocked OAuth2 one) starts afresh
        signedInAgain: (accountId) => void this.restartAccount(accountId, async () => this.gate.clear(accountId)),
        accountsChanged: (accountId) => this.hub.emit('accounts.changed', { accountId }),
        log: this.options.log,
      }),
      ...createServerSettingsHandlers({
        store,
        secrets: this.secrets,
        oauth: this.oauth,
        trustedCa: this.options.trustedCa,
        pins: this.pins.lookup,
        restartAccount: (accountId, change) => this.restartAccount(accountId, change),
        accountsChanged: (accountId) => this.hub.emit('accounts.changed', { accountId }),
        log: this.options.log,
      }),
      ...createFolderHandlers({
        store,
        emit: this.hub.emit,
        actions: this.actions,
        flush: (accountId) => this.accounts.get(accountId)?.runtime.flushOps(),
        requestSync: (accountId, mailboxId) => this.accounts.get(accountId)?.runtime.requestSync(mailboxId),
        runtime: (accountId) => this.parts(accountId).runtime,
      }),
      'sync.foreground': async ({ foreground }) => {
        this.foreground = foreground;
        for (const parts of this.accounts.values()) parts.runtime.setForeground(foreground);
        return { ok: true as const };
      },
      'app.notices': async () => [
        ...store.notices,
        ...(this.secrets.strength === 'weak' ? [{ kind: 'weak-secret-storage' as const }] : []),
      ],
      'sync.now': async ({ accountId }) => {
        for (const [id, parts] of this.accounts) {
          if (accountId && id !== accountId) continue;
          parts.runtime.reconnect();
          parts.runtime.requestSync();
        }
        for (const [id, runtime] of this.pop3Accounts) if (!accountId || id === accountId) runtime.requestSync();
        return { ok: true as const };
      },
    };
  }
}
