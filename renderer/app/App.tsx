// The window: folders | messages | reading pane, the status line, and the dialogs. App only
// composes: each rule of the window lives in its own hook (use-*.ts beside this file), and every
// component below gets what it shows.
import { useCallback, useMemo } from 'react';
import type { Account, Mailbox, MessageHeader, MessageId } from '../../shared/domain';
import { useAccounts } from '../accounts/use-accounts';
import { fromContractDraft } from '../composer/compose-draft';
import { DraftRecovery } from '../composer/DraftRecovery';
import { SendUndoToast } from '../composer/SendUndoToast';
import { useSendUndo } from '../composer/use-send-undo';
import { useCompose } from '../composer/use-compose';
import { EmlReader } from '../eml/EmlReader';
import { useEmlRespond } from '../eml/use-eml-respond';
import { useEmlWindow } from '../eml/use-eml-window';
import { bindingsOf } from '../keyboard/keymap';
import { usePaneTabCycling } from '../keyboard/pane-focus';
import { ShortcutOverlay } from '../keyboard/ShortcutOverlay';
import { useShortcutText } from '../keyboard/ShortcutKeys';
import { eventTriggers, useKeymap } from '../keyboard/use-keymap';
import { useReadingFlow } from '../keyboard/use-reading-flow';
import { ThreePaneLayout } from '../layout/ThreePaneLayout';
import { MessageList } from '../message-list/MessageList';
import { MessageListHeader } from '../message-list/MessageListHeader';
import { accountLabels } from '../message-list/account-labels';
import { useConversationMode } from '../message-list/conversation-mode';
import { emptySelection, selectOnly } from '../message-list/selection';
import { useListOrder } from '../message-list/use-list-order';
import { ReadingPane } from '../message-view/ReadingPane';
import { useConversationThread } from '../message-view/use-conversation-thread';
import { useNewMailNotifications } from '../notifications/use-new-mail-notifications';
import { useUnreadCount } from '../notifications/use-unread-count';
import { SearchBar } from '../search/SearchBar';
import { SearchResultsHeader } from '../search/SearchResultsHeader';
import { effectiveRole } from '../sidebar/folder-tree';
import { Sidebar } from '../sidebar/Sidebar';
import { useMailboxes } from '../sidebar/use-mailboxes';
import { OutboxHost } from '../outbox/OutboxHost';
import { PasswordDialog } from '../status/PasswordDialog';
import { SignInAgainDialog } from '../status/SignInAgainDialog';
import { SourceDialog } from '../reader-tools/SourceDialog';
import '../reader-tools/print.css';
import { StartupNotices } from '../status/StartupNotices';
import { StatusBar } from '../status/StatusBar';
import { useSyncActivity } from '../status/use-sync-activity';
import { Toolbar } from '../toolbar/Toolbar';
import { UndoToast } from '../undo/UndoToast';
import { ContextMenu } from '../ui/ContextMenu';
import { useTransport } from './app-services';
import { AddAccountDialog, Composer, PaletteHost, SettingsDialog } from './lazy-dialogs';
import { runCommand } from './use-app-commands';
import { useActionTargets } from './use-action-targets';
import { useConversationMembers } from './use-conversation-members';
import { useContextMenus } from './use-context-menus';
import { useDialogs } from './use-dialogs';
import { useDropRemovedFromSelection } from './use-drop-removed-from-selection';
import { useEngineConnection } from './use-engine-connection';
import { useFocusListAfterComposer } from './use-focus-list-after-composer';
import { FolderDialog } from '../folders/FolderDialog';
import { useFolderManagement } from '../folders/use-folder-management';
import { useOpenCreatedFolder } from '../folders/use-open-created-folder';
import { useFolderDrops } from '../folders/use-folder-drops';
import { useMessageDrag } from '../folders/use-message-drag';
import { useListSource } from './use-list-source';
import { useLaunchRequests } from './use-launch-requests';
import { useListUndo } from './use-list-undo';
import { useMarkReadOnOpen } from './use-mark-read-on-open';
import { useMessageActions } from './use-message-actions';
import { useOpenHeader } from './use-open-header';
import { usePendingRead } from './use-pending-read';
import { useReloadOnReconnect } from './use-reload-on-reconnect';
import { useSelection } from './use-selection';
import { useShownList } from './use-shown-list';
import { useWindowCommands } from './use-window-commands';
import './app.css';

const NO_ACCOUNTS: Account[] = [];
const NO_MAILBOXES: Mailbox[] = [];

/** The toolbar's tag menu checks nothing for a selection: one stable empty list. */
const NO_KEYWORDS: readonly string[] = [];

export function App() {
  const transport = useTransport();
  const { accounts: loadedAccounts, statuses, reload: reloadAccounts } = useAccounts();
  const accounts = loadedAccounts ?? NO_ACCOUNTS;
  const loadedMailboxes = useMailboxes(loadedAccounts);
  const mailboxes = loadedMailboxes ?? NO_MAILBOXES;
  const activity = useSyncActivity();
  const engine = useEngineConnection();
  const { keymap } = useKeymap();
  const { dialog, open } = useDialogs(loadedAccounts);

  const selecting = useSelection();
  const { selection, changeSelection } = selecting;
  const list = useListSource(accounts, loadedMailboxes, changeSelection);
  const { source, shows, role, unifiedRole } = list;
  const mode = useConversationMode(source);
  const order = useListOrder();
  // the message being read stays in a filtered list while it is open (latestSelection is stable)
  const { latestSelection } = selecting;
  const beingRead = useCallback(() => latestSelection().currentId, [latestSelection]);
  const shown = useShownList(source, shows, accounts, mailboxes, changeSelection, order, beingRead, mode.conversations);
  const { store, version, search } = shown;
  useDropRemovedFromSelection(shows, selecting.updateSelection);
  useReloadOnReconnect(engine.epoch, reloadAccounts, store);

  // The message the reading pane shows: the current one, except while j is held down, when it
  // waits for the selection to come to rest (and its neighbours' bodies are read ahead).
  const reading = useReadingFlow(store, version, selection.currentId);
  const openHeader = useOpenHeader(store, version, reading.shownId);
  const single = selection.ids.size <= 1 ? openHeader : null;
  // conversation mode: the open row's conversation, stacked in the pane; replies go to its open message
  const thread = useConversationThread(single);
  const replyTarget = thread ? thread.open : single;

  const composer = useCompose(accounts);
  const eml = useEmlWindow();
  const respondToEml = useEmlRespond(accounts, composer.reopen, eml.close);
  useLaunchRequests(loadedAccounts, { ...composer, openEml: eml.openBytes });
  const openArrived = useCallback(
    (header: MessageHeader) => {
      const folder = mailboxes.find((item) => item.id === header.mailboxId);
      if (!folder) return;
      list.selectMailbox(folder);
      changeSelection(selectOnly(header.id, 0));
    },
    [mailboxes, list, changeSelection],
  );
  useNewMailNotifications(mailboxes, openArrived);
  useUnreadCount(loadedMailboxes);
  const sendUndo = useSendUndo(transport, composer.reopen);
  const undo = useListUndo(store, shows, changeSelection, mode.conversations);
  const targets = useActionTargets(selection, store, list.mailbox, loadedMailboxes);
  const { actionFolder } = targets;
  const pendingRead = usePendingRead();
  const conversationMembers = useConversationMembers(mode.conversations, store);
  const actions = useMessageActions({
    store,
    mailbox: actionFolder,
    mailboxes,
    setSelection: changeSelection,
    reportFailure: activity.reportFailure,
    undo,
    beforeChange: pendingRead.send,
    expand: conversationMembers,
  });
  useMarkReadOnOpen({
    // in a conversation, each message is marked read as it is expanded, not the row as a whole
    openHeader: thread ? thread.open : openHeader,
    selectedCount: selection.ids.size,
    setFlags: actions.setFlags,
    pending: pendingRead,
  });

  const { toggle: toggleMode } = mode;
  const toggleConversations = useCallback(() => {
    toggleMode();
    changeSelection(emptySelection);
  }, [toggleMode, changeSelection]);
  const folders = useFolderManagement(activity.reportFailure);
  const openCreatedFolder = useOpenCreatedFolder(mailboxes, list.selectMailbox);
  const { commands, run, moveTargets, reader } = useWindowCommands({
    keymap,
    accounts,
    mailboxes,
    store,
    selection: selecting,
    list,
    order,
    targets,
    single: replyTarget,
    openHeader,
    actions,
    undo,
    composer,
    dialogs: open,
    reportFailure: activity.reportFailure,
    noteRepeat: reading.noteRepeat,
    conversations: { toggle: source ? toggleConversations : null, thread },
    openEml: eml.pick,
    folders,
  });
  // Sidebar, Toolbar, StatusBar and the reading pane are memoized: their callbacks stay the same.
  const compose = useCallback(() => run('compose'), [run]);
  const editDraft = useCallback(() => run('openMessage'), [run]);
  const retrySync = useCallback(
    (account: Account | undefined) =>
      transport.invoke('sync.now', account ? { accountId: account.id } : {}).catch(() => undefined),
    [transport],
  );
  const menus = useContextMenus({
    commands,
    mailboxes,
    folders,
    selection,
    changeSelection,
    targetCount: targets.targets.length,
    openAccountSettings: (account) => open.accountSettings(account.id),
  });
  const moveDropped = useCallback((ids: MessageId[], to: Mailbox) => void actions.move(ids, to), [actions]);
  const drops = useFolderDrops(mailboxes, moveDropped, activity.reportFailure);
  const messageDrag = useMessageDrag(store, selecting.latestSelection);
  usePaneTabCycling();
  useFocusListAfterComposer(composer.open !== null);
  const undoKey = useShortcutText(bindingsOf(keymap, 'undo').map((binding) => binding.sequence));
  const rowAccounts = useMemo(() => accountLabels(accounts), [accounts]);

  return (
    <div className="app">
      <ThreePaneLayout
        sidebar={
          <Sidebar
            accounts={accounts}
            mailboxes={loadedAccounts ? loadedMailboxes : null}
            selected={source}
            onSelectMailbox={list.selectMailbox}
            onSelectUnified={list.selectUnified}
            onCompose={compose}
            onAddAccount={open.addAccount}
            onOpenSettings={open.settings}
            onContextMenu={menus.openSidebarMenu}
            drops={drops}
          />
        }
        list={
          <>
            <SearchBar
              search={search}
              onJump={shown.jumpIntoResults}
              filter={order.filter}
              onToggleFilter={order.toggle}
              filtersOff={mode.conversations && !search.active}
            />
            {search.active ? (
              <SearchResultsHeader
                total={store?.total ?? null}
                allMail={search.active.scope.kind === 'all'}
                server={shown.serverSearch}
              />
            ) : (
              <MessageListHeader
                source={source}
                mailboxes={mailboxes}
                total={store?.total ?? null}
                conversations={mode.conversations}
                onToggleConversations={source ? toggleConversations : undefined}
                sort={order.sort}
                onSort={order.setSort}
              />
            )}
            <MessageList
              store={store}
              version={version}
              loadError={shown.loadError}
              showRecipients={!search.active && (role === 'sent' || role === 'drafts')}
              accountLabels={!search.active && unifiedRole !== null ? rowAccounts : null}
              selection={selection}
              onSelectionChange={changeSelection}
              {...shown.searchListProps}
              onOpen={() => runCommand(commands, 'openMessage')}
              onContextMenu={menus.openMessageMenu}
              onDragRow={messageDrag.onDragRow}
              onDragEnd={messageDrag.onDragEnd}
            />
          </>
        }
        reading={
          <>
            <Toolbar
              targetCount={targets.targets.length}
              canReply={single !== null}
              allStarred={targets.allStarred}
              allRead={targets.allRead}
              canJunk={commands.junk.enabled}
              canNotJunk={commands.notJunk.enabled}
              moveChoices={targets.moveChoices}
              currentMailboxId={actionFolder?.id ?? null}
              onAction={run}
              onMove={moveTargets}
              activeKeywords={single?.keywords ?? NO_KEYWORDS}
              onTag={run}
            />
            <ReadingPane
              header={single}
              thread={thread}
              selectedCount={selection.ids.size}
              onEditDraft={single && role === 'drafts' ? editDraft : undefined}
            />
          </>
        }
      />
      <StartupNotices />
      <DraftRecovery onOpen={(draft) => composer.reopen(fromContractDraft(draft))} />
      <StatusBar
        accounts={accounts}
        statuses={statuses}
        mailboxes={mailboxes}
        activity={activity}
        engine={engine.status}
        onEnterPassword={open.password}
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
      <OutboxHost
        epoch={engine.epoch}
        accounts={accounts}
        open={dialog?.kind === 'outbox'}
        onOpen={open.outbox}
        onClose={open.close}
        onEdit={(draft) => composer.reopen(fromContractDraft(draft))}
        reportFailure={activity.reportFailure}
      />
      <SendUndoToast pending={sendUndo.pending} onUndo={() => void sendUndo.undo()} onDismiss={sendUndo.dismiss} />
      <UndoToast toast={undo.toast} shortcut={undoKey} onUndo={() => void undo.undo()} onDismiss={undo.dismiss} />
      {dialog?.kind === 'palette' && (
        <PaletteHost
          mode={dialog.mode}
          commands={commands}
          keymap={keymap}
          accounts={accounts}
          mailboxes={mailboxes}
          current={actionFolder}
          moveCount={targets.targets.length}
          onGoToFolder={list.selectMailbox}
          onGoToUnified={list.selectUnified}
          onMove={(to) => void actions.move(targets.targets, to)}
          onSwitchAccount={(account) => {
            const inbox = mailboxes.find((item) => item.accountId === account.id && effectiveRole(item) === 'inbox');
            if (inbox) list.selectMailbox(inbox);
          }}
          onClose={open.close}
        />
      )}
      {dialog?.kind === 'shortcuts' && (
        <ShortcutOverlay keymap={keymap} onClose={open.close} onCustomize={open.settings} />
      )}
      {dialog?.kind === 'addAccount' && (
        <AddAccountDialog
          onClose={open.close}
          onAdded={() => {
            open.close();
            void reloadAccounts();
          }}
        />
      )}
      {dialog?.kind === 'settings' && (
        <SettingsDialog
          accounts={accounts}
          initialTab={dialog.tab}
          initialAccountId={dialog.accountId}
          onAddAccount={open.addAccount}
          onClose={open.close}
        />
      )}
      {eml.state.kind !== 'closed' && <EmlReader state={eml.state} onRespond={respondToEml} onClose={eml.close} />}
      {dialog?.kind === 'password' &&
        (dialog.account.oauthProvider ? (
          <SignInAgainDialog account={dialog.account} onClose={open.close} />
        ) : (
          <PasswordDialog account={dialog.account} onClose={open.close} />
        ))}
      {reader.sourceView && (
        <SourceDialog id={reader.sourceView.id} mode={reader.sourceView.mode} onClose={reader.closeSourceView} />
      )}
      {menus.request && <ContextMenu {...menus.request} onClose={menus.close} />}
      {folders.request && (
        <FolderDialog
          request={folders.request}
          mailboxes={mailboxes}
          onClose={folders.close}
          onCreated={openCreatedFolder}
        />
      )}
    </div>
  );
}
