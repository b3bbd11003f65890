// The window's commands (use-app-commands.ts) fed from the pieces of state App composes, bound
// to the keymap, plus stable handles on them for the memoized panes: the sidebar, toolbar and
// reading pane must not render again on every key press because a callback changed.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Mailbox, MessageHeader } from '../../shared/domain';
import type { useCompose } from '../composer/use-compose';
import type { FolderManagement } from '../folders/use-folder-management';
import type { ActionId, Keymap } from '../keyboard/keymap';
import { useGlobalShortcuts } from '../keyboard/use-global-shortcuts';
import type { MessageWindowStore } from '../message-list/message-window-store';
import type { ConversationThread } from '../message-view/use-conversation-thread';
import type { UndoController } from '../undo/use-undo';
import { useTransport } from './app-services';
import { errorMessage } from './error-message';
import { type Commands, runCommand, useAppCommands } from './use-app-commands';
import type { ActionTargets } from './use-action-targets';
import type { DialogOpeners } from './use-dialogs';
import type { ListSourceState } from './use-list-source';
import type { ListOrderState } from '../message-list/use-list-order';
import type { useMessageActions } from './use-message-actions';
import type { SelectionState } from './use-selection';
import { type ReaderTools, useReaderTools } from '../reader-tools/use-reader-tools';
import { appearanceCommands } from '../appearance/appearance-commands';
import { useTagCommands } from '../tags/use-tag-commands';

interface WindowState {
  keymap: Keymap;
  accounts: readonly Account[];
  mailboxes: readonly Mailbox[];
  store: MessageWindowStore | null;
  selection: SelectionState;
  list: ListSourceState;
  order: ListOrderState;
  targets: ActionTargets;
  /** The one open message (replies), when one and only one is selected. */
  single: MessageHeader | null;
  openHeader: MessageHeader | null;
  actions: ReturnType<typeof useMessageActions>;
  undo: UndoController;
  composer: ReturnType<typeof useCompose>;
  dialogs: DialogOpeners;
  reportFailure: (accountId: string, message: string) => void;
  noteRepeat: () => void;
  /** Switches the list between conversations and messages (null: no list to switch), and the stacked conversation. */
  conversations: { toggle: (() => void) | null; thread: ConversationThread | null };
  /** Opens the .eml file picker. */
  openEml: () => void;
  folders: FolderManagement;
}

export interface WindowCommands {
  commands: Commands;
  /** Stable across renders: runs the command as it is at the time of the call. */
  run: (action: ActionId) => void;
  /** Stable: moves the current targets. */
  moveTargets: (to: Mailbox) => void;
  /** The source view the reader's commands open. */
  reader: Omit<ReaderTools, 'commands'>;
}

export function useWindowCommands(state: WindowState): WindowCommands {
  const transport = useTransport();
  const { t } = useTranslation();
  const { selection, list, targets, actions, composer, dialogs, openHeader } = state;
  const { actionFolder } = targets;
  // The folder on screen (not the one the targets share) decides where a new message is from.
  const onScreen = list.mailbox;

  const { commands: readerTools, ...reader } = useReaderTools(state.single, state.reportFailure);
  const tags = useTagCommands(targets.targets, openHeader?.accountId, state.reportFailure);
  const readerCommands = useMemo(() => ({ ...readerTools, ...tags, ...appearanceCommands }), [readerTools, tags]);
  const commands = useAppCommands({
    transport,
    store: state.store,
    selection: selection.selection,
    latestSelection: selection.latestSelection,
    changeSelection: selection.changeSelection,
    mailbox: actionFolder,
    mailboxes: state.mailboxes,
    accountId: actionFolder?.accountId ?? openHeader?.accountId ?? state.accounts[0]?.id ?? null,
    unifiedRole: list.unifiedRole,
    selectUnified: list.selectUnified,
    hasAccounts: state.accounts.length > 0,
    targets: targets.targets,
    single: state.single,
    allStarred: targets.allStarred,
    allRead: targets.allRead,
    actions,
    undo: () => void state.undo.undo(),
    respond: (header, mode) => void composer.respond(header, mode),
    openDraft: (id) =>
      void composer
        .openDraft(id)
        .catch((error: unknown) =>
          state.reportFailure(
            openHeader?.accountId ?? onScreen?.accountId ?? '',
            errorMessage(error, t) ?? t('common.unknownError'),
          ),
        ),
    compose: () => composer.compose(onScreen?.accountId ?? null),
    selectMailbox: list.selectMailbox,
    openPalette: dialogs.palette,
    toggleShortcuts: dialogs.toggleShortcuts,
    openSettings: dialogs.settings,
    openEml: state.openEml,
    openOutbox: dialogs.outbox,
    openAccountSettings: () => dialogs.accountSettings(onScreen?.accountId),
    addAccount: dialogs.addAccount,
    noteRepeat: state.noteRepeat,
    conversations: state.conversations,
    readerCommands,
    manageFolder: state.folders.open,
    markFolderRead: state.folders.markRead,
    setFolderSync: state.folders.setSync,
    subscribeFolder: state.folders.subscribe,
    listOrder: state.order,
  });
  useGlobalShortcuts(state.keymap, (action, event) => runCommand(commands, action, event));

  const latest = useRef({ commands, actions, targets: targets.targets });
  useEffect(() => {
    latest.current = { commands, actions, targets: targets.targets };
  });
  const stable = useMemo(
    () => ({
      run: (action: ActionId) => runCommand(latest.current.commands, action),
      moveTargets: (to: Mailbox) => void latest.current.actions.move(latest.current.targets, to),
    }),
    [],
  );
  return { commands, ...stable, reader };
}
