// Whose remote content (images, CSS backgrounds) loads without asking: every sender of an
// account whose setting is "always", or a sender on the account's list ("Always for this
// sender"). The engine keeps both per account; this is the page's copy, read once per transport
// and read again when the engine announces 'accounts.changed'.
import type { Transport } from '../../shared/contract';
import type { AccountId, MessageHeader, RemoteImagesPolicy } from '../../shared/domain';

/** Where an earlier version kept the senders, for every account at once, in this browser only. */
export const REMOTE_CONTENT_STORAGE_KEY = 'mail.remoteContent.allowedSenders';

export interface RemoteContentPolicy {
  defaults: ReadonlyMap<AccountId, RemoteImagesPolicy>;
  /** `${accountId}\n${address}`, the address in lower case. */
  senders: ReadonlySet<string>;
}

function normalize(address: string): string {
  return address.trim().toLowerCase();
}

function senderKey(accountId: AccountId, address: string): string {
  return `${accountId}\n${normalize(address)}`;
}

export function isRemoteContentAllowed(
  policy: RemoteContentPolicy,
  accountId: AccountId,
  sender: string | undefined,
): boolean {
  if (policy.defaults.get(accountId) === 'always') return true;
  return sender !== undefined && sender.trim() !== '' && policy.senders.has(senderKey(accountId, sender));
}

/** For one message: false while the policy is not known yet (nothing remote loads unasked). */
export function policyAllowsRemoteContent(
  policy: RemoteContentPolicy | null,
  header: Pick<MessageHeader, 'accountId' | 'from'>,
): boolean {
  return policy !== null && isRemoteContentAllowed(policy, header.accountId, header.from[0]?.address);
}

export function withAllowedSender(policy: RemoteContentPolicy, accountId: AccountId, sender: string) {
  return { ...policy, senders: new Set(policy.senders).add(senderKey(accountId, sender)) };
}

/** The senders an earlier version kept in localStorage; [] when there are none or they cannot be read. */
export function legacySenders(storage: Pick<Storage, 'getItem'> | null): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(REMOTE_CONTENT_STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((item): item is string => typeof item === 'string' && item.includes('@')).map(normalize)
      : [];
  } catch {
    return [];
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The policy of one transport (one engine), shared by every message the page shows. */
export class RemoteContentPolicyStore {
  private policy: RemoteContentPolicy | null = null;
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  private stale = false;

  constructor(
    private readonly transport: Transport,
    private readonly storage: Pick<Storage, 'getItem' | 'removeItem'> | null = localStorageOrNull(),
  ) {
    transport.onEvent((event) => {
      if (event === 'accounts.changed') void this.load();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.policy) void this.load();
    return () => this.listeners.delete(listener);
  };

  /** Null until the first answer: the message waits for it rather than flash the bar. */
  readonly current = (): RemoteContentPolicy | null => this.policy;

  /** "Always for this sender": at once on this page, then in the engine. */
  async allow(accountId: AccountId, sender: string): Promise<void> {
    if (this.policy) this.set(withAllowedSender(this.policy, accountId, sender));
    await this.transport.invoke('accounts.allowRemoteSender', { accountId, address: sender });
  }

  load(): Promise<void> {
    if (this.loading) {
      this.stale = true; // a change arrived while reading: read once more after this one
      return this.loading;
    }
    this.loading = this.read()
      .catch(() => {
        // Unknown: nothing loads without asking. The next 'accounts.changed' tries again.
        if (!this.policy) this.set({ defaults: new Map(), senders: new Set() });
      })
      .finally(() => {
        this.loading = null;
        if (this.stale) {
          this.stale = false;
          void this.load();
        }
      });
    return this.loading;
  }

  private async read(): Promise<void> {
    const accounts = await this.transport.invoke('accounts.list', {});
    await this.adoptLegacySenders(accounts.map((account) => account.id));
    const senders = await this.transport.invoke('accounts.remoteSenders', {});
    this.set({
      defaults: new Map(accounts.map((account) => [account.id, account.remoteImages ?? 'ask'])),
      senders: new Set(senders.map((sender) => senderKey(sender.accountId, sender.address))),
    });
  }

  /**
   * Senders allowed by an earlier version (in this browser, for every account) become allowed
   * for each account there is now, once; then the old list goes. Nothing is lost, nothing new
   * is allowed: the old list applied to every account too.
   */
  private async adoptLegacySenders(accountIds: AccountId[]): Promise<void> {
    const old = legacySenders(this.storage);
    if (old.length === 0 || accountIds.length === 0) return;
    for (const accountId of accountIds)
      for (const address of old) await this.transport.invoke('accounts.allowRemoteSender', { accountId, address });
    try {
      this.storage?.removeItem(REMOTE_CONTENT_STORAGE_KEY);
    } catch {
      // It is adopted again next time; allowing twice changes nothing.
    }
  }

  private set(policy: RemoteContentPolicy): void {
    this.policy = policy;
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<Transport, RemoteContentPolicyStore>();

export function remoteContentPolicyStore(transport: Transport): RemoteContentPolicyStore {
  let store = stores.get(transport);
  if (!store) {
    store = new RemoteContentPolicyStore(transport);
    stores.set(transport, store);
  }
  return store;
}
