// The window: folders | messages | reading pane, the status line, and the dialogs.
// State stays here and in a few small hooks; every component below gets what it shows.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Account, Mailbox, MailboxId, MessageHeader } from '../../shared/domain';
import { useAccounts } from '../accounts/use-accounts';
import { SendUndoToast } from '../composer/SendUndoToast';
import { useSendUndo } from '../composer/use-send-undo';
import { useCompose } from '../composer/use-compose';
import { bindingsOf } from '../keyboard/keymap';
import { focusPane, usePaneTabCycling } from '../keyboard/pane-focus';
import { ShortcutOverlay } from '../keyboard/ShortcutOverlay';
import { useShortcutText } from '../keyboard/ShortcutKeys';
import { useGlobalShortcuts } from '../keyboard/use-global-shortcuts';
import { eventTriggers, useKeymap } from '../keyboard/use-keymap';
import { useReadingFlow } from '../keyboard/use-reading-flow';
import { ThreePaneLayout } from '../layout/ThreePaneLayout';
import { MessageList } from '../message-list/MessageList';
import { MessageListHeader } from '../message-list/MessageListHeader';
import { type Selection, actionTargets, emptySelection, withoutIds } from '../message-list/selection';
import { useMessageWindow } from '../message-list/use-message-window';
import { ReadingPane } from '../message-view/ReadingPane';
import type { PaletteMode } from '../palette/palette-items';
import { effectiveRole } from '../sidebar/folder-tree';
import { Sidebar } from '../sidebar/Sidebar';
import { useMailboxes } from '../sidebar/use-mailboxes';
import { PasswordDialog } from '../status/PasswordDialog';
import { StatusBar } from '../status/StatusBar';
import { useSyncActivity } from '../status/use-sync-activity';
import { Toolbar, type ToolbarAction } from '../toolbar/Toolbar';
import { UndoToast } from '../undo/UndoToast';
import { useUndo } from '../undo/use-undo';
import { useTransport } from './app-services';
import { AddAccountDialog, Composer, PaletteHost, SettingsDialog } from './lazy-dialogs';
import { runCommand, useAppCommands } from './use-app-commands';
import { useEngineConnection } from './use-engine-connection';
import { useMessageActions } from './use-message-actions';
import { useTransportEvent } from './use-transport-event';
import './app.css';

type OpenDialog =
  | { kind: 'addAccount' }
  | { kind: 'settings' }
  | { kind: 'password'; account: Account }
  | { kind: 'palette'; mode: PaletteMode }
  | { kind: 'shortcuts' }
  | null;

const NO_ACCOUNTS: Account[] = [];
const NO_MAILBOXES: Mailbox[] = [];

export function App() {
  const transport = useTransport();
  const { accounts: loadedAccounts, statuses, reload: reloadAccounts } = useAccounts();
  const accounts = loadedAccounts ?? NO_ACCOUNTS;
  const mailboxes = useMailboxes(loadedAccounts);
  const activity = useSyncActivity();
  const [mailboxId, setMailboxId] = useState<MailboxId | null>(null);
  const [selection, setSelection] = useState<Selection>(emptySelection);
  // The latest selection also between renders: a held j moves faster than React renders.
  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
  }, [selection]);
  const changeSelection = useCallback((next: Selection) => {
    selectionRef.current = next;
    setSelection(next);
  }, []);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const { keymap } = useKeymap();
  const { store, version, loadError } = useMessageWindow(mailboxId);
  const composer = useCompose(accounts);
  const sendUndo = useSendUndo(transport, composer.reopen);
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
      changeSelection(emptySelection);
    }
  }, [mailboxes, mailbox, mailboxId, accounts, changeSelection]);

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

  // The message the reading pane shows: the current one, except while j is held down, when it
  // waits for the selection to come to rest (and its neighbours' bodies are read ahead).
  const reading = useReadingFlow(store, version, selection.currentId);

  // The open message: fresh from the list when loaded, else the last copy we saw.
  const lastOpen = useRef<MessageHeader | null>(null);
  const openHeader = useMemo(() => {
    void version; // re-read on every list change
    if (reading.shownId === null) return null;
    const fresh = store?.getById(reading.shownId);
    if (fresh) return fresh;
    return lastOpen.current?.id === reading.shownId ? lastOpen.current : null;
  }, [store, version, reading.shownId]);
  useEffect(() => {
    lastOpen.current = openHeader;
  }, [openHeader]);

  const undo = useUndo({
    patchFlags: (restore) =>
      store?.patch(restore.ids, (row) => ({
        ...row,
        flags: {
          ...row.flags,
          ...(restore.seen !== undefined ? { seen: restore.seen } : {}),
          ...(restore.flagged !== undefined ? { flagged: restore.flagged } : {}),
        },
      })),
    restored: (entry) => {
      if (entry.kind !== 'move') return;
      // Back in the folder on screen: select what came back, as Apple Mail does.
      const here = entry.moves.filter((move) => move.toMailboxId === mailboxId).flatMap((move) => move.ids);
      if (here.length > 0)
        changeSelection({ ids: new Set(here), currentId: here[0]!, anchorIndex: null, kept: here.length > 1 });
    },
  });

  const actions = useMessageActions({
    store,
    mailbox,
    mailboxes: mailboxes ?? NO_MAILBOXES,
    setSelection: changeSelection,
    reportFailure: activity.reportFailure,
    undo,
  });

  // Opening a message marks it read (once per opening: "mark unread" then sticks). Not an
  // undoable action: nobody asked for it.
  const markedRead = useRef<number | null>(null);
  useEffect(() => {
    if (!openHeader || selection.ids.size > 1 || markedRead.current === openHeader.id) return;
    markedRead.current = openHeader.id;
    if (!openHeader.flags.seen) void actions.setFlags([openHeader.id], { seen: true }, { record: false });
  }, [openHeader, selection.ids.size, actions]);

  const targets = actionTargets(selection);
  const targetHeaders = targets
    .map((id) => store?.getById(id))
    .filter((row): row is MessageHeader => row !== undefined);
  const allStarred = targetHeaders.length > 0 && targetHeaders.every((row) => row.flags.flagged);
  const allRead = targetHeaders.length > 0 && targetHeaders.every((row) => row.flags.seen);
  const single = selection.ids.size <= 1 ? openHeader : null;

  const selectMailbox = useCallback(
    (next: Mailbox) => {
      if (next.id === mailboxId) return;
      setMailboxId(next.id);
      changeSelection(emptySelection);
    },
    [mailboxId, changeSelection],
  );

  const commands = useAppCommands({
    transport,
    store,
    selection,
    selectionRef,
    changeSelection,
    mailbox,
    mailboxes: mailboxes ?? NO_MAILBOXES,
    hasAccounts: accounts.length > 0,
    targets,
    single,
    allStarred,
    allRead,
    actions,
    undo: () => void undo.undo(),
    respond: (header, mode) => void composer.respond(header, mode),
    compose: () => composer.compose(mailbox?.accountId ?? null),
    selectMailbox,
    openPalette: (mode) => setDialog({ kind: 'palette', mode }),
    toggleShortcuts: () => setDialog((open) => (open?.kind === 'shortcuts' ? null : { kind: 'shortcuts' })),
    openSettings: () => setDialog({ kind: 'settings' }),
    addAccount: () => setDialog({ kind: 'addAccount' }),
    noteRepeat: reading.noteRepeat,
  });
  useGlobalShortcuts(keymap, (action, event) => runCommand(commands, action, event));
  usePaneTabCycling();
  const undoKey = useShortcutText(bindingsOf(keymap, 'undo').map((binding) => binding.sequence));

  const run = (action: ToolbarAction) => runCommand(commands, action);

  // The composer took the focus; when it closes, the keyboard goes back to the list rather
  // than to nowhere (the page body).
  const composing = composer.open !== null;
  useEffect(() => {
    if (composing) return;
    if (document.activeElement === null || document.activeElement === document.body) focusPane('list');
  }, [composing]);

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
            onCompose={() => runCommand(commands, 'compose')}
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
              onSelectionChange={changeSelection}
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
        <Composer
          key={composer.open.key}
          initial={composer.open.draft}
          accounts={accounts}
          onClose={composer.close}
          onSend={sendUndo.send}
          isSendKey={(event) => eventTriggers(keymap, 'send', event)}
        />
      )}
      <SendUndoToast pending={sendUndo.pending} onUndo={() => void sendUndo.undo()} onDismiss={sendUndo.dismiss} />
      <UndoToast toast={undo.toast} shortcut={undoKey} onUndo={() => void undo.undo()} onDismiss={undo.dismiss} />
      {dialog?.kind === 'palette' && (
        <PaletteHost
          mode={dialog.mode}
          commands={commands}
          keymap={keymap}
          accounts={accounts}
          mailboxes={mailboxes ?? NO_MAILBOXES}
          current={mailbox}
          moveCount={targets.length}
          onGoToFolder={selectMailbox}
          onMove={(to) => void actions.move(targets, to)}
          onSwitchAccount={(account) => {
            const inbox = mailboxes?.find((item) => item.accountId === account.id && effectiveRole(item) === 'inbox');
            if (inbox) selectMailbox(inbox);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'shortcuts' && (
        <ShortcutOverlay
          keymap={keymap}
          onClose={() => setDialog(null)}
          onCustomize={() => setDialog({ kind: 'settings' })}
        />
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
