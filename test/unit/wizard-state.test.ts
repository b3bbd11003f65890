// The account wizard's rules without a screen: defaults from discovery or from the address,
// what is missing, the second confirmation for cleartext to another computer, and the
// settings that reach the contract.
import { describe, expect, it } from 'vitest';
import type { ConnectionTestResult, DiscoveryResult } from '../../shared/discovery';
import {
  authRefused,
  bothConnected,
  emptyIdentity,
  identityProblems,
  initialSourceStates,
  manualSettings,
  needsPlaintextConfirmation,
  outsideDomainToConfirm,
  settingsFromDiscovery,
  settingsProblems,
  sourceStatesFrom,
  toAccountSettings,
  toConnectionSettings,
  trustableCertificate,
  incomingForProtocol,
} from '../../renderer/wizard/wizard-state';

const discovered: DiscoveryResult = {
  email: 'ada@gmail.com',
  source: 'preset',
  settings: {
    username: 'ada@gmail.com',
    imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
    smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    imapAuth: [],
    smtpAuth: [],
    provider: { id: 'gmail', name: 'Gmail', appPassword: true },
    serverSavesSent: true,
  },
  outcomes: [
    { source: 'preset', state: 'found' },
    { source: 'autoconfig', state: 'skipped' },
    { source: 'well-known', state: 'skipped' },
    { source: 'ispdb', state: 'skipped' },
    { source: 'srv', state: 'skipped' },
    { source: 'mx-ispdb', state: 'skipped' },
    { source: 'guess', state: 'skipped' },
  ],
};

describe('the wizard’s first step', () => {
  it('wants an address (the password may come later)', () => {
    // no password is fine: the OAuth2 path needs none, the settings step asks for it otherwise
    expect(identityProblems(emptyIdentity())).toEqual(['email']);
    expect(identityProblems({ ...emptyIdentity(), email: 'ada@example.org' })).toEqual([]);
    expect(identityProblems({ ...emptyIdentity(), email: 'ada@example', password: 'x' })).toEqual(['email']);
    expect(identityProblems({ ...emptyIdentity(), email: ' ada@example.org ', password: 'x' })).toEqual([]);
  });
});

describe('settings', () => {
  it('start from what discovery found', () => {
    expect(settingsFromDiscovery(discovered, 'ada@gmail.com')).toEqual({
      protocol: 'imap',
      username: 'ada@gmail.com',
      imap: { host: 'imap.gmail.com', port: '993', security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: '465', security: 'tls' },
      plaintextConfirmed: false,
      outsideDomainConfirmed: false,
    });
  });

  it('start from the address when nothing was found or the user went manual', () => {
    const expected = {
      protocol: 'imap',
      username: 'ada@example.org',
      imap: { host: 'imap.example.org', port: '993', security: 'tls' },
      smtp: { host: 'smtp.example.org', port: '465', security: 'tls' },
      plaintextConfirmed: false,
      outsideDomainConfirmed: false,
    };
    expect(manualSettings('ada@example.org')).toEqual(expected);
    expect(settingsFromDiscovery({ ...discovered, source: null, settings: null }, 'ada@example.org')).toEqual(expected);
    expect(settingsFromDiscovery(null, 'ada@example.org')).toEqual(expected);
  });

  it('name what is missing or malformed', () => {
    const values = manualSettings('ada@example.org');
    expect(settingsProblems(values)).toEqual([]);
    expect(
      settingsProblems({
        ...values,
        username: ' ',
        imap: { ...values.imap, host: 'imap example', port: '0' },
        smtp: { ...values.smtp, host: 'https://smtp.example.org', port: '' },
      }),
    ).toEqual(['username', 'imapHost', 'imapPort', 'smtpHost', 'smtpPort']);
  });

  it('cleartext to another computer needs the explicit confirmation; to this computer it does not', () => {
    const values = manualSettings('ada@example.org');
    const plainRemote = { ...values, imap: { host: 'mail.example.org', port: '143', security: 'plain' as const } };
    expect(needsPlaintextConfirmation(plainRemote.imap)).toBe(true);
    expect(settingsProblems(plainRemote)).toEqual(['plaintext']);
    expect(settingsProblems({ ...plainRemote, plaintextConfirmed: true })).toEqual([]);
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]'])
      expect(needsPlaintextConfirmation({ host, port: '1143', security: 'plain' }), host).toBe(false);
    expect(needsPlaintextConfirmation({ host: 'mail.example.org', port: '143', security: 'starttls' })).toBe(false);
  });

  it('servers DNS named outside the address’s domain need a confirmation naming both domains', () => {
    const found = {
      ...discovered.settings!,
      imap: { host: 'mail.attacker.example', port: 993, security: 'tls' as const },
      smtp: { host: 'smtp.example.org', port: 465, security: 'tls' as const },
      outsideDomain: { addressDomain: 'example.org', imap: 'attacker.example' },
    };
    const values = settingsFromDiscovery({ ...discovered, source: 'srv', settings: found }, 'ada@example.org');
    expect(outsideDomainToConfirm(values, found)).toEqual({
      addressDomain: 'example.org',
      serverDomains: ['attacker.example'],
    });
    expect(settingsProblems(values, found)).toEqual(['outsideDomain']);
    expect(settingsProblems({ ...values, outsideDomainConfirmed: true }, found)).toEqual([]);
    // a host the user typed over is the user's choice: nothing left to confirm
    const typed = { ...values, imap: { ...values.imap, host: 'imap.example.org' } };
    expect(outsideDomainToConfirm(typed, found)).toBeNull();
    expect(settingsProblems(typed, found)).toEqual([]);
    // what a preset or the domain's own autoconfig found is never asked about
    expect(settingsProblems(settingsFromDiscovery(discovered, 'ada@gmail.com'), discovered.settings)).toEqual([]);
  });

  it('become the contract’s settings, trimmed and typed', () => {
    const identity = { name: ' Ada Lovelace ', email: ' ada@gmail.com ', password: 'pw', rememberPassword: true };
    const values = { ...settingsFromDiscovery(discovered, 'ada@gmail.com'), username: ' ada@gmail.com ' };
    expect(toConnectionSettings(values)).toEqual({
      username: 'ada@gmail.com',
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
    });
    expect(toAccountSettings(identity, values, discovered.settings)).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@gmail.com',
      displayName: 'Ada Lovelace',
      username: 'ada@gmail.com',
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
      serverSavesSent: true,
    });
    // edited away from the discovered servers: the provider's habits no longer apply
    const edited = { ...values, smtp: { ...values.smtp, host: 'smtp.elsewhere.example' } };
    expect(toAccountSettings(identity, edited, discovered.settings).serverSavesSent).toBeUndefined();
    expect(toAccountSettings({ ...identity, name: '' }, values, null).name).toBe('ada@gmail.com');
  });
});

describe('discovery progress and test results', () => {
  it('the result’s outcomes are final, whatever progress said', () => {
    expect(initialSourceStates().guess).toBe('waiting');
    expect(sourceStatesFrom(discovered)).toMatchObject({ preset: 'found', guess: 'skipped' });
  });

  it('say when the account can be added, when to ask the password again, and what to trust', () => {
    const certificate = {
      subject: 'CN=localhost',
      issuer: 'CN=Other CA',
      validFrom: 0,
      validTo: 1,
      fingerprint256: 'AB',
      altNames: [],
      problem: 'untrusted-issuer' as const,
    };
    const ok: ConnectionTestResult = { imap: { ok: true }, smtp: { ok: true } };
    const refused: ConnectionTestResult = {
      imap: { ok: false, kind: 'auth', message: 'no' },
      smtp: { ok: false, kind: 'not-tried', message: 'not tried' },
    };
    const untrusted: ConnectionTestResult = {
      imap: { ok: false, kind: 'tls-untrusted', message: 'cert', certificate },
      smtp: { ok: true },
    };
    expect(bothConnected(ok)).toBe(true);
    expect(bothConnected(refused)).toBe(false);
    expect(bothConnected(null)).toBe(false);
    expect(authRefused(refused)).toBe(true);
    expect(authRefused(untrusted)).toBe(false);
    expect(trustableCertificate(untrusted.imap)).toEqual(certificate);
    expect(trustableCertificate(refused.imap)).toBeNull();
    expect(trustableCertificate({ ok: false, kind: 'tls-changed', message: '', certificate })).toEqual(certificate);
  });
});

describe('POP3', () => {
  const pop3Only: DiscoveryResult = {
    ...discovered,
    source: 'autoconfig',
    settings: {
      ...discovered.settings!,
      provider: undefined,
      serverSavesSent: undefined,
      protocol: 'pop3',
      imap: { host: 'pop.example.org', port: 995, security: 'tls' },
    },
  };

  it('is chosen for the user where discovery found only POP3, and reaches the contract as POP3', () => {
    const values = settingsFromDiscovery(pop3Only, 'ada@example.org');
    expect(values.protocol).toBe('pop3');
    expect(values.imap).toEqual({ host: 'pop.example.org', port: '995', security: 'tls' });
    expect(toConnectionSettings(values).protocol).toBe('pop3');
    const account = toAccountSettings({ ...emptyIdentity(), email: 'ada@example.org', password: 'x' }, values, null);
    expect(account).toMatchObject({ protocol: 'pop3', imap: { host: 'pop.example.org', port: 995 } });
    // an IMAP account says nothing: IMAP is what an account without a protocol is
    expect(toConnectionSettings(manualSettings('ada@example.org')).protocol).toBeUndefined();
  });

  it('switching moves the incoming server to the found one, else to the usual name and port', () => {
    const manual = manualSettings('ada@example.org');
    expect(incomingForProtocol('pop3', manual, null)).toEqual({
      host: 'pop.example.org',
      port: '995',
      security: 'tls',
    });
    const pop3 = {
      ...manual,
      protocol: 'pop3' as const,
      imap: { host: 'pop3.example.org', port: '110', security: 'starttls' as const },
    };
    expect(incomingForProtocol('imap', pop3, null)).toEqual({ host: 'imap.example.org', port: '993', security: 'tls' });
    expect(incomingForProtocol('pop3', pop3, null)).toBe(pop3.imap);

    const both = { ...discovered.settings!, pop3: { host: 'pop.gmail.com', port: 995, security: 'tls' as const } };
    const fromGmail = settingsFromDiscovery({ ...discovered, settings: both }, 'ada@gmail.com');
    expect(incomingForProtocol('pop3', fromGmail, both)).toEqual({
      host: 'pop.gmail.com',
      port: '995',
      security: 'tls',
    });
    const backToImap = {
      ...fromGmail,
      protocol: 'pop3' as const,
      imap: { host: 'x', port: '1', security: 'tls' as const },
    };
    expect(incomingForProtocol('imap', backToImap, both)).toEqual({
      host: 'imap.gmail.com',
      port: '993',
      security: 'tls',
    });
    expect(incomingForProtocol('imap', settingsFromDiscovery(pop3Only, 'ada@example.org'), pop3Only.settings)).toEqual({
      host: 'imap.example.org',
      port: '993',
      security: 'tls',
    });
  });
});
