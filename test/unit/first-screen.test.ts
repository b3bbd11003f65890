// The first screen's data, read before the window is drawn: the accounts, the folders and the
// first page of the Inbox the app opens on, in the order the user left the list in; each part
// is handed to its hook once, and the page only to a list asking for the same thing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../shared/contract';
import type { Account, Mailbox } from '../../shared/domain';
import {
  FIRST_PAGE_ROWS,
  firstSource,
  provideFirstScreen,
  readFirstScreen,
  startingInbox,
  takeFirstAccounts,
  takeFirstMailboxes,
  takeFirstWindow,
} from '../../renderer/app/first-screen';
import { DEFAULT_SORT } from '../../shared/list-order';

const account = (id: string) => ({ id, name: id, email: `${id}@example.test` }) as unknown as Account;
const folder = (id: number, accountId: string, path: string, role: string | null = null) =>
  ({ id, accountId, path, role, name: path }) as unknown as Mailbox;

function fakeTransport(answers: Record<string, unknown>) {
  const calls: { method: string; input: unknown }[] = [];
  const transport = {
    invoke: async (method: string, input: unknown) => {
      calls.push({ method, input });
      return answers[method];
    },
    onEvent: () => () => undefined,
  } as unknown as Transport;
  return { transport, calls };
}

function memoryStorage(items: Record<string, string> = {}) {
  return { getItem: (key: string) => items[key] ?? null, setItem: () => undefined } as unknown as Storage;
}

afterEach(() => {
  vi.unstubAllGlobals();
  provideFirstScreen({ accounts: [], statuses: [], mailboxes: [], window: null });
  takeFirstAccounts();
  takeFirstMailboxes();
});

describe('the first screen', () => {
  it("opens on the first account's Inbox, else any Inbox", () => {
    const accounts = [account('a'), account('b')];
    expect(startingInbox(accounts, [folder(1, 'b', 'INBOX', 'inbox'), folder(2, 'a', 'INBOX', 'inbox')])?.id).toBe(2);
    expect(startingInbox(accounts, [folder(1, 'b', 'INBOX', 'inbox'), folder(2, 'a', 'Sent', 'sent')])?.id).toBe(1);
    expect(startingInbox(accounts, [folder(2, 'a', 'Sent', 'sent')])).toBeNull();
  });

  it('reads the accounts, the folders and the first page of that Inbox, in the saved order', async () => {
    vi.stubGlobal('window', {
      localStorage: memoryStorage({ 'mail.listSort': JSON.stringify({ by: 'sender', direction: 'asc' }) }),
    });
    const page = { total: 3, messages: [] };
    const { transport, calls } = fakeTransport({
      'accounts.list': [account('a')],
      'accounts.status': [{ accountId: 'a', state: 'online' }],
      'mailboxes.list': [folder(7, 'a', 'INBOX', 'inbox')],
      'messages.window': page,
    });
    const screen = await readFirstScreen(transport);
    const windowCall = calls.find((call) => call.method === 'messages.window');
    expect(windowCall?.input).toMatchObject({
      mailboxId: 7,
      offset: 0,
      limit: FIRST_PAGE_ROWS,
      sort: { by: 'sender' },
    });
    expect(screen.window?.result).toBe(page);

    provideFirstScreen(screen);
    expect(firstSource()).toEqual({ kind: 'mailbox', mailboxId: 7 });
    expect(takeFirstAccounts()?.accounts).toEqual([account('a')]);
    // once: a second mount reads for itself
    expect(takeFirstAccounts()).toBeNull();
    expect(takeFirstMailboxes()).toHaveLength(1);
    expect(takeFirstMailboxes()).toBeNull();
  });

  it('hands the page only to a list asking for the same folder, order and view, unfiltered', async () => {
    vi.stubGlobal('window', { localStorage: memoryStorage() });
    const page = { total: 1, messages: [] };
    const { transport } = fakeTransport({
      'accounts.list': [account('a')],
      'accounts.status': [],
      'mailboxes.list': [folder(7, 'a', 'INBOX', 'inbox')],
      'messages.window': page,
    });
    provideFirstScreen(await readFirstScreen(transport));
    const inbox = { kind: 'mailbox', mailboxId: 7 } as const;
    expect(takeFirstWindow({ kind: 'mailbox', mailboxId: 8 }, DEFAULT_SORT, false, false)).toBeNull();
    expect(takeFirstWindow(inbox, { ...DEFAULT_SORT, direction: 'asc' }, false, false)).toBeNull();
    expect(takeFirstWindow(inbox, DEFAULT_SORT, true, false)).toBeNull();
    expect(takeFirstWindow(inbox, DEFAULT_SORT, false, true)).toBeNull();
    expect(takeFirstWindow(inbox, DEFAULT_SORT, false, false)).toBe(page);
    expect(takeFirstWindow(inbox, DEFAULT_SORT, false, false)).toBeNull();
  });

  it('reads no page when there is no Inbox', async () => {
    vi.stubGlobal('window', { localStorage: memoryStorage() });
    const { transport, calls } = fakeTransport({ 'accounts.list': [], 'accounts.status': [], 'mailboxes.list': [] });
    expect((await readFirstScreen(transport)).window).toBeNull();
    expect(calls.map((call) => call.method)).not.toContain('messages.window');
  });
});
