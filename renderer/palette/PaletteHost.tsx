// Builds the palette's entries only while it is open (they depend on folders and commands).
import type { Account, Mailbox } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import type { Commands } from '../app/use-app-commands';
import type { Keymap } from '../keyboard/keymap';
import type { UnifiedRole } from '../message-list/list-source';
import { CommandPalette } from './CommandPalette';
import type { PaletteMode } from './palette-items';
import { usePaletteEntries } from './use-palette-entries';

interface PaletteHostProps {
  mode: PaletteMode;
  commands: Commands;
  keymap: Keymap;
  accounts: readonly Account[];
  mailboxes: readonly Mailbox[];
  current: Mailbox | null;
  moveCount: number;
  onGoToFolder: (mailbox: Mailbox) => void;
  onGoToUnified?: (role: UnifiedRole) => void;
  onMove: (mailbox: Mailbox) => void;
  onSwitchAccount: (account: Account) => void;
  onClose: () => void;
}

export function PaletteHost(props: PaletteHostProps) {
  const locale = useLocale();
  const entries = usePaletteEntries({ ...props, locale });
  return (
    <CommandPalette
      entries={entries}
      initialMode={props.mode}
      moveCount={props.moveCount}
      keymap={props.keymap}
      onClose={props.onClose}
    />
  );
}
