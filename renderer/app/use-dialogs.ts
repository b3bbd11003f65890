// The one dialog open over the window at a time (account wizard, settings, password, command
// palette, shortcut overlay), and the rule that a profile with no account asks for one, once.
// The openers are stable: the sidebar and status bar they are handed to are memoized.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Account, AccountId } from '../../shared/domain';
import type { PaletteMode } from '../palette/palette-items';
import type { SettingsTab } from '../settings/SettingsDialog';

export type OpenDialog =
  | { kind: 'addAccount' }
  | { kind: 'settings'; tab?: SettingsTab; accountId?: AccountId | null }
  | { kind: 'password'; account: Account }
  | { kind: 'palette'; mode: PaletteMode }
  | { kind: 'shortcuts' }
  | { kind: 'outbox' }
  | null;

export interface DialogOpeners {
  addAccount: () => void;
  settings: () => void;
  /** The settings' Accounts tab, on this account. */
  accountSettings: (accountId: AccountId | undefined) => void;
  password: (account: Account) => void;
  palette: (mode: PaletteMode) => void;
  toggleShortcuts: () => void;
  outbox: () => void;
  close: () => void;
}

/** `loadedAccounts`: null until the accounts are read. */
export function useDialogs(loadedAccounts: readonly Account[] | null): { dialog: OpenDialog; open: DialogOpeners } {
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const askedForAccount = useRef(false);
  useEffect(() => {
    if (loadedAccounts && loadedAccounts.length === 0 && !askedForAccount.current) {
      askedForAccount.current = true;
      setDialog({ kind: 'addAccount' });
    }
  }, [loadedAccounts]);

  const open = useMemo<DialogOpeners>(
    () => ({
      addAccount: () => setDialog({ kind: 'addAccount' }),
      settings: () => setDialog({ kind: 'settings' }),
      accountSettings: (accountId) => setDialog({ kind: 'settings', tab: 'accounts', accountId }),
      password: (account) => setDialog({ kind: 'password', account }),
      palette: (mode) => setDialog({ kind: 'palette', mode }),
      toggleShortcuts: () => setDialog((shown) => (shown?.kind === 'shortcuts' ? null : { kind: 'shortcuts' })),
      outbox: () => setDialog({ kind: 'outbox' }),
      close: () => setDialog(null),
    }),
    [],
  );
  return { dialog, open };
}
