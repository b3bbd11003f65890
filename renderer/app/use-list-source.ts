// What the message list shows (one folder, or a unified view) and the rule that keeps it
// showing something: start in the first account's Inbox, and fall back there when the folder on
// screen disappears (or a unified view, when only one account is left). Choosing a list clears
// the selection; the folders it shows are opened in the core, which syncs them first and keeps
// them live with IDLE.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Account, Mailbox, MailboxId } from '../../shared/domain';
import {
  type ListSource,
  type UnifiedRole,
  mailboxSource,
  sameSource,
  sourceAvailable,
  sourceMailboxes,
  sourceRole,
  unifiedSource,
} from '../message-list/list-source';
import { type Selection, emptySelection } from '../message-list/selection';
import { useTransport } from './app-services';
import { firstSource, startingInbox } from './first-screen';
import { useStableIdSet } from './use-stable-id-set';

export interface ListSourceState {
  /** The same object for as long as the same list is shown (a new object is a new list). */
  source: ListSource | null;
  /** The folder on screen, when the list is one folder. */
  mailbox: Mailbox | null;
  /** The folders the list shows (one, or each account's of a role): their changes are its changes. */
  shows: ReadonlySet<MailboxId>;
  /** The role whose look the list takes (senders or recipients, the empty-list icon). */
  role: string | null;
  unifiedRole: UnifiedRole | null;
  selectMailbox: (mailbox: Mailbox) => void;
  selectUnified: (role: UnifiedRole) => void;
}

export function useListSource(
  accounts: readonly Account[],
  mailboxes: readonly Mailbox[] | null,
  changeSelection: (next: Selection) => void,
): ListSourceState {
  const transport = useTransport();
  // the list main.tsx read the first page of, so the first render already shows it
  const [source, setSource] = useState<ListSource | null>(firstSource);
  const folders = mailboxes ?? [];
  const shows = useStableIdSet(sourceMailboxes(source, folders).map((folder) => folder.id));
  const mailboxId = source?.kind === 'mailbox' ? source.mailboxId : null;
  const mailbox = useMemo(() => mailboxes?.find((item) => item.id === mailboxId) ?? null, [mailboxes, mailboxId]);

  const selectSource = useCallback(
    (next: ListSource | null) => {
      if (sameSource(next, source)) return;
      setSource(next);
      changeSelection(emptySelection);
    },
    [source, changeSelection],
  );

  useEffect(() => {
    if (!mailboxes || (source !== null && sourceAvailable(source, accounts.length, mailboxes))) return;
    const inbox = startingInbox(accounts, mailboxes);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a fallback to what the engine's folder list still has, once it arrives
    selectSource(inbox ? mailboxSource(inbox.id) : null);
  }, [mailboxes, source, accounts, selectSource]);

  // A unified view opens each account's folder of its role (each account has its own watcher).
  useEffect(() => {
    for (const id of shows) transport.invoke('mailboxes.open', { mailboxId: id }).catch(() => undefined);
  }, [transport, shows]);

  const selectMailbox = useCallback((next: Mailbox) => selectSource(mailboxSource(next.id)), [selectSource]);
  const selectUnified = useCallback((role: UnifiedRole) => selectSource(unifiedSource(role)), [selectSource]);

  return {
    source,
    mailbox,
    shows,
    role: sourceRole(source, folders),
    unifiedRole: source?.kind === 'unified' ? source.role : null,
    selectMailbox,
    selectUnified,
  };
}
