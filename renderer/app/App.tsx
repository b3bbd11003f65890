// The window: folders | messages | reading pane, the status line, and the dialogs.
// State stays here and in a few small hooks; every component below gets what it shows.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Account, Mailbox, MailboxId, MessageHeader } from '../../shared/domain';
import { AddAccountDialog } from '../accounts/AddAccountDialog';
import { useAccounts } from '../accounts/use-accounts';
import { Composer } from '../composer/Composer';
import { useCompose } from '../composer/use-compose';
import { ThreePaneLayout } from '../layout/ThreePaneLayout';
import { type ListCommand, MessageList } from '../message-list/MessageList';
import { MessageListHeader } from '../message-list/MessageListHeader';
import { type Selection, actionTargets, emptySelection, withoutIds } from '../message-list/selection';
import { useMessageWindow } from '../message-list/use-message-window';
import { ReadingPane } from '../message-view/ReadingPane';
import { SettingsDialog } from '../settings/SettingsDialog';
import { effectiveRole } from '../sidebar/folder-tree';
import { Sidebar } from '../sidebar/Sidebar';
import { useMailboxes } from '../sidebar/use-mailboxes';
import { PasswordDialog } from '../status/PasswordDialog';
import { StatusBar } from '../status/StatusBar';
import { useSyncActivity } from '../status/use-sync-activity';
import { Toolbar, type ToolbarAction } from '../toolbar/Toolbar';
import { useTransport } from './app-services';
import { useEngineConnection } from './use-engine-connection';
import { useMessageActions } from './use-message-actions';
import { useTransportEvent } from './use-transport-event';
import './app.css';

type OpenDialog = { kind: 'addAccount' } | { kind: 'settings' } | { kind: 'password'; account: Account } | null;

const NO_ACCOUNTS: Account[] = [];

export function App() {
  const transport = useTransport();
  const { accounts: loadedAccounts, statuses, reload: reloadAccounts } = useAccounts();
  const accounts = loadedAccounts ?? NO_ACCOUNTS;
  const mailboxes = useMailboxes(loadedAccounts);
  const activity = useSyncActivity();
  const [mailboxId, setMailboxId] = useState<MailboxId | null>(null);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const { store, version, loadError } = useMessageWindow(mailboxId);
  const composer = useCompose(accounts);
  const engine = useEngineConnection();

  // Back in contact after losing the engine: read again what changed meanwhile (only then,
  // hence the single dependency).
  useEffect(() => {
    if (engine.epoch === 0) return;
    void reloadAccounts();
    void store?.invalidate();
  }, [engine.epoch]);

  const mailbox = useMemo(() => mailboxes?.find((item) => item.id === mailboxId) ?? null, [mailboxes, mailboxId]);

  // Start in the first account's Inbox; fall back there if the open folder disappears.
  useEffect(() => {
    if (!mailboxes || (mailboxId !== null && mailbox)) return;
    const firstAccount = accounts[0];
    const inbox =
      mailboxes.find((item) => item.accountId === firstAccount?.id && effectiveRole(item) === 'inbox') ??
      mailboxes.find((item) => effectiveRole(item) === 'inbox');
    const next = inbox?.id ?? null;
    if (next !== mailboxId) {
      setMailboxId(next);
      setSelection(emptySelection);
    }
  }, [mailboxes, mailbox, mailboxId, accounts]);

  // The core syncs the open folder first and watches it with IDLE.
  useEffect(() => {
    if (mailboxId !== null) transport.invoke('mailboxes.open', { mailboxId }).catch(() => undefined);
  }, [transport, mailboxId]);

  // With no account there is nothing to show: ask for one, once.
  const askedForAccount = useRef(false);
  useEffect(() => {
    if (loadedAccounts && loadedAccounts.length === 0 && !askedForAccount.current) {
      askedForAccount.current = true;
      setDialog({ kind: 'addAccount' });
    }
  }, [loadedAccounts]);

  useTransportEvent('messages.changed', (change) => {
    if (change.mailboxId === mailboxId && change.removed.length > 0)
      setSelection((previous) => withoutIds(previous, change.removed));
  });

  // The open message: fresh from the list when loaded, else the last copy we saw.
  const lastOpen = useRef<MessageHeader | null>(null);
  const openHeader = useMemo(() => {
    void version; // re-read on every list change
    if (selection.currentId === null) return null;
    const fresh = store?.getById(selection.currentId);
    if (fresh) return fresh;
    return lastOpen.current?.id === selection.currentId ? lastOpen.current : null;
  }, [store, version, selection.currentId]);
  useEffect(() => {
    lastOpen.current = openHeader;
  }, [openHeader]);

  const actions = useMessageActions({
    store,
    accountId: mailbox?.accountId ?? null,
    setSelection,
    reportFailure: activity.reportFailure,
  });

  // Opening a message marks it read (once per opening: "mark unread" then sticks).
  const markedRead = useRef<number | null>(null);
  useEffect(() => {
    if (!openHeader || selection.ids.size > 1 || markedRead.current === openHeader.id) return;
    markedRead.current = openHeader.id;
    if (!openHeader.flags.seen) void actions.setFlags([openHeader.id], { seen: true });
  }, [openHeader, selection.ids.size, actions]);

  const targets = actionTargets(selection);
  const targetHeaders = targets
    .map((id) => store?.getById(id))
    .filter((row): row is MessageHeader => row !== undefined);
  const allStarred = targetHeaders.length > 0 && targetHeaders.every((row) => row.flags.flagged);
  const allRead = targetHeaders.length > 0 && targetHeaders.every((row) => row.flags.seen);
  const single = selection.ids.size <= 1 ? openHeader : null;

  const run = useCallback(
    (action: ToolbarAction | ListCommand) => {
      switch (action) {
        case 'reply':
        case 'replyAll':
        case 'forward':
          if (single) void composer.respond(single, action);
          break;
        case 'compose':
          composer.compose(mailbox?.accountId ?? null);
          break;
        case 'archive':
          void actions.archive(targets);
          break;
        case 'delete':
          void actions.remove(targets);
          break;
        case 'toggleStar':
          void actions.setFlags(targets, { flagged: !allStarred });
          break;
        case 'toggleRead':
          void actions.setFlags(targets, { seen: !allRead });
          break;
      }
    },
    [single, composer, mailbox, actions, targets, allStarred, allRead],
  );

  const selectMailbox = (next: Mailbox) => {
    if (next.id === mailboxId) return;
    setMailboxId(next.id);
    setSelection(emptySelection);
  };

  const role = mailbox ? effectiveRole(mailbox) : null;
  const accountMailboxes = mailboxes?.filter((item) => item.accountId === mailbox?.accountId) ?? [];

  return (
    <div className="app">
      <ThreePaneLayout
        sidebar={
          <Sidebar
            accounts={accounts}
            mailboxes={loadedAccounts ? mailboxes : null}
            selectedMailboxId={mailboxId}
            onSelectMailbox={selectMailbox}
            onCompose={() => run('compose')}
            onAddAccount={() => setDialog({ kind: 'addAccount' })}
            onOpenSettings={() => setDialog({ kind: 'settings' })}
          />
        }
        list={
          <>
            <MessageListHeader mailbox={mailbox} total={store?.total ?? null} />
            <MessageList
              store={store}
              version={version}
              loadError={loadError}
              showRecipients={role === 'sent' || role === 'drafts'}
              selection={selection}
              onSelectionChange={setSelection}
              onCommand={run}
            />
          </>
        }
        reading={
          <>
            <Toolbar
              targetCount={targets.length}
              canReply={single !== null}
              allStarred={allStarred}
              allRead={allRead}
              moveChoices={accountMailboxes}
              currentMailboxId={mailboxId}
              onAction={run}
              onMove={(to) => void actions.move(targets, to)}
            />
            <ReadingPane header={single} selectedCount={selection.ids.size} />
          </>
        }
      />
      <StatusBar
        accounts={accounts}
        statuses={statuses}
        mailboxes={mailboxes ?? []}
        activity={activity}
        engine={engine.status}
        onEnterPassword={(account) => setDialog({ kind: 'password', account })}
        onRetry={(account) =>
          transport.invoke('sync.now', account ? { accountId: account.id } : {}).catch(() => undefined)
        }
      />
      {composer.open && (
        <Composer key={composer.open.key} initial={composer.open.draft} accounts={accounts} onClose={composer.close} />
      )}
      {dialog?.kind === 'addAccount' && (
        <AddAccountDialog
          onClose={() => setDialog(null)}
          onAdded={() => {
            setDialog(null);
            void reloadAccounts();
          }}
        />
      )}
      {dialog?.kind === 'settings' && <SettingsDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'password' && <PasswordDialog account={dialog.account} onClose={() => setDialog(null)} />}
    </div>
  );
}
