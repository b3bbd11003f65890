// The facade: the one object outside the core that anything talks to. It implements every
// method of the contract in shared/ and emits its events; the Electron shell, the browser
// shell and the tests all drive the engine only through it.
import type { ImapFlow } from 'imapflow';
import { methods, type MethodName, type MethodOutput } from '../../shared/contract';
import type { Account, AccountId, AccountSettings, MailboxRole, MessageBody, MessageId } from '../../shared/domain';
import type { SearchScope } from '../../shared/search-query';
import { createAccountHandlers } from './accounts/account-handlers';
import { eraseAccount } from './accounts/account-removal';
import { AccountSecrets } from './accounts/account-secrets';
import { CertificatePins } from './accounts/cert-pins';
import { EventHub } from './events';
import { AccountRuntime } from './imap/account-runtime';
import { fetchBody } from './imap/body/fetch-body';
import { fetchPart } from './imap/body/fetch-part';
import { planBody } from './imap/body/structure';
import { parseReferences, toAddresses } from './imap/sync/header-fields';
import { OnDemandClient } from './imap/on-demand-client';
import { expunge } from './imap/ops/expunge';
import { move } from './imap/ops/move';
import type { Operation } from './imap/ops/operation';
import { setFlags } from './imap/ops/set-flags';
import { fetchRemoteImage } from './remote/fetch-remote-image';
import { LocalSearch } from './search/local-search';
import { SearchIndexer } from './search/search-indexer';
import { SendingService } from './smtp/sending-service';
import type { MailService, MailServiceOptions } from './service-api';
import { notFound, ServiceError, toServiceError } from './service-error';
import { refuseOversizedAttachment } from './attachment-size';
import { MAX_SHOWN_SOURCE_BYTES, sourceText } from './message-source';
import { toMailbox } from './store/mailboxes-repo';
import { Store } from './store/store';

/**
 * The on-demand connection keeps its mailbox selected between opens: re-selecting a large
 * mailbox costs Dovecot far more than the FETCH itself. UIDs stay valid while UIDVALIDITY does.
 */
async function selectForReading(client: ImapFlow, path: string, uidValidity: string | null): Promise<void> {
  const current = client.mailbox;
  if (current && current.path === path && (uidValidity === null || String(current.uidValidity) === uidValidity)) return;
  await client.mailboxOpen(path, { readOnly: true });
}

type Handlers = { [M in MethodName]: (input: never) => Promise<MethodOutput<M>> | MethodOutput<M> };

interface AccountParts {
  runtime: AccountRuntime;
  onDemand: OnDemandClient;
}

export async function createMailService(options: MailServiceOptions): Promise<MailService> {
  const store = Store.open(options.dataDir, (message) => options.log?.('warn', message));
  return new CoreService(store, options);
}

class CoreService implements MailService {
  private readonly hub = new EventHub();
  private readonly accounts = new Map<AccountId, AccountParts>();
  private readonly handlers: Handlers;
  private readonly sending: SendingService;
  private readonly secrets: AccountSecrets;
  private readonly pins: CertificatePins;
  private readonly search: LocalSearch;
  /** Indexes for search when the engine is idle, never inside header sync's inserts. */
  private readonly indexer: SearchIndexer;
  /** Outbox items that reply to a cached message: it gets \Answered once the server took the reply. */
  private readonly replyingTo = new Map<number, MessageId>();
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly options: MailServiceOptions,
  ) {
    this.secrets = new AccountSecrets(store, options.cipher);
    this.pins = new CertificatePins(store.db);
    this.sending = new SendingService({
      store,
      emit: this.hub.emit,
      trustedCa: options.trustedCa,
      pins: this.pins.lookup,
      allowPlaintext: (accountId) => this.secrets.plaintextConfirmed(accountId),
      log: options.log,
      password: (accountId) => this.password(accountId),
      imap: (accountId) => this.accounts.get(accountId)?.runtime ?? null,
      isOnline: (accountId) => this.accounts.get(accountId)?.runtime.currentStatus.state === 'online',
      loadOriginal: async (id) => {
        const [header] = store.messages.get([id]);
        if (!header) throw notFound('The message');
        return {
          header,
          body: await this.body(id),
          attachments: async (part: string) => Buffer.from((await this.attachment(id, part)).dataBase64, 'base64'),
        };
      },
      mayReadFile: options.mayReadFile ?? (() => false),
      mailboxChanged: (accountId, path) => {
        const box = store.mailboxes.byPath(accountId, path);
        if (box) this.accounts.get(accountId)?.runtime.requestSync(box.id);
      },
    });
    this.search = new LocalSearch(store.db, store.messages);
    this.indexer = new SearchIndexer(store.db);
    this.handlers = this.buildHandlers();
    // Queued mail goes out as soon as its account is online again.
    this.hub.on((event, payload) => {
      if (event === 'account.status' && (payload as { state: string }).state === 'online')
        this.sending.onAccountOnline((payload as { accountId: AccountId }).accountId);
      if (event === 'outbox.changed') this.markAnswered(payload as { item: { id: number; state: string } });
      if (event === 'sync.progress') {
        const { done, total } = payload as { done: number; total: number };
        this.indexer.syncProgress(done, total);
      }
      if (event === 'messages.changed') this.indexer.kick();
    });
    this.indexer.kick();
    for (const account of store.accounts.list()) this.startAccount(account.id);
    if (!options.offline) this.sending.start();
  }

  async call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
    if (this.closed) throw new ServiceError('internal', 'The mail service has been closed.');
    const spec = methods[method];
    if (!spec) throw new ServiceError('invalid-input', `Unknown method ${String(method)}.`);
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success)
      throw new ServiceError('invalid-input', `Invalid arguments for ${method}: ${parsed.error.issues[0]?.message}`);
    try {
      const handler = this.handlers[method] as (input: unknown) => Promise<MethodOutput<M>> | MethodOutput<M>;
      return await handler(parsed.data);
    } catch (error) {
      throw toServiceError(error);
    }
  }

  onEvent(listener: Parameters<MailService['onEvent']>[0]): () => void {
    return this.hub.on(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sending.stop();
    await Promise.allSettled([...this.accounts.values()].map((a) => this.stopAccount(a)));
    this.accounts.clear();
    this.indexer.stop();
    this.store.close();
  }

  /** For tests and shutdown: waits until every account has nothing queued or syncing. */
  async settled(): Promise<void> {
    await Promise.all([...this.accounts.values()].map((a) => a.runtime.settled()));
    await this.sending.settled();
  }

  private startAccount(accountId: AccountId): void {
    const account = this.store.accounts.get(accountId);
    if (!account) return;
    const runtime = new AccountRuntime(account, {
      store: this.store,
      emit: this.hub.emit,
      password: () => this.password(accountId),
      trustedCa: this.options.trustedCa,
      pins: this.pins.lookup,
      allowPlaintext: this.secrets.plaintextConfirmed(accountId),
      log: this.options.log,
      intervalSeconds: this.intervalOf(account),
    });
    const parts = { runtime, onDemand: new OnDemandClient(() => runtime.newClient()) };
    this.accounts.set(accountId, parts);
    if (!this.options.offline) runtime.start();
  }

  private intervalOf(account: Account): number {
    return account.syncIntervalSeconds ?? this.options.defaultSyncIntervalSeconds ?? 60;
  }

  private async stopAccount(parts: AccountParts): Promise<void> {
    await Promise.allSettled([parts.runtime.stop(), parts.onDemand.close()]);
  }

  private async password(accountId: AccountId): Promise<string> {
    return this.secrets.password(accountId);
  }

  private parts(accountId: AccountId): AccountParts {
    const parts = this.accounts.get(accountId);
    if (!parts) throw notFound('The account');
    return parts;
  }

  private mailbox(mailboxId: number) {
    const box = this.store.mailboxes.get(mailboxId);
    if (!box) throw notFound('The folder');
    return box;
  }

  /** Applies a local action, announces it, queues it for the server and pushes it if online. */
  private act<I>(operation: Operation<I, unknown>, input: I): { ok: true } {
    const result = this.store.transaction(() => {
      const local = operation.applyLocally(this.store, input);
      for (const op of local.ops) this.store.pendingOps.enqueue(op.accountId, operation.kind, op.payload, op.touches);
      return local;
    });
    const accounts = new Set<AccountId>();
    for (const [mailboxId, change] of result.changed) {
      this.hub.emit('messages.changed', { mailboxId, ...change });
      const box = this.store.mailboxes.get(mailboxId);
      if (box) accounts.add(box.accountId);
    }
    for (const accountId of accounts) {
      this.hub.emit('mailboxes.changed', { accountId });
      this.accounts.get(accountId)?.runtime.flushOps();
    }
    return { ok: true };
  }

  private markAnswered({ item }: { item: { id: number; state: string } }): void {
    const original = this.replyingTo.get(item.id);
    if (original === undefined) return;
    if (item.state === 'cancelled' || item.state === 'failed') this.replyingTo.delete(item.id);
    if (item.state !== 'sent-smtp' && item.state !== 'done') return;
    this.replyingTo.delete(item.id);
    if (this.store.messages.get([original]).length) this.act(setFlags, { ids: [original], answered: true });
  }

  /** The folder with `role`, created on the server when the account has none yet. */
  private async roleMailbox(accountId: AccountId, role: MailboxRole, name: string) {
    const existing = this.store.mailboxes.byRole(accountId, role);
    if (existing) return existing;
    const { runtime } = this.parts(accountId);
    await runtime.withClient(async (client) => {
      await client.mailboxCreate(name).catch((error: { serverResponseCode?: string }) => {
        if (error.serverResponseCode !== 'ALREADYEXISTS') throw error;
      });
    });
    runtime.requestSync();
    await runtime.settled();
    const created = this.store.mailboxes.byRole(accountId, role) ?? this.store.mailboxes.byPath(accountId, name);
    if (!created) throw new ServiceError('server', `The ${name} folder could not be created on the server.`);
    return created;
  }

  /** Messages grouped by account, for actions that go to a per-account folder. */
  private byAccount(ids: MessageId[]): Map<AccountId, MessageId[]> {
    const out = new Map<AccountId, MessageId[]>();
    for (const header of this.store.messages.get(ids))
      out.set(header.accountId, [...(out.get(header.accountId) ?? []), header.id]);
    return out;
  }

  /** Where a message's parts live on the server, and its BODYSTRUCTURE. */
  private located(id: MessageId): { uid: number; mailboxId: number; structure: unknown } {
    const row = this.store.messages.bodystructure(id);
    if (!row || row.uid === null) throw notFound('The message');
    return {
      uid: row.uid,
      mailboxId: row.mailboxId,
      structure: row.bodystructure ? JSON.parse(row.bodystructure) : null,
    };
  }

  /** Runs `task` on the account's on-demand connection with the mailbox selected for reading. */
  private async readFromServer<T>(mailboxId: number, task: (client: ImapFlow) => Promise<T>): Promise<T> {
    const box = this.mailbox(mailboxId);
    try {
      return await this.parts(box.accountId).onDemand.use(async (client) => {
        await selectForReading(client, box.path, box.sync.uidValidity);
        return task(client);
      });
    } catch (error) {
      throw toServiceError(error, this.store.accounts.get(box.accountId)?.imap.host);
    }
  }

  private async body(id: MessageId): Promise<MessageBody> {
    const cached = this.store.bodies.get(id);
    if (cached) return cached;
    const { uid, mailboxId, structure } = this.located(id);
    return this.readFromServer(mailboxId, async (client) => {
      const fetched = await fetchBody(client, uid, structure);
      const extra = await client.fetchOne(String(uid), { envelope: true, headers: ['references'] }, { uid: true });
      if (!extra) throw notFound('The message');
      const body: MessageBody = {
        messageId: id,
        html: fetched.html,
        text: fetched.text,
        attachments: planBody(structure).attachments,
        bcc: toAddresses(extra.envelope?.bcc),
        replyTo: toAddresses(extra.envelope?.replyTo),
        inReplyTo: extra.envelope?.inReplyTo ?? null,
        references: parseReferences(extra.headers),
      };
      this.store.bodies.put(body);
      this.indexer.kick();
      return this.store.bodies.get(id) ?? body;
    });
  }

  /** The first MAX_SHOWN_SOURCE_BYTES of the raw message, as text, for "Show source". */
  private async source(id: MessageId): Promise<{ source: string; truncated: boolean }> {
    const { uid, mailboxId } = this.located(id);
    const raw = await this.readFromServer(mailboxId, async (client) => {
      const response = await client.fetchOne(
        String(uid),
        { source: { start: 0, maxLength: MAX_SHOWN_SOURCE_BYTES + 1 } },
        { uid: true },
      );
      if (!response) throw notFound('The message');
      return response.source ?? Buffer.alloc(0);
    });
    const truncated = raw.length > MAX_SHOWN_SOURCE_BYTES;
    return { source: sourceText(raw.subarray(0, MAX_SHOWN_SOURCE_BYTES)), truncated };
  }

  private async attachment(id: MessageId, part: string) {
    const { uid, mailboxId, structure } = this.located(id);
    const info = planBody(structure).attachments.find((a) => a.part === part);
    if (!info) throw notFound('The attachment');
    let data = this.store.bodies.attachmentData(id, part);
    if (!data) {
      refuseOversizedAttachment(info.filename, info.size);
      data = await this.readFromServer(mailboxId, (client) => fetchPart(client, uid, part));
      refuseOversizedAttachment(info.filename, data.length); // the declared size may have lied
      this.store.bodies.putAttachments(id, [info]);
      this.store.bodies.cacheAttachmentData(id, part, data);
    }
    return { filename: info.filename, contentType: info.contentType, dataBase64: data.toString('base64') };
  }

  private buildHandlers(): Handlers {
    const store = this.store;
    return {
      'accounts.list': () => store.accounts.list(),
      'accounts.add': async ({ settings, password }: { settings: AccountSettings; password: string }) => {
        const account = store.accounts.insert(settings, await this.options.cipher.encrypt(password));
        this.startAccount(account.id);
        this.hub.emit('accounts.changed', { accountId: account.id });
        return account;
      },
      'accounts.remove': async ({ accountId }: { accountId: AccountId }) => {
        const parts = this.parts(accountId);
        this.accounts.delete(accountId);
        // Nothing may still write for the account (or hold its login) when its rows go.
        await Promise.all([this.stopAccount(parts), this.sending.forgetAccount(accountId)]);
        const erased = eraseAccount(store, this.pins, accountId);
        this.secrets.forget(accountId);
        for (const [outboxId, original] of this.replyingTo)
          if (!store.messages.get([original]).length) this.replyingTo.delete(outboxId);
        this.options.log?.('info', `account ${accountId} removed`, { pins: erased?.pins ?? [] });
        this.hub.emit('accounts.changed', { accountId, removed: true });
        return { ok: true as const };
      },
      'accounts.setPassword': async ({ accountId, password }: { accountId: AccountId; password: string }) => {
        const { runtime } = this.parts(accountId);
        await this.secrets.save(accountId, password);
        runtime.reconnect();
        return { ok: true as const };
      },
      'accounts.status': () => [...this.accounts.values()].map((a) => a.runtime.currentStatus),
      'accounts.quota': ({ accountId }: { accountId: AccountId }) => store.accounts.quota(accountId),
      'mailboxes.list': ({ accountId }: { accountId?: AccountId }) => store.mailboxes.list(accountId).map(toMailbox),
      'mailboxes.open': async ({ mailboxId }: { mailboxId: number }) => {
        const box = this.mailbox(mailboxId);
        await this.parts(box.accountId).runtime.openMailbox(box);
        return { ok: true as const };
      },
      'mailboxes.markRead': ({ mailboxId }: { mailboxId: number }) => {
        const ids = store.messages.unreadIds(this.mailbox(mailboxId).id);
        return ids.length ? this.act(setFlags, { ids, seen: true }) : { ok: true as const };
      },
      'messages.window': ({ mailboxId, offset, limit }: { mailboxId: number; offset: number; limit: number }) => ({
        total: store.messages.count(mailboxId),
        messages: store.messages.window(mailboxId, offset, limit),
      }),
      'messages.unifiedWindow': ({ role, offset, limit }: { role: MailboxRole; offset: number; limit: number }) => {
        const boxes = [...this.accounts.keys()].flatMap((accountId) => {
          const box = store.mailboxes.byRole(accountId, role);
          return box ? [box.id] : [];
        });
        return {
          total: boxes.reduce((sum, id) => sum + store.messages.count(id), 0),
          messages: store.messages.windowAcross(boxes, offset, limit),
        };
      },
      'messages.search': (input: { query: string; scope: SearchScope; offset: number; limit: number }) =>
        this.search.search(input.query, input.scope, input.offset, input.limit),
      'messages.get': ({ ids }: { ids: MessageId[] }) => store.messages.get(ids),
      'messages.setFlags': (input: { ids: MessageId[]; seen?: boolean; flagged?: boolean }) =>
        this.act(setFlags, input),
      'messages.move': ({ ids, toMailboxId }: { ids: MessageId[]; toMailboxId: number }) => {
        this.mailbox(toMailboxId);
        return this.act(move, { ids, toMailboxId });
      },
      'messages.archive': async ({ ids }: { ids: MessageId[] }) => {
        for (const [accountId, group] of this.byAccount(ids)) {
          const archive = await this.roleMailbox(accountId, 'archive', 'Archive');
          this.act(move, { ids: group, toMailboxId: archive.id });
        }
        return { ok: true as const };
      },
      'messages.delete': async ({ ids }: { ids: MessageId[] }) => {
        for (const [accountId, group] of this.byAccount(ids)) {
          const headers = store.messages.get(group);
          const trash = await this.roleMailbox(accountId, 'trash', 'Trash');
          // Deleting from Trash is for good; anywhere else it goes to Trash and can come back.
          const inTrash = headers.filter((h) => h.mailboxId === trash.id).map((h) => h.id);
          const elsewhere = headers.filter((h) => h.mailboxId !== trash.id).map((h) => h.id);
          if (inTrash.length) this.act(expunge, { ids: inTrash });
          if (elsewhere.length) this.act(move, { ids: elsewhere, toMailboxId: trash.id });
        }
        return { ok: true as const };
      },
      'message.body': ({ id }: { id: MessageId }) => this.body(id),
      'message.source': ({ id }: { id: MessageId }) => this.source(id),
      'message.attachment': ({ id, part }: { id: MessageId; part: string }) => this.attachment(id, part),
      // Handing a file to another app is the desktop shell's job (electron/shell/open-attachment.ts).
      'message.openAttachment': async () => ({ outcome: 'unsupported' as const }),
      'remote.image': async ({ url }: { url: string }) => {
        const result = await fetchRemoteImage(url);
        return 'dataUrl' in result ? { dataUrl: result.dataUrl } : { dataUrl: null, blocked: result.blocked };
      },
      ...this.sending.handlers,
      'outbox.send': async (input: Parameters<SendingService['handlers']['outbox.send']>[0]) => {
        const queued = await this.sending.handlers['outbox.send'](input);
        const { mode, originalId } = input.draft;
        if (originalId !== null && (mode === 'reply' || mode === 'replyAll'))
          this.replyingTo.set(queued.outboxId, originalId);
        return queued;
      },
      ...createAccountHandlers({
        store,
        cipher: this.options.cipher,
        trustedCa: this.options.trustedCa,
        emit: this.hub.emit,
        secrets: this.secrets,
        pins: this.pins,
        startAccount: (accountId) => this.startAccount(accountId),
        accountsChanged: (change) => this.hub.emit('accounts.changed', change),
        accountUpdated: (account) =>
          this.accounts.get(account.id)?.runtime.setIntervalSeconds(this.intervalOf(account)),
        log: this.options.log,
      }),
      'sync.now': ({ accountId }: { accountId?: AccountId }) => {
        for (const [id, parts] of this.accounts) {
          if (accountId && id !== accountId) continue;
          parts.runtime.reconnect();
          parts.runtime.requestSync();
        }
        return { ok: true as const };
      },
    };
  }
}
