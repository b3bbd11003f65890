// The context menu of messages: the same commands as the toolbar, the keymap and the palette
// (use-app-commands.ts), in one list. An action someone adds to the commands (tags, view
// source, unsubscribe) appears in the menu by adding its id here.
import type { TFunction } from 'i18next';
import type { ActionId } from '../keyboard/keymap';
import type { MenuItem } from '../ui/ContextMenu';
import type { IconName } from '../ui/Icon';
import type { Commands } from './use-app-commands';

export const MESSAGE_MENU_ACTIONS: readonly ActionId[] = [
  'reply',
  'replyAll',
  'forward',
  'archive',
  'move',
  'junk',
  'notJunk',
  'toggleStar',
  'markRead',
  'markUnread',
  'delete',
];

const ICONS: Partial<Record<ActionId, IconName>> = {
  reply: 'reply',
  replyAll: 'replyAll',
  forward: 'forward',
  archive: 'archive',
  move: 'move',
  junk: 'junk',
  notJunk: 'inbox',
  toggleStar: 'star',
  markRead: 'mailOpen',
  markUnread: 'mail',
  delete: 'trash',
};

/** Only what can run on these messages: "Reply" is left out for several, "Not junk" outside Junk. */
export function messageMenuItems(commands: Commands, t: TFunction): MenuItem[] {
  return MESSAGE_MENU_ACTIONS.filter((action) => commands[action].enabled).map((action) => ({
    id: action,
    label: t(`actions.${action}`),
    icon: ICONS[action] ?? null,
    separated: action === 'delete',
    run: () => commands[action].run(),
  }));
}
