// What the message list shows: one mailbox, or one role (Inbox, Drafts, Sent) across every
// account. Other kinds of list (search results) join the union here; everything that depends on
// the kind of list (how a page is read, which folders' changes concern it, its title) is
// decided in this file, so App and the list hook stay the same whatever the list is.
import type { MethodInput, Transport } from '../../shared/contract';
import type { Mailbox, MailboxId, MessageId } from '../../shared/domain';
import { activeFilters, DEFAULT_SORT, isDefaultSort, type ListFilter, type ListSort } from '../../shared/list-order';
import { effectiveRole } from '../sidebar/folder-tree';
import type { FetchWindow } from './message-window-store';

export type UnifiedRole = MethodInput<'messages.unifiedWindow'>['role'];

/** In the order of each account's own special folders. */
export const UNIFIED_ROLES: readonly UnifiedRole[] = ['inbox', 'drafts', 'sent'];

export type ListSource = { kind: 'mailbox'; mailboxId: MailboxId } | { kind: 'unified'; role: UnifiedRole };

export function mailboxSource(mailboxId: MailboxId): ListSource {
  return { kind: 'mailbox', mailboxId };
}

export function unifiedSource(role: UnifiedRole): ListSource {
  return { kind: 'unified', role };
}

export function isUnifiedRole(role: string | null): role is UnifiedRole {
  return (UNIFIED_ROLES as readonly (string | null)[]).includes(role);
}

/** A string that is equal exactly when two sources show the same list. */
export function sourceKey(source: ListSource | null): string {
  if (source === null) return 'none';
  return source.kind === 'mailbox' ? `mailbox:${source.mailboxId}` : `unified:${source.role}`;
}

export function sameSource(a: ListSource | null, b: ListSource | null): boolean {
  return sourceKey(a) === sourceKey(b);
}

/**
 * How the list reads a page of this source, in the list's order and through its quick filters,
 * or (`conversations`) as conversation rows: those are always newest first and unfiltered.
 */
export function windowFetcher(
  transport: Transport,
  source: ListSource,
  order: { sort: ListSort; filter: ListFilter } = { sort: DEFAULT_SORT, filter: {} },
  /** Read at each fetch: the message being read stays in a filtered list it no longer matches. */
  reading: () => MessageId | null = () => null,
  conversations = false,
): FetchWindow {
  if (conversations) {
    if (source.kind === 'mailbox') {
      const { mailboxId } = source;
      return (offset, limit) => transport.invoke('conversations.window', { mailboxId, offset, limit });
    }
    const { role } = source;
    return (offset, limit) => transport.invoke('conversations.unifiedWindow', { role, offset, limit });
  }
  // The default order is left out, so an engine without these arguments still answers.
  const filtered = activeFilters(order.filter).length > 0;
  const args = () => {
    const open = filtered ? reading() : null;
    return {
      ...(isDefaultSort(order.sort) ? {} : { sort: order.sort }),
      ...(filtered ? { filter: open === null ? order.filter : { ...order.filter, keep: [open] } } : {}),
    };
  };
  if (source.kind === 'mailbox') {
    const { mailboxId } = source;
    return (offset, limit) => transport.invoke('messages.window', { mailboxId, offset, limit, ...args() });
  }
  const { role } = source;
  return (offset, limit) => transport.invoke('messages.unifiedWindow', { role, offset, limit, ...args() });
}

/** Each account's folder of this role, one per account (the first listed), as the engine picks it. */
export function unifiedMailboxes(mailboxes: readonly Mailbox[], role: UnifiedRole): Mailbox[] {
  const firstByAccount = new Map<string, Mailbox>();
  for (const mailbox of mailboxes)
    if (effectiveRole(mailbox) === role && !firstByAccount.has(mailbox.accountId))
      firstByAccount.set(mailbox.accountId, mailbox);
  return [...firstByAccount.values()];
}

/** The folders whose messages the list shows: their changes are the list's changes. */
export function sourceMailboxes(source: ListSource | null, mailboxes: readonly Mailbox[]): Mailbox[] {
  if (source === null) return [];
  if (source.kind === 'mailbox') return mailboxes.filter((mailbox) => mailbox.id === source.mailboxId);
  return unifiedMailboxes(mailboxes, source.role);
}

/** The role whose look the list takes (senders or recipients, the empty-list icon). */
export function sourceRole(source: ListSource | null, mailboxes: readonly Mailbox[]): string | null {
  if (source === null) return null;
  if (source.kind === 'unified') return source.role;
  const mailbox = mailboxes.find((item) => item.id === source.mailboxId);
  return mailbox ? effectiveRole(mailbox) : null;
}

/** Unified views exist once there is more than one account to unify. */
export function unifiedViewsShown(accountCount: number): boolean {
  return accountCount >= 2;
}

/** Whether the source can still be shown (its folder exists; for a unified view, the accounts). */
export function sourceAvailable(source: ListSource, accountCount: number, mailboxes: readonly Mailbox[]): boolean {
  if (source.kind === 'mailbox') return mailboxes.some((mailbox) => mailbox.id === source.mailboxId);
  return unifiedViewsShown(accountCount) && unifiedMailboxes(mailboxes, source.role).length > 0;
}
