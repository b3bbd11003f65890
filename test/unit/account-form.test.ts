import { describe, expect, it } from 'vitest';
import {
  accountFormProblems,
  emptyAccountForm,
  suggestedHost,
  toAccountSettings,
  withSecurity,
} from '../../renderer/accounts/account-form';

describe('add-account form', () => {
  it('suggests server names from the address until the user types them', () => {
    expect(suggestedHost('imap', 'ada@Example.com')).toBe('imap.example.com');
    expect(suggestedHost('smtp', 'nobody')).toBe('');
  });

  it('switches the standard port with the security, but keeps a custom one', () => {
    const imap = emptyAccountForm().imap;
    expect(withSecurity('imap', imap, 'starttls').port).toBe('143');
    expect(withSecurity('smtp', { host: '', port: '465', security: 'tls' }, 'starttls').port).toBe('587');
    expect(withSecurity('imap', { host: '', port: '10993', security: 'tls' }, 'starttls').port).toBe('10993');
  });

  it('names what is missing, in field order', () => {
    expect(accountFormProblems(emptyAccountForm())).toEqual(['email', 'password', 'imapHost', 'smtpHost']);
    const values = { ...emptyAccountForm(), email: 'ada@example.com', password: 'secret' };
    expect(accountFormProblems(values)).toEqual([]);
    expect(accountFormProblems({ ...values, imap: { ...values.imap, port: '70000' } })).toEqual(['imapPort']);
  });

  it('builds the settings the contract expects', () => {
    const settings = toAccountSettings({
      ...emptyAccountForm(),
      name: ' Ada Lovelace ',
      email: 'ada@example.com ',
      password: 'secret',
      smtp: { host: 'mail.example.com', port: '587', security: 'starttls' },
    });
    expect(settings).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      displayName: 'Ada Lovelace',
      username: 'ada@example.com',
      imap: { host: 'imap.example.com', port: 993, security: 'tls' },
      smtp: { host: 'mail.example.com', port: 587, security: 'starttls' },
    });
  });
});
