// The account form's values and saving them: only what changed is sent, a problem (an empty
// name) is shown once Save is pressed, and the saved account's values replace what was typed,
// so the form shows what the engine now holds.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import {
  type AccountSettingsValues,
  settingsChanges,
  settingsProblems,
  settingsValues,
} from '../accounts/account-settings-form';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import type { SaveOutcome } from './SubmitRow';

export interface AccountSettingsSave {
  values: AccountSettingsValues;
  change: (next: Partial<AccountSettingsValues>) => void;
  /** Whether anything differs from the account as saved. */
  dirty: boolean;
  busy: boolean;
  outcome: SaveOutcome;
  /** Set once Save was pressed with the name empty. */
  nameInvalid: boolean;
  save: (event: FormEvent) => Promise<void>;
}

export function useAccountSettingsSave(account: Account): AccountSettingsSave {
  const { t } = useTranslation();
  const transport = useTransport();
  const [values, setValues] = useState<AccountSettingsValues>(() => settingsValues(account));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const [showProblems, setShowProblems] = useState(false);

  const problems = settingsProblems(values);
  const changes = settingsChanges(account, values);
  const dirty = Object.keys(changes).length > 0;

  const change = (next: Partial<AccountSettingsValues>) => {
    setValues((previous) => ({ ...previous, ...next }));
    setOutcome(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    if (!dirty) return;
    setBusy(true);
    setOutcome(null);
    try {
      const saved = await transport.invoke('accounts.update', { accountId: account.id, ...changes });
      setValues(settingsValues(saved));
      setShowProblems(false);
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({
        kind: 'failed',
        message: t('accountSettings.saveFailed', { reason: errorMessage(error, t) ?? t('common.unknownError') }),
      });
    } finally {
      setBusy(false);
    }
  };

  return { values, change, dirty, busy, outcome, nameInvalid: showProblems && problems.includes('name'), save };
}
