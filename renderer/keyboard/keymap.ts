// The keymap as data: every action a shortcut can trigger, three presets (Gmail, Outlook,
// Apple Mail) and the user's overrides on top. Pure, so presets are checked for clashes by
// unit tests and the overlay and palette show exactly what the matcher obeys.
import { type Chord, type Platform, parseSequence, sequenceId } from './key-chord';

export const ACTION_IDS = [
  // reading
  'nextMessage',
  'previousMessage',
  'openMessage',
  'backToList',
  'pageDown',
  'pageUp',
  // conversations
  'toggleConversations',
  'nextInConversation',
  'previousInConversation',
  'toggleConversationMessage',
  'viewSource',
  'showHeaders',
  'saveMessage',
  'printMessage',
  'unsubscribe',
  // selection
  'toggleSelect',
  'extendNext',
  'extendPrevious',
  'selectAll',
  'selectNone',
  // triage
  'archive',
  'delete',
  'junk',
  'notJunk',
  'move',
  'toggleStar',
  'markRead',
  'markUnread',
  'toggleRead',
  'toggleTag1',
  'toggleTag2',
  'toggleTag3',
  'toggleTag4',
  'toggleTag5',
  'removeTags',
  'newTag',
  'undo',
  // writing
  'compose',
  'reply',
  'replyAll',
  'forward',
  'send',
  'showOutbox',
  // going places
  'goInbox',
  'goSent',
  'goDrafts',
  'goTrash',
  'goArchive',
  'goToFolder',
  'switchAccount',
  // the application
  'palette',
  'search',
  'shortcuts',
  'nextPane',
  'previousPane',
  'syncNow',
  'addAccount',
  'openSettings',
  'accountSettings',
  'openEml',
  'toggleDarkMode',
  'toggleDensity',
  // folders (renderer/folders/folder-commands.ts)
  'newFolder',
  'newSubfolder',
  'renameFolder',
  'moveFolder',
  'deleteFolder',
  'markFolderRead',
  'emptyTrash',
  'emptyJunk',
  'toggleFolderSync',
  'toggleSubscription',
  'syncWindow',
  // the list's order and quick filters
  'sortByDate',
  'sortBySender',
  'sortBySubject',
  'sortBySize',
  'reverseSort',
  'filterUnread',
  'filterStarred',
  'filterAttachments',
] as const;

export type ActionId = (typeof ACTION_IDS)[number];

export function isActionId(value: unknown): value is ActionId {
  return typeof value === 'string' && (ACTION_IDS as readonly string[]).includes(value);
}

export type ActionGroup = 'reading' | 'selection' | 'triage' | 'writing' | 'goTo' | 'list' | 'folders' | 'app';

/**
 * Where a shortcut may fire. 'mail': outside text fields and dialogs. 'global': also while
 * typing (Ctrl/Cmd+K, F6). 'composer': only inside the composer (send).
 */
export type ActionScope = 'mail' | 'global' | 'composer';

export const ACTION_GROUPS: readonly ActionGroup[] = [
  'reading',
  'selection',
  'triage',
  'writing',
  'goTo',
  'list',
  'folders',
  'app',
];

const GROUP_OF: Record<ActionId, ActionGroup> = {
  nextMessage: 'reading',
  previousMessage: 'reading',
  openMessage: 'reading',
  backToList: 'reading',
  pageDown: 'reading',
  pageUp: 'reading',
  toggleConversations: 'reading',
  nextInConversation: 'reading',
  previousInConversation: 'reading',
  toggleConversationMessage: 'reading',
  viewSource: 'reading',
  showHeaders: 'reading',
  saveMessage: 'reading',
  printMessage: 'reading',
  unsubscribe: 'reading',
  toggleSelect: 'selection',
  extendNext: 'selection',
  extendPrevious: 'selection',
  selectAll: 'selection',
  selectNone: 'selection',
  archive: 'triage',
  delete: 'triage',
  junk: 'triage',
  notJunk: 'triage',
  move: 'triage',
  toggleStar: 'triage',
  markRead: 'triage',
  markUnread: 'triage',
  toggleRead: 'triage',
  toggleTag1: 'triage',
  toggleTag2: 'triage',
  toggleTag3: 'triage',
  toggleTag4: 'triage',
  toggleTag5: 'triage',
  removeTags: 'triage',
  newTag: 'triage',
  undo: 'triage',
  compose: 'writing',
  reply: 'writing',
  replyAll: 'writing',
  forward: 'writing',
  send: 'writing',
  showOutbox: 'writing',
  goInbox: 'goTo',
  goSent: 'goTo',
  goDrafts: 'goTo',
  goTrash: 'goTo',
  goArchive: 'goTo',
  goToFolder: 'goTo',
  switchAccount: 'goTo',
  palette: 'app',
  search: 'app',
  shortcuts: 'app',
  nextPane: 'app',
  previousPane: 'app',
  syncNow: 'app',
  addAccount: 'app',
  openSettings: 'app',
  accountSettings: 'app',
  openEml: 'app',
  toggleDarkMode: 'app',
  toggleDensity: 'app',
  newFolder: 'folders',
  newSubfolder: 'folders',
  renameFolder: 'folders',
  moveFolder: 'folders',
  deleteFolder: 'folders',
  markFolderRead: 'folders',
  emptyTrash: 'folders',
  emptyJunk: 'folders',
  toggleFolderSync: 'folders',
  toggleSubscription: 'folders',
  syncWindow: 'folders',
  sortByDate: 'list',
  sortBySender: 'list',
  sortBySubject: 'list',
  sortBySize: 'list',
  reverseSort: 'list',
  filterUnread: 'list',
  filterStarred: 'list',
  filterAttachments: 'list',
};

export function actionGroup(action: ActionId): ActionGroup {
  return GROUP_OF[action];
}

export function actionScope(action: ActionId): ActionScope {
  if (action === 'send') return 'composer';
  if (action === 'palette' || action === 'nextPane' || action === 'previousPane') return 'global';
  return 'mail';
}

/** A shortcut in keymap notation; some differ by platform (Cmd+Ctrl+A has no Windows twin). */
export type BindingSpec = string | { mac: string; other: string };

export type PresetId = 'gmail' | 'outlook' | 'apple';
export const PRESET_IDS: readonly PresetId[] = ['gmail', 'outlook', 'apple'];
export const DEFAULT_PRESET: PresetId = 'gmail';

export function isPresetId(value: unknown): value is PresetId {
  return typeof value === 'string' && (PRESET_IDS as readonly string[]).includes(value);
}

type PresetBindings = Record<ActionId, readonly BindingSpec[]>;

/** What every preset shares: arrows, Enter/Escape, paging, panes, the palette, undo. */
const COMMON = {
  nextMessage: ['ArrowDown'],
  previousMessage: ['ArrowUp'],
  openMessage: ['Enter'],
  backToList: ['Escape'],
  pageDown: ['Space'],
  pageUp: ['Shift+Space'],
  extendNext: ['Shift+ArrowDown'],
  extendPrevious: ['Shift+ArrowUp'],
  undo: ['Mod+Z'],
  send: ['Mod+Enter'],
  palette: ['Mod+K'],
  shortcuts: ['?'],
  nextPane: ['F6'],
  previousPane: ['Shift+F6'],
  addAccount: [],
  switchAccount: [],
  openSettings: ['Mod+,'],
  accountSettings: [],
  // Mod+O opens the selected message in two presets; a file is Mod+Shift+O everywhere
  openEml: ['Mod+Shift+O'],
  // Save and print as every desktop app has them; Apple Mail's Cmd+Shift+H shows all headers.
  saveMessage: ['Mod+S'],
  printMessage: ['Mod+P'],
  showHeaders: ['Mod+Shift+H'],
  // None of the peers has a key for these: palette and settings only, unless the user adds one.
  toggleDarkMode: [],
  toggleDensity: [],
  unsubscribe: [],
  // Thunderbird's keys for its five tags (and 0 for none); no preset uses the digits otherwise.
  toggleTag1: ['1'],
  toggleTag2: ['2'],
  toggleTag3: ['3'],
  toggleTag4: ['4'],
  toggleTag5: ['5'],
  removeTags: ['0'],
  // Thunderbird has no key for a new tag either: the Tag menu and the palette.
  newTag: [],
  // Neither Outlook nor Apple Mail has a key for its Outbox; Gmail's "g" keys get one below.
  showOutbox: [],
  // Deleting a folder or moving it is rare and heavy: the palette and the context menu have it.
  newSubfolder: [],
  moveFolder: [],
  deleteFolder: [],
  // Selective sync is set once per folder or account; no client binds it to a key.
  toggleFolderSync: [],
  toggleSubscription: [],
  syncWindow: [],
  // Gmail, Outlook and Apple Mail have no keys of their own for these: the palette and the list
  // header reach them, and the settings can give them keys.
  sortByDate: [],
  sortBySender: [],
  sortBySubject: [],
  sortBySize: [],
  reverseSort: [],
  filterUnread: [],
  filterStarred: [],
  filterAttachments: [],
} satisfies Partial<PresetBindings>;

export const PRESETS: Record<PresetId, PresetBindings> = {
  // Gmail's single keys (https://support.google.com/mail/answer/6594).
  gmail: {
    ...COMMON,
    nextMessage: ['j', ...COMMON.nextMessage],
    previousMessage: ['k', ...COMMON.previousMessage],
    openMessage: ['Enter', 'o'],
    backToList: ['u', 'Escape'],
    toggleSelect: ['x'],
    extendNext: ['Shift+J', ...COMMON.extendNext],
    extendPrevious: ['Shift+K', ...COMMON.extendPrevious],
    selectAll: ['* a'],
    selectNone: ['* n'],
    archive: ['e'],
    delete: ['#', 'Delete', 'Backspace'],
    junk: ['!'],
    notJunk: [],
    move: ['v'],
    toggleStar: ['s'],
    markRead: ['Shift+I'],
    markUnread: ['Shift+U'],
    toggleRead: [],
    // Gmail's own n/p move inside a conversation; ; expands, Shift+C has no Gmail meaning
    toggleConversations: ['Shift+C'],
    nextInConversation: ['n'],
    previousInConversation: ['p'],
    toggleConversationMessage: [';'],
    undo: ['z', ...COMMON.undo],
    compose: ['c'],
    reply: ['r'],
    replyAll: ['a'],
    forward: ['f'],
    goInbox: ['g i'],
    goSent: ['g s'],
    goDrafts: ['g d'],
    goTrash: ['g t'],
    goArchive: ['g a'],
    goToFolder: ['g l'],
    showOutbox: ['g o'],
    search: ['/'],
    syncNow: [],
    viewSource: ['Mod+U'],
    newFolder: [],
    renameFolder: [],
    // Thunderbird's "mark folder read" is Shift+C, the conversation switch here; Gmail has none.
    markFolderRead: [],
    emptyTrash: [],
    emptyJunk: [],
  },
  // Outlook for Windows (and Mac, where Ctrl is Cmd).
  outlook: {
    ...COMMON,
    nextMessage: [...COMMON.nextMessage, 'Mod+.'],
    previousMessage: [...COMMON.previousMessage, 'Mod+,'],
    openMessage: ['Enter', 'Mod+O'],
    toggleSelect: [],
    selectAll: ['Mod+A'],
    selectNone: [],
    archive: ['Backspace'],
    delete: ['Delete'],
    junk: [],
    // Outlook: Ctrl+Alt+J, "Not Junk".
    notJunk: ['Mod+Alt+J'],
    move: ['Mod+Shift+V'],
    toggleStar: ['Insert'],
    markRead: ['Mod+Q'],
    markUnread: ['Mod+U'],
    toggleRead: [],
    toggleConversations: ['Mod+Alt+T'],
    nextInConversation: ['Alt+ArrowDown'],
    previousInConversation: ['Alt+ArrowUp'],
    toggleConversationMessage: ['Alt+Enter'],
    compose: ['Mod+N'],
    reply: ['Mod+R'],
    replyAll: ['Mod+Shift+R'],
    forward: ['Mod+F'],
    send: ['Mod+Enter', 'Alt+S'],
    goInbox: ['Mod+Shift+I'],
    goSent: [],
    goDrafts: [],
    goTrash: [],
    goArchive: [],
    goToFolder: ['Mod+Y'],
    search: ['Mod+E'],
    syncNow: ['F9'],
    openSettings: [],
    // Ctrl+U is Outlook's "mark unread".
    viewSource: ['Mod+Alt+U'],
    // Outlook: Ctrl+Shift+E new folder, F2 rename.
    newFolder: ['Mod+Shift+E'],
    renameFolder: ['F2'],
    markFolderRead: [],
    emptyTrash: [],
    emptyJunk: [],
  },
  // Apple Mail.
  apple: {
    ...COMMON,
    nextMessage: [...COMMON.nextMessage, 'Mod+]'],
    previousMessage: [...COMMON.previousMessage, 'Mod+['],
    openMessage: ['Enter', 'Mod+O'],
    toggleSelect: [],
    selectAll: ['Mod+A'],
    selectNone: [],
    archive: [{ mac: 'Cmd+Ctrl+A', other: 'Ctrl+Alt+A' }],
    delete: ['Backspace', 'Delete', 'Mod+Backspace'],
    junk: ['Mod+Shift+J'],
    notJunk: [],
    move: [{ mac: 'Cmd+Ctrl+M', other: 'Ctrl+Alt+M' }],
    toggleStar: ['Mod+Shift+L'],
    markRead: [],
    markUnread: [],
    toggleRead: ['Mod+Shift+U'],
    toggleConversations: ['Mod+Alt+T'],
    nextInConversation: ['Alt+ArrowDown'],
    previousInConversation: ['Alt+ArrowUp'],
    toggleConversationMessage: ['Alt+Enter'],
    compose: ['Mod+N'],
    reply: ['Mod+R'],
    replyAll: ['Mod+Shift+R'],
    forward: ['Mod+Shift+F'],
    send: ['Mod+Shift+D'],
    goInbox: ['Mod+1'],
    goSent: [],
    goDrafts: [],
    goTrash: [],
    goArchive: [],
    goToFolder: ['Mod+Shift+G'],
    search: ['Mod+Alt+F'],
    shortcuts: ['?', 'Mod+/'],
    syncNow: ['Mod+Shift+N'],
    // Apple Mail's View > Message > Raw Source.
    viewSource: ['Mod+Alt+U'],
    newFolder: [],
    renameFolder: [],
    markFolderRead: [],
    // Apple Mail: Mailbox > Erase Deleted Items, and Erase Junk Mail.
    emptyTrash: ['Mod+Shift+Backspace'],
    emptyJunk: ['Mod+Alt+J'],
  },
};

/** The user's changes: an action's shortcuts replaced (an empty list turns it off). */
export type KeymapOverrides = Partial<Record<ActionId, string[]>>;

export interface Binding {
  action: ActionId;
  sequence: Chord[];
  /** As written, for the settings editor. */
  notation: string;
}

export interface Keymap {
  preset: PresetId;
  platform: Platform;
  bindings: Binding[];
}

export interface ResolvedKeymap {
  keymap: Keymap;
  /** Overrides that could not be read, so the settings can say which. */
  invalid: { action: ActionId; notation: string }[];
}

function specFor(spec: BindingSpec, platform: Platform): string {
  return typeof spec === 'string' ? spec : spec[platform];
}

/**
 * The preset with the overrides applied. An overridden action keeps only the user's
 * shortcuts, and a shortcut the user gave to one action is taken away from every other one.
 */
export function resolveKeymap(preset: PresetId, overrides: KeymapOverrides, platform: Platform): ResolvedKeymap {
  const invalid: ResolvedKeymap['invalid'] = [];
  const fromUser: Binding[] = [];
  for (const action of ACTION_IDS) {
    const notations = overrides[action];
    if (!notations) continue;
    for (const notation of notations) {
      try {
        fromUser.push({ action, sequence: parseSequence(notation, platform), notation });
      } catch {
        invalid.push({ action, notation });
      }
    }
  }
  const taken = new Set(fromUser.map((binding) => sequenceId(binding.sequence)));
  const fromPreset: Binding[] = [];
  for (const action of ACTION_IDS) {
    if (overrides[action]) continue;
    for (const spec of PRESETS[preset][action]) {
      const notation = specFor(spec, platform);
      const sequence = parseSequence(notation, platform);
      if (taken.has(sequenceId(sequence))) continue;
      fromPreset.push({ action, sequence, notation });
    }
  }
  const order = new Map(ACTION_IDS.map((action, index) => [action, index]));
  const bindings = [...fromPreset, ...fromUser].sort((a, b) => (order.get(a.action) ?? 0) - (order.get(b.action) ?? 0));
  return { keymap: { preset, platform, bindings }, invalid };
}

export function bindingsOf(keymap: Keymap, action: ActionId): Binding[] {
  return keymap.bindings.filter((binding) => binding.action === action);
}

/**
 * Shortcuts that cannot all work: the same keys for two actions in one scope, or one
 * shortcut that is the start of another ("g" would swallow "g i").
 */
export function findConflicts(keymap: Keymap): [Binding, Binding][] {
  const out: [Binding, Binding][] = [];
  const bindings = keymap.bindings;
  for (let i = 0; i < bindings.length; i++) {
    for (let j = i + 1; j < bindings.length; j++) {
      const a = bindings[i]!;
      const b = bindings[j]!;
      const scopeA = actionScope(a.action);
      const scopeB = actionScope(b.action);
      // The composer's send only fires inside the composer, where nothing else does.
      if ((scopeA === 'composer') !== (scopeB === 'composer')) continue;
      const shorter = a.sequence.length <= b.sequence.length ? a : b;
      const longer = shorter === a ? b : a;
      const prefix = sequenceId(longer.sequence.slice(0, shorter.sequence.length));
      if (prefix === sequenceId(shorter.sequence)) out.push([a, b]);
    }
  }
  return out;
}
