// Every action of the keymap as a command the app can run: the same table serves the
// keyboard, the command palette and (through `run`) the toolbar, so a shortcut, a palette
// entry and a button always do the same thing.
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Transport } from '../../shared/contract';
import type { AccountId, Mailbox, MailboxRole, MessageHeader, MessageId } from '../../shared/domain';
import type { ShortcutEvent } from '../keyboard/use-global-shortcuts';
import type { ActionId } from '../keyboard/keymap';
import { cyclePane, focusPane } from '../keyboard/pane-focus';
import { pageReadingPane } from '../keyboard/reading-scroll';
import { stepSelection } from '../message-list/list-navigation';
import { type UnifiedRole, isUnifiedRole } from '../message-list/list-source';
import type { MessageWindowStore } from '../message-list/message-window-store';
import type { ListOrderState } from '../message-list/use-list-order';
import { type Selection, selectAll, selectNone, toggleCurrent } from '../message-list/selection';
import type { PaletteMode } from '../palette/palette-items';
import type { ConversationThread } from '../message-view/use-conversation-thread';
import { focusSearchField } from '../search/search-focus';
import { effectiveRole } from '../sidebar/folder-tree';
import type { AppearanceActionId } from '../appearance/appearance-commands';
import type { ReaderActionId } from '../reader-tools/use-reader-tools';
import type { TagActionId } from '../tags/tag-commands';
import { folderCommands } from '../folders/folder-commands';
import type { FolderRequest } from '../folders/folder-request';
import type { useMessageActions } from './use-message-actions';

export interface Command {
  enabled: boolean;
  run: (event?: ShortcutEvent) => void;
}

export type Commands = Record<ActionId, Command>;

/** "* a" reads at most this many rows to select them (as a Shift+click range does). */
const MAX_SELECT_ALL = 10_000;

export interface CommandContext {
  transport: Transport;
  store: MessageWindowStore | null;
  selection: Selection;
  /** The freshest selection, also between renders (held keys outrun React). */
  latestSelection: () => Selection;
  changeSelection: (next: Selection) => void;
  mailbox: Mailbox | null;
  mailboxes: readonly Mailbox[];
  /** The account whose folders "go to" commands open (the folder's, else the open message's). */
  accountId: AccountId | null;
  /** Set while a unified view is shown: g i / g s / g d then stay unified. */
  unifiedRole: UnifiedRole | null;
  selectUnified: (role: UnifiedRole) => void;
  hasAccounts: boolean;
  /** The messages an action applies to, and the one open message (for replies). */
  targets: MessageId[];
  single: MessageHeader | null;
  allStarred: boolean;
  allRead: boolean;
  actions: ReturnType<typeof useMessageActions>;
  undo: () => void;
  respond: (header: MessageHeader, mode: 'reply' | 'replyAll' | 'forward') => void;
  /** Opens a message of a Drafts folder in the composer. */
  openDraft?: (id: MessageId) => void;
  compose: () => void;
  selectMailbox: (mailbox: Mailbox) => void;
  openPalette: (mode: PaletteMode) => void;
  toggleShortcuts: () => void;
  openSettings: () => void;
  /** The .eml file picker (eml/use-eml-window.ts). */
  openEml: () => void;
  openOutbox: () => void;
  /** The settings' Accounts tab, on the account of the folder on screen. */
  openAccountSettings: () => void;
  addAccount: () => void;
  noteRepeat: () => void;
  /** The list's conversation mode, and the conversation the pane stacks (when it does). */
  conversations: { toggle: (() => void) | null; thread: ConversationThread | null };
  /** The reader's commands (view source, headers, save, print: renderer/reader-tools/), tags, appearance. */
  readerCommands: Record<ReaderActionId | TagActionId | AppearanceActionId, Command>;
  /** Opens a folder dialog (create, rename, move, delete, empty). */
  manageFolder: (request: FolderRequest) => void;
  markFolderRead: (mailbox: Mailbox) => void;
  setFolderSync: (mailbox: Mailbox, sync: boolean) => void;
  subscribeFolder: (mailbox: Mailbox, subscribed: boolean) => void;
  /** The list's sort and quick filters (use-list-order.ts). */
  listOrder: Pick<ListOrderState, 'sortBy' | 'reverse' | 'toggle'>;
}

export function useAppCommands(context: CommandContext): Commands {
  const ref = useRef(context);
  useLayoutEffect(() => {
    ref.current = context;
  });

  const {
    store,
    selection,
    mailbox,
    mailboxes,
    accountId,
    unifiedRole,
    targets,
    single,
    hasAccounts,
    actions,
    readerCommands,
  } = context;
  const canToggleConversations = context.conversations.toggle !== null;
  const inConversation = context.conversations.thread !== null;
  const hasTargets = targets.length > 0;
  const hasMessages = (store?.total ?? 0) > 0;
  const accountMailboxes = useMemo(
    () => mailboxes.filter((item) => item.accountId === accountId),
    [mailboxes, accountId],
  );

  return useMemo(() => {
    const get = () => ref.current;
    const roleFolder = (role: MailboxRole) =>
      accountMailboxes.find((item) => effectiveRole(item) === role && item.selectable) ?? null;

    const step = (delta: 1 | -1, extend: boolean, event?: ShortcutEvent) => {
      const { store: rows, latestSelection, changeSelection } = get();
      if (!rows) return;
      if (event?.repeat) get().noteRepeat();
      const before = latestSelection();
      const result = stepSelection(rows, before, delta, extend);
      if (result.kind === 'moved') changeSelection(result.selection);
      else if (result.kind === 'loading')
        // once the rows are read the press still counts, unless the selection moved meanwhile
        void rows.loadRange(result.index, result.index).then(() => {
          const { latestSelection: now, changeSelection: change } = get();
          if (now() !== before) return;
          const again = stepSelection(rows, before, delta, extend);
          if (again.kind === 'moved') change(again.selection);
        });
    };

    const goTo = (role: MailboxRole): Command => {
      // eslint-disable-next-line react-hooks/refs -- get() runs when the command runs, never while building it
      if (unifiedRole !== null && isUnifiedRole(role)) return { enabled: true, run: () => get().selectUnified(role) };
      const folder = roleFolder(role);
      return { enabled: folder !== null, run: () => folder && get().selectMailbox(folder) };
    };

    const commands: Commands = {
      nextMessage: { enabled: hasMessages, run: (event) => step(1, false, event) },
      previousMessage: { enabled: hasMessages, run: (event) => step(-1, false, event) },
      extendNext: { enabled: hasMessages, run: (event) => step(1, true, event) },
      extendPrevious: { enabled: hasMessages, run: (event) => step(-1, true, event) },
      openMessage: {
        enabled: hasMessages,
        run: () => {
          const { latestSelection, mailbox: open, openDraft } = get();
          const current = latestSelection().currentId;
          // In Drafts, "open" means carry on writing it.
          if (current !== null && open && effectiveRole(open) === 'drafts' && openDraft) return openDraft(current);
          if (current === null) step(1, false);
          focusPane('reading');
        },
      },
      backToList: { enabled: true, run: () => focusPane('list') },
      pageDown: {
        enabled: single !== null,
        run: (event) => {
          if (pageReadingPane(1) === 'atEnd') step(1, false, event);
        },
      },
      pageUp: {
        enabled: single !== null,
        run: (event) => {
          if (pageReadingPane(-1) === 'atStart') step(-1, false, event);
        },
      },
      toggleConversations: {
        enabled: canToggleConversations,
        run: () => get().conversations.toggle?.(),
      },
      nextInConversation: { enabled: inConversation, run: () => void get().conversations.thread?.step(1) },
      previousInConversation: { enabled: inConversation, run: () => void get().conversations.thread?.step(-1) },
      toggleConversationMessage: { enabled: inConversation, run: () => get().conversations.thread?.toggle() },
      toggleSelect: {
        enabled: selection.currentId !== null,
        run: () => {
          const { store: rows, latestSelection, changeSelection } = get();
          const current = latestSelection();
          if (!rows || current.currentId === null) return;
          changeSelection(toggleCurrent(current, rows.indexOf(current.currentId)));
        },
      },
      selectAll: {
        enabled: hasMessages,
        run: () => {
          const rows = get().store;
          if (!rows?.total) return;
          const last = Math.min(rows.total, MAX_SELECT_ALL) - 1;
          void rows.loadRange(0, last).then(() => {
            const ids = rows.idsInRange(0, last);
            if (ids) get().changeSelection(selectAll(get().latestSelection(), ids));
          });
        },
      },
      selectNone: {
        enabled: selection.ids.size > 0,
        run: () => get().changeSelection(selectNone(get().latestSelection())),
      },
      archive: {
        // In a unified view (Inbox, Drafts, Sent) nothing shown is archived yet.
        enabled: hasTargets && (mailbox === null ? unifiedRole !== null : effectiveRole(mailbox) !== 'archive'),
        run: () => void actions.archive(get().targets),
      },
      delete: { enabled: hasTargets, run: () => void actions.remove(get().targets) },
      junk: { enabled: hasTargets && actions.canJunk, run: () => void actions.junk(get().targets) },
      notJunk: { enabled: hasTargets && actions.canNotJunk, run: () => void actions.notJunk(get().targets) },
      // Moving stays within one account: not for a unified selection that spans several.
      move: { enabled: hasTargets && mailbox !== null, run: () => get().openPalette('move') },
      toggleStar: {
        enabled: hasTargets,
        run: () => void actions.setFlags(get().targets, { flagged: !get().allStarred }),
      },
      markRead: { enabled: hasTargets, run: () => void actions.setFlags(get().targets, { seen: true }) },
      markUnread: { enabled: hasTargets, run: () => void actions.setFlags(get().targets, { seen: false }) },
      toggleRead: {
        enabled: hasTargets,
        run: () => void actions.setFlags(get().targets, { seen: !get().allRead }),
      },
      undo: { enabled: true, run: () => get().undo() },
      compose: { enabled: hasAccounts, run: () => get().compose() },
      reply: { enabled: single !== null, run: () => get().single && get().respond(get().single!, 'reply') },
      replyAll: { enabled: single !== null, run: () => get().single && get().respond(get().single!, 'replyAll') },
      forward: { enabled: single !== null, run: () => get().single && get().respond(get().single!, 'forward') },
      // The composer sends with its own key handler; here only for the overlay and palette lists.
      send: { enabled: false, run: () => undefined },
      goInbox: goTo('inbox'),
      goSent: goTo('sent'),
      goDrafts: goTo('drafts'),
      goTrash: goTo('trash'),
      goArchive: goTo('archive'),
      goToFolder: { enabled: mailboxes.length > 0, run: () => get().openPalette('folder') },
      switchAccount: { enabled: hasAccounts, run: () => get().openPalette('account') },
      palette: { enabled: true, run: () => get().openPalette('all') },
      search: { enabled: true, run: () => void focusSearchField() },
      shortcuts: { enabled: true, run: () => get().toggleShortcuts() },
      nextPane: { enabled: true, run: () => void cyclePane(1) },
      previousPane: { enabled: true, run: () => void cyclePane(-1) },
      syncNow: {
        enabled: hasAccounts,
        run: () =>
          void get()
            .transport.invoke('sync.now', {})
            .catch(() => undefined),
      },
      addAccount: { enabled: true, run: () => get().addAccount() },
      openSettings: { enabled: true, run: () => get().openSettings() },
      openEml: { enabled: true, run: () => get().openEml() },
      showOutbox: { enabled: true, run: () => get().openOutbox() },
      accountSettings: { enabled: hasAccounts, run: () => get().openAccountSettings() },
      ...readerCommands,
      // eslint-disable-next-line react-hooks/refs -- get() runs when a command runs, never while building it
      ...folderCommands({
        folder: mailbox,
        accountId,
        mailboxes,
        open: (request) => get().manageFolder(request),
        markRead: (folder) => get().markFolderRead(folder),
        setSync: (folder, sync) => get().setFolderSync(folder, sync),
        subscribe: (folder, subscribed) => get().subscribeFolder(folder, subscribed),
      }),
      sortByDate: { enabled: true, run: () => get().listOrder.sortBy('date') },
      sortBySender: { enabled: true, run: () => get().listOrder.sortBy('sender') },
      sortBySubject: { enabled: true, run: () => get().listOrder.sortBy('subject') },
      sortBySize: { enabled: true, run: () => get().listOrder.sortBy('size') },
      reverseSort: { enabled: true, run: () => get().listOrder.reverse() },
      filterUnread: { enabled: true, run: () => get().listOrder.toggle('unread') },
      filterStarred: { enabled: true, run: () => get().listOrder.toggle('starred') },
      filterAttachments: { enabled: true, run: () => get().listOrder.toggle('attachments') },
    };
    return commands;
  }, [
    accountMailboxes,
    hasMessages,
    hasTargets,
    single,
    selection,
    mailbox,
    mailboxes,
    unifiedRole,
    actions,
    hasAccounts,
    canToggleConversations,
    inConversation,
    readerCommands,
    accountId,
  ]);
}

/** Runs an action if it can run now. */
export function runCommand(commands: Commands, action: ActionId, event?: ShortcutEvent): void {
  const command = commands[action];
  if (command.enabled) command.run(event);
}
