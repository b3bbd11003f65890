// The offline parts of discovery: the bundled presets, SRV record choice (RFC 6186 / 8314),
// address parsing and the registrable domain of an MX host.
import { describe, expect, it } from 'vitest';
import { isDomainName, parseEmailAddress, registrableDomain } from '../../electron/core/accounts/discovery/domains';
import {
  findingFromPreset,
  PRESETS,
  presetForDomain,
  presetForMxDomain,
  providerForHost,
} from '../../electron/core/accounts/discovery/presets';
import { pickSrv, srvFinding } from '../../electron/core/accounts/discovery/srv';
import type { DnsResolver, SrvRecord } from '../../electron/core/accounts/discovery/types';

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

const srv = (name: string, port: number, priority = 0, weight = 0): SrvRecord => ({ name, port, priority, weight });

describe('SRV records', () => {
  it('lowest priority first, implicit TLS first at equal priority, then highest weight', () => {
    expect(
      pickSrv([
        { records: [srv('b.example.org', 993, 10)], security: 'tls' },
        { records: [srv('a.example.org', 143, 5)], security: 'starttls' },
      ]),
    ).toMatchObject({ host: 'a.example.org', port: 143, security: 'starttls' });
    expect(
      pickSrv([
        { records: [srv('tls.example.org', 993, 0)], security: 'tls' },
        { records: [srv('starttls.example.org', 143, 0)], security: 'starttls' },
      ]),
    ).toMatchObject({ host: 'tls.example.org', security: 'tls' });
    expect(
      pickSrv([
        { records: [srv('light.example.org', 993, 0, 1), srv('heavy.example.org.', 993, 0, 50)], security: 'tls' },
      ]),
    ).toMatchObject({ host: 'heavy.example.org' });
  });

  it('a target of "." means the service is not offered', () => {
    expect(pickSrv([{ records: [srv('.', 0)], security: 'tls' }])).toBeNull();
    expect(
      pickSrv([
        { records: [srv('.', 0)], security: 'tls' },
        { records: [srv('imap.example.org', 143)], security: 'starttls' },
      ]),
    ).toMatchObject({ host: 'imap.example.org', security: 'starttls' });
  });

  it('port 465 or 993 is implicit TLS whatever the service name says', () => {
    expect(pickSrv([{ records: [srv('smtp.example.org', 465)], security: 'starttls' }])?.security).toBe('tls');
  });

  it('asks for all four services of the domain', async () => {
    const asked: string[] = [];
    const dns: DnsResolver = {
      resolveSrv: async (name) => {
        asked.push(name);
        if (name === '_imaps._tcp.example.org') return [srv('mail.example.org', 993)];
        if (name === '_submission._tcp.example.org') return [srv('mail.example.org', 587)];
        return [];
      },
      resolveMx: async () => [],
      lookup: async () => '127.0.0.1',
    };
    expect(await srvFinding('example.org', dns)).toMatchObject({
      imap: { host: 'mail.example.org', port: 993, security: 'tls' },
      smtp: { host: 'mail.example.org', port: 587, security: 'starttls' },
    });
    expect(asked.sort()).toEqual([
      '_imap._tcp.example.org',
      '_imaps._tcp.example.org',
      '_submission._tcp.example.org',
      '_submissions._tcp.example.org',
    ]);
  });
});

describe('addresses and domains', () => {
  it('parses an address, with the domain lower-cased and in IDNA form', () => {
    expect(parseEmailAddress(' Ada@Example.ORG ')).toEqual({
      email: 'Ada@Example.ORG',
      localPart: 'Ada',
      domain: 'example.org',
    });
    expect(parseEmailAddress('björn@bücher.example')?.domain).toBe('xn--bcher-kva.example');
    for (const bad of ['', 'ada', '@example.org', 'ada@', 'ada@localhost', 'a b@example.org', 'ada@exa mple.org'])
      expect(parseEmailAddress(bad), bad).toBeNull();
    expect(isDomainName('-bad.example')).toBe(false);
  });

  it('finds the registrable domain of an MX host', () => {
    expect(registrableDomain('aspmx.l.google.com.')).toBe('google.com');
    expect(registrableDomain('example-org.mail.protection.outlook.com')).toBe('outlook.com');
    expect(registrableDomain('mx1.mail.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('example.org')).toBe('example.org');
  });
});
