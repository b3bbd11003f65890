// The bundled provider presets: which domains and MX hosts they answer for, and the findings they give.
import { describe, expect, it } from 'vitest';
import {
  findingFromPreset,
  PRESETS,
  presetForDomain,
  presetForMxDomain,
  providerForHost,
} from '../../electron/core/accounts/discovery/presets';

describe('bundled presets', () => {
  it('cover the big providers by domain', () => {
    const cases: [string, string, string, number][] = [
      ['gmail.com', 'gmail', 'imap.gmail.com', 993],
      ['googlemail.com', 'gmail', 'imap.gmail.com', 993],
      ['outlook.com', 'outlook', 'outlook.office365.com', 993],
      ['hotmail.com', 'outlook', 'outlook.office365.com', 993],
      ['live.com', 'outlook', 'outlook.office365.com', 993],
      ['yahoo.com', 'yahoo', 'imap.mail.yahoo.com', 993],
      ['icloud.com', 'icloud', 'imap.mail.me.com', 993],
      ['me.com', 'icloud', 'imap.mail.me.com', 993],
      ['mac.com', 'icloud', 'imap.mail.me.com', 993],
      ['fastmail.com', 'fastmail', 'imap.fastmail.com', 993],
      ['gmx.de', 'gmx-de', 'imap.gmx.net', 993],
      ['gmx.com', 'gmx-com', 'imap.gmx.com', 993],
      ['web.de', 'webde', 'imap.web.de', 993],
      ['mailbox.org', 'mailbox-org', 'imap.mailbox.org', 993],
      ['zoho.com', 'zoho', 'imap.zoho.com', 993],
      ['aol.com', 'aol', 'imap.aol.com', 993],
      ['yandex.ru', 'yandex', 'imap.yandex.com', 993],
      ['proton.me', 'proton', '127.0.0.1', 1143],
    ];
    for (const [domain, id, host, port] of cases) {
      const preset = presetForDomain(domain);
      expect(preset?.id, domain).toBe(id);
      expect(preset?.imap, domain).toMatchObject({ host, port });
    }
    expect(presetForDomain('GMAIL.COM ')?.id).toBe('gmail');
    expect(presetForDomain('example.org')).toBeNull();
  });

  it('never offer cleartext, and every preset is complete', () => {
    for (const preset of PRESETS) {
      expect(preset.imap.security, preset.id).not.toBe('plain');
      expect(preset.smtp.security, preset.id).not.toBe('plain');
      expect(preset.domains.length + preset.mxDomains.length, preset.id).toBeGreaterThan(0);
    }
    const domains = PRESETS.flatMap((p) => p.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('carry what the wizard says about the provider', () => {
    const address = { email: 'ada@gmail.com', localPart: 'ada', domain: 'gmail.com' };
    expect(findingFromPreset(presetForDomain('gmail.com')!, address, 'Gmail')).toMatchObject({
      username: 'ada@gmail.com',
      provider: { id: 'gmail', name: 'Gmail', appPassword: true },
      serverSavesSent: true,
    });
    expect(presetForDomain('proton.me')?.note).toBe('proton-bridge');
    expect(presetForDomain('outlook.com')?.note).toBe('oauth-only');
    for (const domain of ['gmail.com', 'icloud.com', 'yahoo.com', 'fastmail.com', 'outlook.com'])
      expect(presetForDomain(domain)?.appPassword, domain).toBe(true);
  });

  it('recognise hosted custom domains by their MX, and providers by server name', () => {
    expect(presetForMxDomain('google.com')?.id).toBe('gmail');
    expect(presetForMxDomain('outlook.com')?.id).toBe('microsoft365');
    expect(presetForMxDomain('messagingengine.com')?.id).toBe('fastmail');
    expect(presetForMxDomain('example.org')).toBeNull();
    expect(providerForHost('smtp.gmail.com')?.name).toBe('Gmail');
    expect(providerForHost('IMAP.MAIL.ME.COM.')?.id).toBe('icloud');
    expect(providerForHost('127.0.0.1')).toBeNull();
    expect(providerForHost('mail.example.org')).toBeNull();
  });
});
