// The account settings form as data: the values it edits, the sync intervals it offers, what is
// wrong with the values, and the changes to send (only what differs from the account).
import type { Account, RemoteImagesPolicy } from '../../shared/domain';
import type { SignaturePlacement } from '../../shared/signature';
import { storableSignature } from '../settings/signature-html';

export interface AccountSettingsValues {
  name: string;
  displayName: string;
  signature: string;
  signaturePlacement: SignaturePlacement;
  syncIntervalSeconds: number;
  remoteImages: RemoteImagesPolicy;
}

/** What accounts.update takes besides the account id. */
export type AccountSettingsChanges = Partial<AccountSettingsValues>;

/** Every 1, 5, 15 and 30 minutes; the open folder is watched with IDLE whatever the choice. */
export const SYNC_INTERVAL_CHOICES: readonly number[] = [60, 300, 900, 1800];

const DEFAULT_INTERVAL = 60;

/** The choices, with the account's current interval added when it is none of them. */
export function syncIntervalChoices(current: number): number[] {
  return SYNC_INTERVAL_CHOICES.includes(current)
    ? [...SYNC_INTERVAL_CHOICES]
    : [...SYNC_INTERVAL_CHOICES, current].sort((a, b) => a - b);
}

export function settingsValues(account: Account): AccountSettingsValues {
  return {
    name: account.name,
    displayName: account.displayName,
    signature: account.signature ?? '',
    signaturePlacement: account.signaturePlacement ?? 'above',
    syncIntervalSeconds: account.syncIntervalSeconds ?? DEFAULT_INTERVAL,
    remoteImages: account.remoteImages ?? 'ask',
  };
}

export type AccountSettingsProblem = 'name';

export function settingsProblems(values: AccountSettingsValues): AccountSettingsProblem[] {
  return values.name.trim() ? [] : ['name'];
}

/** Only the fields that differ from the account, trimmed as the engine stores them. */
export function settingsChanges(account: Account, values: AccountSettingsValues): AccountSettingsChanges {
  const saved = settingsValues(account);
  const next: AccountSettingsValues = {
    ...values,
    name: values.name.trim(),
    displayName: values.displayName.trim(),
    // Trailing blank lines only; the signature's own layout stays.
    signature: storableSignature(values.signature),
  };
  const changes: AccountSettingsChanges = {};
  for (const key of Object.keys(next) as (keyof AccountSettingsValues)[])
    if (next[key] !== saved[key]) Object.assign(changes, { [key]: next[key] });
  return changes;
}
