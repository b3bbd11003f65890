// The account settings form's rules: the intervals offered, what counts as a problem, and that
// only what the user changed is sent (trimmed as the engine keeps it); and where the composer
// puts the signature.
import { describe, expect, it } from 'vitest';
import type { Account } from '../../shared/domain';
import {
  SYNC_INTERVAL_CHOICES,
  settingsChanges,
  settingsProblems,
  settingsValues,
  syncIntervalChoices,
} from '../../renderer/accounts/account-settings-form';
import { withPlainSignature } from '../../shared/signature';
import { emptyDraft } from '../../renderer/composer/compose-draft';
import { withSignature } from '../../renderer/composer/signed-draft';
import { testAccountSettings } from '../support/store-fixtures';

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
    expect(settingsProblems({ ...values, name: '   ' })).toEqual(['name']);
    expect(settingsProblems(values)).toEqual([]);
  });
});

describe('the signature in a body the composer builds', () => {
  it('goes below the room to write and above a quote, as compose.prepare lays it out', () => {
    expect(withPlainSignature('', 'Ada\nEngines')).toBe('\n\n-- \nAda\nEngines\n');
    expect(withPlainSignature('\n\nOn Monday, B wrote:\n> hi\n', 'Ada')).toBe(
      '\n\n-- \nAda\n\nOn Monday, B wrote:\n> hi\n',
    );
    // a delimiter typed into the signature is not doubled; no signature leaves the body alone
    expect(withPlainSignature('', '-- \nAda')).toBe('\n\n-- \nAda\n');
    expect(withPlainSignature('\n\n> hi\n', '  ')).toBe('\n\n> hi\n');
    expect(withPlainSignature('', undefined)).toBe('');
  });
});

describe('the signature in a new rich-text draft', () => {
  it('is escaped HTML below the room to write, and plain drafts get the plain form', () => {
    const html = withSignature(emptyDraft(null, 'html'), 'Ada <Engines>\nLondon & co');
    expect(html.body).toBe('<p><br></p><div class="signature">-- <br>Ada &lt;Engines&gt;<br>London &amp; co</div>');
    expect(withSignature(emptyDraft(null, 'plain'), 'Ada').body).toBe('\n\n-- \nAda\n');
    expect(withSignature(emptyDraft(null, 'html'), '  ').body).toBe('');
  });
});
