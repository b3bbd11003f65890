// The account settings form's rules: the intervals offered, what counts as a problem, and that
// only what the user changed is sent (trimmed as the engine keeps it).
import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import { testAccountSettings } from '../support/store-fixtures';
import {
  SYNC_INTERVAL_CHOICES,
  settingsChanges,
  settingsProblems,
  settingsValues,
  syncIntervalChoices,
} from '../../renderer/accounts/account-settings-form';

const account: Account = {
  ...testAccountSettings,
  id: 'a',
  createdAt: 1,
  signature: 'Ada',
  syncIntervalSeconds: 300,
  remoteImages: 'ask',
};

describe('account settings form', () => {
  it('offers 1, 5, 15 and 30 minutes, and keeps an interval set elsewhere selectable', () => {
    expect(SYNC_INTERVAL_CHOICES).toEqual([60, 300, 900, 1800]);
    expect(syncIntervalChoices(300)).toEqual([60, 300, 900, 1800]);
    expect(syncIntervalChoices(2)).toEqual([2, 60, 300, 900, 1800]);
    expect(syncIntervalChoices(3600)).toEqual([60, 300, 900, 1800, 3600]);
  });

  it('starts from the account, with the defaults of an account that never set them', () => {
    expect(settingsValues(account)).toEqual({
      name: 'Test',
      displayName: 'A',
      signature: 'Ada',
      signaturePlacement: 'above',
      syncIntervalSeconds: 300,
      remoteImages: 'ask',
    });
    const bare = { ...account, signature: undefined, syncIntervalSeconds: undefined, remoteImages: undefined };
    expect(settingsValues(bare)).toMatchObject({ signature: '', syncIntervalSeconds: 60, remoteImages: 'ask' });
  });

  it('sends only what changed, trimmed, and refuses an empty account name', () => {
    const values = settingsValues(account);
    expect(settingsChanges(account, values)).toEqual({});
    expect(settingsChanges(account, { ...values, name: '  Test  ', signature: 'Ada\n\n' })).toEqual({});
    expect(
      settingsChanges(account, { ...values, displayName: ' Ada L ', remoteImages: 'always', signature: '' }),
    ).toEqual({ displayName: 'Ada L', remoteImages: 'always', signature: '' });
    // the placement is sent only when the user changes it
    expect(settingsChanges(account, { ...values, signaturePlacement: 'below' })).toEqual({
      signaturePlacement: 'below',
    });
    expect(settingsProblems({ ...values, name: '   ' })).toEqual(['name']);
    expect(settingsProblems(values)).toEqual([]);
  });
});
