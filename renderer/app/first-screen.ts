// What the first screen shows, asked for before the window is drawn: the accounts, their folders
// and the first page of the list the app opens on (the first account's Inbox, in the order and
// view the user left it in). main.tsx starts these reads as soon as the transport exists, while
// the UI's code is still loading, and draws the window once they are in, or after a short wait
// at most: the first render then has the rows instead of drawing an empty window, reading, and
// drawing again. Each part is taken once, by the hook that would otherwise read it, as the
// state it starts with; those hooks still read it again themselves, so nothing shown stays stale.
import type { MethodResult, Transport } from '../../shared/contract';
import type { Account, Mailbox } from '../../shared/domain';
import { readConversationMode } from '../message-list/conversation-mode';
import { type ListSource, mailboxSource, windowFetcher } from '../message-list/list-source';
import { readSavedSort } from '../message-list/list-order-prefs';
import type { WindowResult } from '../message-list/message-window-store';
import { effectiveRole } from '../sidebar/folder-tree';

/** The rows the first read of a list asks for (MessageWindowStore's page). */
export const FIRST_PAGE_ROWS = 100;

export interface FirstWindow {
  source: ListSource;
  /** The order and view it was read in: the list uses it only when it asks for the same. */
  sortKey: string;
  conversations: boolean;
  result: WindowResult;
}

export interface FirstScreen {
  accounts: Account[];
  statuses: MethodResult<'accounts.status'>;
  mailboxes: Mailbox[];
  window: FirstWindow | null;
}

/** The list the app opens on: the first account's Inbox, else any Inbox. */
export function startingInbox(accounts: readonly Account[], mailboxes: readonly Mailbox[]): Mailbox | null {
  const firstAccount = accounts[0];
  return (
    mailboxes.find((item) => item.accountId === firstAccount?.id && effectiveRole(item) === 'inbox') ??
    mailboxes.find((item) => effectiveRole(item) === 'inbox') ??
    null
  );
}

export function sortKeyOf(sort: unknown): string {
  return JSON.stringify(sort);
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Reads what the first screen shows; rejects when the engine cannot be asked. */
export async function readFirstScreen(transport: Transport): Promise<FirstScreen> {
  const [accounts, statuses, mailboxes] = await Promise.all([
    transport.invoke('accounts.list', {}),
    transport.invoke('accounts.status', {}),
    transport.invoke('mailboxes.list', {}),
  ]);
  const inbox = startingInbox(accounts, mailboxes);
  if (!inbox) return { accounts, statuses, mailboxes, window: null };
  const source = mailboxSource(inbox.id);
  const store = storage();
  // as use-list-order.ts and conversation-mode.ts read them; the quick filters start off
  const sort = readSavedSort(store ?? { getItem: () => null });
  const conversations = readConversationMode(store, source);
  const result = await windowFetcher(
    transport,
    source,
    { sort, filter: {} },
    undefined,
    conversations,
  )(0, FIRST_PAGE_ROWS);
  return { accounts, statuses, mailboxes, window: { source, sortKey: sortKeyOf(sort), conversations, result } };
}

let first: Partial<FirstScreen> = {};

/** Hands what was read to the hooks; main.tsx calls it once, before the first render. */
export function provideFirstScreen(screen: FirstScreen): void {
  first = { ...screen };
}

/** Each part once: a later mount (a test, a reload of the view) reads for itself. */
function take<K extends keyof FirstScreen>(key: K): FirstScreen[K] | undefined {
  const value = first[key];
  delete first[key];
  return value as FirstScreen[K] | undefined;
}

export const takeFirstAccounts = () => {
  const accounts = take('accounts');
  const statuses = take('statuses');
  return accounts && statuses ? { accounts, statuses } : null;
};
export const takeFirstMailboxes = () => take('mailboxes') ?? null;

/** The list to open on, when the first screen was read. */
export function firstSource(): ListSource | null {
  return first.window?.source ?? null;
}

/** The first page of `source`, when it was read in the same order and view, unfiltered. */
export function takeFirstWindow(
  source: ListSource,
  sort: unknown,
  filtered: boolean,
  conversations: boolean,
): WindowResult | null {
  const window = first.window;
  if (!window || filtered || window.source.kind !== source.kind) return null;
  if (source.kind === 'mailbox' && window.source.kind === 'mailbox' && source.mailboxId !== window.source.mailboxId)
    return null;
  if (window.sortKey !== sortKeyOf(sort) || window.conversations !== conversations) return null;
  delete first.window;
  return window.result;
}
