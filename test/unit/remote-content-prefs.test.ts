// Which messages load remote content without asking: the account's default, then the
// account's own list of senders; and senders an earlier version kept in localStorage become
// each account's, once.
import { describe, expect, it } from 'vitest';
import type { EventName, EventPayload, MethodInput, MethodName, MethodResult, Transport } from '../../shared/contract';
import type { Account } from '../../shared/domain';
import {
  REMOTE_CONTENT_STORAGE_KEY,
  RemoteContentPolicyStore,
  isRemoteContentAllowed,
  legacySenders,
  withAllowedSender,
} from '../../renderer/message-view/remote-content-prefs';
import { testAccountSettings } from '../support/store-fixtures';

function account(id: string, remoteImages: Account['remoteImages']): Account {
  return { ...testAccountSettings, id, createdAt: 1, remoteImages };
}

/** An engine in memory: accounts and their allowed senders, and its 'accounts.changed' event. */
function engine(accounts: Account[]) {
  const senders: { accountId: string; address: string }[] = [];
  let listener: (<E extends EventName>(event: E, payload: EventPayload<E>) => void) | null = null;
  const transport: Transport = {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
      const answer = (value: unknown) => value as MethodResult<M>;
      if (method === 'accounts.list') return answer(accounts);
      if (method === 'accounts.remoteSenders') return answer([...senders]);
      if (method === 'accounts.allowRemoteSender') {
        const { accountId, address } = input as MethodInput<'accounts.allowRemoteSender'>;
        if (!senders.some((s) => s.accountId === accountId && s.address === address))
          senders.push({ accountId, address });
        return answer({ ok: true });
      }
      throw new Error(`unexpected ${method}`);
    },
    onEvent(next) {
      listener = next;
      return () => (listener = null);
    },
  };
  return { transport, senders, changed: (accountId: string) => listener?.('accounts.changed', { accountId }) };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('remote content policy', () => {
  it('loads for every sender of an "always" account, and for listed senders of that account only', () => {
    const policy = {
      defaults: new Map([
        ['work', 'ask' as const],
        ['news', 'always' as const],
      ]),
      senders: new Set<string>(),
    };
    expect(isRemoteContentAllowed(policy, 'news', 'anyone@example.com')).toBe(true);
    expect(isRemoteContentAllowed(policy, 'news', undefined)).toBe(true);
    expect(isRemoteContentAllowed(policy, 'work', 'News@Example.com')).toBe(false);
    const allowed = withAllowedSender(policy, 'work', 'News@Example.com ');
    expect(isRemoteContentAllowed(allowed, 'work', 'news@example.com')).toBe(true);
    expect(isRemoteContentAllowed(allowed, 'other', 'news@example.com')).toBe(false);
    expect(isRemoteContentAllowed(allowed, 'work', undefined)).toBe(false);
    expect(isRemoteContentAllowed(policy, 'work', 'news@example.com')).toBe(false); // not changed in place
  });

  it('reads the old localStorage list, ignoring what is not an address', () => {
    expect(legacySenders(null)).toEqual([]);
    expect(legacySenders(memoryStorage({ [REMOTE_CONTENT_STORAGE_KEY]: 'not json' }))).toEqual([]);
    expect(
      legacySenders(memoryStorage({ [REMOTE_CONTENT_STORAGE_KEY]: JSON.stringify(['A@B.example', 3, 'nope']) })),
    ).toEqual(['a@b.example']);
  });

  it('gives each account the senders an earlier version allowed, once, then forgets the old list', async () => {
    const { transport, senders } = engine([account('a', 'ask'), account('b', 'always')]);
    const storage = memoryStorage({ [REMOTE_CONTENT_STORAGE_KEY]: JSON.stringify(['news@images.example']) });
    const store = new RemoteContentPolicyStore(transport, storage);
    expect(store.current()).toBeNull();
    await store.load();
    expect(senders).toEqual([
      { accountId: 'a', address: 'news@images.example' },
      { accountId: 'b', address: 'news@images.example' },
    ]);
    expect(storage.values.has(REMOTE_CONTENT_STORAGE_KEY)).toBe(false);
    const policy = store.current()!;
    expect(isRemoteContentAllowed(policy, 'a', 'news@images.example')).toBe(true);
    expect(isRemoteContentAllowed(policy, 'a', 'other@images.example')).toBe(false);
    expect(isRemoteContentAllowed(policy, 'b', 'other@images.example')).toBe(true);
  });

  it('shows a sender allowed at once and reads the engine again when it announces a change', async () => {
    const accounts = [account('a', 'ask')];
    const { transport, changed } = engine(accounts);
    const store = new RemoteContentPolicyStore(transport, memoryStorage());
    let notified = 0;
    store.subscribe(() => notified++);
    await store.load();
    const allowing = store.allow('a', 'x@example.com');
    expect(isRemoteContentAllowed(store.current()!, 'a', 'x@example.com')).toBe(true);
    await allowing;

    accounts[0] = account('a', 'always');
    changed('a');
    await store.load();
    expect(isRemoteContentAllowed(store.current()!, 'a', 'y@example.com')).toBe(true);
    expect(notified).toBeGreaterThanOrEqual(3);
  });
});
