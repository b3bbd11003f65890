// The window: folders | messages | reading pane, the status line, and the dialogs.
// State stays here and in a few small hooks; every component below gets what it shows.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountId, Mailbox, MailboxId, MessageHeader } from '../../shared/domain';
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
import { accountLabels } from '../message-list/account-labels';
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
import { type Selection, actionTargets, emptySelection, withoutIds } from '../message-list/selection';
import { useMessageWindow } from '../message-list/use-message-window';
import { ReadingPane } from '../message-view/ReadingPane';
import { SearchBar } from '../search/SearchBar';
import { SearchResultsHeader } from '../search/SearchResultsHeader';
import { useJumpIntoResults } from '../search/use-jump-into-results';
import { useSearch } from '../search/use-search';
import { useSearchListProps } from '../search/use-search-list-props';
import { useSearchWindow } from '../search/use-search-window';
import type { PaletteMode } from '../palette/palette-items';
import type { SettingsTab } from '../settings/SettingsDialog';
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
import { errorMessage } from './error-message';
import { AddAccountDialog, Composer, PaletteHost, SettingsDialog } from './lazy-dialogs';
import { runCommand, useAppCommands } from './use-app-commands';
import { useEngineConnection } from './use-engine-connection';
import { useMessageActions } from './use-message-actions';
import { useTransportEvent } from './use-transport-event';
import './app.css';

type OpenDialog =
  | { kind: 'addAccount' }
  | { kind: 'settings'; tab?: SettingsTab; accountId?: AccountId | null }
  | { kind: 'password'; account: Account }
  | { kind: 'palette'; mode: PaletteMode }
  | { kind: 'shortcuts' }
  | null;

const NO_ACCOUNTS: Account[] = [];
const NO_MAILBOXES: Mailbox[] = [];

export function App() {
  const transport = useTransport();
  const { t } = useTranslation();
  const { accounts: loadedAccounts, statuses, reload: reloadAccounts } = useAccounts();
  const accounts = loadedAccounts ?? NO_ACCOUNTS;
  const mailboxes = useMailboxes(loadedAccounts);
  const activity = useSyncActivity();
  const [source, setSource] = useState<ListSource | null>(null);
  const mailboxId: MailboxId | null = source?.kind === 'mailbox' ? source.mailboxId : null;
  // The folders the list shows (one, or each account's for a unified view): their changes are its changes.
  const shownFolders = useMemo(() => sourceMailboxes(source, mailboxes ?? NO_MAILBOXES), [source, mailboxes]);
  const shownIds = shownFolders.map((folder) => folder.id).join(',');
  const shows = useMemo(() => new Set(shownFolders.map((folder) => folder.id)), [shownIds]);
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
  const search = useSearch(mailboxId);
  const folderWindow = useMessageWindow(source, shows);
  const searchWindow = useSearchWindow(search.active);
  // While searching, the list (and every command on it) works on the results instead of the folder.
  const { store, version, loadError } = search.active ? searchWindow : folderWindow;
  useEffect(() => changeSelection(emptySelection), [searchWindow.store, changeSelection]);
  const jumpIntoResults = useJumpIntoResults(searchWindow.store, searchWindow.version, changeSelection);
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

  // Start in the first account's Inbox; fall back there if the open folder disappears (or a
  // unified view, when only one account is left).
  useEffect(() => {
    if (!mailboxes || (source !== null && sourceAvailable(source, accounts.length, mailboxes))) return;
    const firstAccount = accounts[0];
    const inbox =
      mailboxes.find((item) => item.accountId === firstAccount?.id && effectiveRole(item) === 'inbox') ??
      mailboxes.find((item) => effectiveRole(item) === 'inbox');
    const next = inbox ? mailboxSource(inbox.id) : null;
    if (!sameSource(next, source)) {
      setSource(next);
      changeSelection(emptySelection);
    }
  }, [mailboxes, source, accounts, changeSelection]);

  // The core syncs the open folder first and watches it with IDLE; a unified view opens each
  // account's folder of its role (each account has its own watcher), so all of them stay live.
  useEffect(() => {
    for (const id of shows) transport.invoke('mailboxes.open', { mailboxId: id }).catch(() => undefined);
  }, [transport, shows]);

  // With no account there is nothing to show: ask for one, once.
  const askedForAccount = useRef(false);
  useEffect(() => {
    if (loadedAccounts && loadedAccounts.length === 0 && !askedForAccount.current) {
      askedForAccount.current = true;
      setDialog({ kind: 'addAccount' });
    }
  }, [loadedAccounts]);

  useTransportEvent('messages.changed', (change) => {
    if (shows.has(change.mailboxId) && change.removed.length > 0)
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
      const here = entry.moves.filter((move) => shows.has(move.toMailboxId)).flatMap((move) => move.ids);
      if (here.length > 0)
        changeSelection({ ids: new Set(here), currentId: here[0]!, anchorIndex: null, kept: here.length > 1 });
    },
  });

  const targets = actionTargets(selection);
  const targetHeaders = targets
    .map((id) => store?.getById(id))
    .filter((row): row is MessageHeader => row !== undefined);
  // In a unified view the messages acted on may come from several accounts: the folder they
  // all are in (when they share one) stands in for "the folder on screen" (move targets, Junk).
  const actionFolder = useMemo(() => {
    if (mailbox || !mailboxes) return mailbox;
    const folderIds = new Set(targetHeaders.map((row) => row.mailboxId));
    const [only] = folderIds;
    return folderIds.size === 1 ? (mailboxes.find((item) => item.id === only) ?? null) : null;
  }, [mailbox, mailboxes, targetHeaders.map((row) => row.mailboxId).join(',')]);

  // The open message's mark-read while it waits for its frame (see below); actions send it first.
  const pendingRead = useRef<(() => void) | null>(null);
  const sendPendingRead = useCallback(() => pendingRead.current?.(), []);
  const actions = useMessageActions({
    store,
    mailbox: actionFolder,
    mailboxes: mailboxes ?? NO_MAILBOXES,
    setSelection: changeSelection,
    reportFailure: activity.reportFailure,
    undo,
    beforeChange: sendPendingRead,
  });

  // Opening a message marks it read (once per opening: "mark unread" then sticks). Not an
  // undoable action: nobody asked for it. Done just after the frame that shows the message, not
  // inside the key press that opened it: the row, the toolbar and the folder counts it changes
  // would otherwise render again before that frame could paint. (A hidden window paints no
  // frames: a message opened there is marked when the window shows.) An action taken before
  // then sends it first (beforeChange); a message only passed over (j held) is not marked.
  const markedRead = useRef<number | null>(null);
  useEffect(() => {
    if (!openHeader || selection.ids.size > 1 || markedRead.current === openHeader.id) return;
    const header = openHeader;
    const markRead = () => {
      pendingRead.current = null;
      markedRead.current = header.id;
      if (!header.flags.seen) void actions.setFlags([header.id], { seen: true }, { record: false });
    };
    pendingRead.current = markRead;
    let timer: number | null = null;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(markRead, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== null) window.clearTimeout(timer);
      if (pendingRead.current === markRead) pendingRead.current = null;
    };
  }, [openHeader, selection.ids.size, actions]);

  const allStarred = targetHeaders.length > 0 && targetHeaders.every((row) => row.flags.flagged);
  const allRead = targetHeaders.length > 0 && targetHeaders.every((row) => row.flags.seen);
  const single = selection.ids.size <= 1 ? openHeader : null;

  const selectSource = useCallback(
    (next: ListSource) => {
      if (sameSource(next, source)) return;
      setSource(next);
      changeSelection(emptySelection);
    },
    [source, changeSelection],
  );
  const selectMailbox = useCallback((next: Mailbox) => selectSource(mailboxSource(next.id)), [selectSource]);
  const selectUnified = useCallback((role: UnifiedRole) => selectSource(unifiedSource(role)), [selectSource]);
  const unifiedRole = source?.kind === 'unified' ? source.role : null;

  const commands = useAppCommands({
    transport,
    store,
    selection,
    selectionRef,
    changeSelection,
    mailbox: actionFolder,
    mailboxes: mailboxes ?? NO_MAILBOXES,
    accountId: actionFolder?.accountId ?? openHeader?.accountId ?? accounts[0]?.id ?? null,
    unifiedRole,
    selectUnified,
    hasAccounts: accounts.length > 0,
    targets,
    single,
    allStarred,
    allRead,
    actions,
    undo: () => void undo.undo(),
    respond: (header, mode) => void composer.respond(header, mode),
    openDraft: (id) =>
      void composer
        .openDraft(id)
        .catch((error: unknown) =>
          activity.reportFailure(
            openHeader?.accountId ?? mailbox?.accountId ?? '',
            errorMessage(error, t) ?? t('common.unknownError'),
          ),
        ),
    compose: () => composer.compose(mailbox?.accountId ?? null),
    selectMailbox,
    openPalette: (mode) => setDialog({ kind: 'palette', mode }),
    toggleShortcuts: () => setDialog((open) => (open?.kind === 'shortcuts' ? null : { kind: 'shortcuts' })),
    openSettings: () => setDialog({ kind: 'settings' }),
    openAccountSettings: () => setDialog({ kind: 'settings', tab: 'accounts', accountId: mailbox?.accountId }),
    addAccount: () => setDialog({ kind: 'addAccount' }),
    noteRepeat: reading.noteRepeat,
  });
  useGlobalShortcuts(keymap, (action, event) => runCommand(commands, action, event));
  // The reading pane is memoized: its "Edit draft" callback must not change on every render.
  const commandsRef = useRef(commands);
  useEffect(() => {
    commandsRef.current = commands;
  });
  const editDraft = useCallback(() => runCommand(commandsRef.current, 'openMessage'), []);
  // Sidebar, Toolbar and StatusBar are memoized too: their callbacks stay the same across key presses.
  const latestMove = useRef({ actions, targets });
  useEffect(() => {
    latestMove.current = { actions, targets };
  });
  const compose = useCallback(() => runCommand(commandsRef.current, 'compose'), []);
  const openAddAccount = useCallback(() => setDialog({ kind: 'addAccount' }), []);
  const openSettings = useCallback(() => setDialog({ kind: 'settings' }), []);
  const run = useCallback((action: ToolbarAction) => runCommand(commandsRef.current, action), []);
  const moveTargets = useCallback(
    (to: Mailbox) => void latestMove.current.actions.move(latestMove.current.targets, to),
    [],
  );
  const enterPassword = useCallback((account: Account) => setDialog({ kind: 'password', account }), []);
  const retrySync = useCallback(
    (account: Account | undefined) =>
      transport.invoke('sync.now', account ? { accountId: account.id } : {}).catch(() => undefined),
    [transport],
  );
  usePaneTabCycling();
  const undoKey = useShortcutText(bindingsOf(keymap, 'undo').map((binding) => binding.sequence));

  // The composer took the focus; when it closes, the keyboard goes back to the list rather
  // than to nowhere (the page body).
  const composing = composer.open !== null;
  useEffect(() => {
    if (composing) return;
    if (document.activeElement === null || document.activeElement === document.body) focusPane('list');
  }, [composing]);

  const role = sourceRole(source, mailboxes ?? NO_MAILBOXES);
  const searchListProps = useSearchListProps(search.active !== null, accounts, mailboxes ?? NO_MAILBOXES);
  // Move choices: the folders of the account the messages are in (none when they are of several).
  const moveAccountId = actionFolder?.accountId;
  const accountMailboxes = useMemo(
    () => mailboxes?.filter((item) => item.accountId === moveAccountId) ?? NO_MAILBOXES,
    [mailboxes, moveAccountId],
  );
  const rowAccounts = useMemo(() => accountLabels(accounts), [accounts]);

  return (
    <div className="app">
      <ThreePaneLayout
        sidebar={
          <Sidebar
            accounts={accounts}
            mailboxes={loadedAccounts ? mailboxes : null}
            selected={source}
            onSelectMailbox={selectMailbox}
            onSelectUnified={selectUnified}
            onCompose={compose}
            onAddAccount={openAddAccount}
            onOpenSettings={openSettings}
          />
        }
        list={
          <>
            <SearchBar search={search} onJump={jumpIntoResults} />
            {search.active ? (
              <SearchResultsHeader total={store?.total ?? null} allMail={search.active.scope.kind === 'all'} />
            ) : (
              <MessageListHeader source={source} mailboxes={mailboxes ?? NO_MAILBOXES} total={store?.total ?? null} />
            )}
            <MessageList
              store={store}
              version={version}
              loadError={loadError}
              showRecipients={!search.active && (role === 'sent' || role === 'drafts')}
              accountLabels={!search.active && unifiedRole !== null ? rowAccounts : null}
              selection={selection}
              onSelectionChange={changeSelection}
              {...searchListProps}
              onOpen={() => runCommand(commands, 'openMessage')}
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
              currentMailboxId={actionFolder?.id ?? null}
              onAction={run}
              onMove={moveTargets}
            />
            <ReadingPane
              header={single}
              selectedCount={selection.ids.size}
              onEditDraft={single && role === 'drafts' ? editDraft : undefined}
            />
          </>
        }
      />
      <StatusBar
        accounts={accounts}
        statuses={statuses}
        mailboxes={mailboxes ?? NO_MAILBOXES}
        activity={activity}
        engine={engine.status}
        onEnterPassword={enterPassword}
        onRetry={retrySync}
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
          current={actionFolder}
          moveCount={targets.length}
          onGoToFolder={selectMailbox}
          onGoToUnified={selectUnified}
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
      {dialog?.kind === 'settings' && (
        <SettingsDialog
          accounts={accounts}
          initialTab={dialog.tab}
          initialAccountId={dialog.accountId}
          onAddAccount={() => setDialog({ kind: 'addAccount' })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'password' && <PasswordDialog account={dialog.account} onClose={() => setDialog(null)} />}
    </div>
  );
}
