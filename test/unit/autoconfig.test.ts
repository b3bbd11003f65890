// Reading Thunderbird autoconfig files: every field, the placeholders, IMAP over POP3, the
// best-secured server, and files that are not what they claim.
import { describe, expect, it } from 'vitest';
import {
  bestServer,
  fillPlaceholders,
  findingFromAutoconfig,
  parseAutoconfig,
  type AutoconfigServer,
} from '../../electron/core/accounts/discovery/autoconfig';

const address = { email: 'Ada.Lovelace@Example.org', localPart: 'Ada.Lovelace', domain: 'example.org' };

/** Shaped like real ISPDB entries: POP3 before IMAP, several SMTP servers, OAuth2 next to passwords. */
const ISPDB_STYLE = `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="example.org">
    <domain>example.org</domain>
    <domain>example.net</domain>
    <displayName>Example Mail</displayName>
    <displayShortName>Example</displayShortName>
    <incomingServer type="pop3">
      <hostname>pop.example.org</hostname>
      <port>995</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.%EMAILDOMAIN%</hostname>
      <port>143</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>imap.example.org</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.org</hostname>
      <port>25</port>
      <socketType>plain</socketType>
      <authentication>password-cleartext</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.org</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>password-encrypted</authentication>
    </outgoingServer>
    <documentation url="https://example.org/help">
      <descr lang="en">Setup</descr>
    </documentation>
  </emailProvider>
  <oAuth2>
    <issuer>accounts.example.org</issuer>
  </oAuth2>
</clientConfig>`;

describe('autoconfig files', () => {
  it('reads every server with its fields', () => {
    const document = parseAutoconfig(ISPDB_STYLE);
    expect(document.providerId).toBe('example.org');
    expect(document.displayName).toBe('Example Mail');
    expect(document.domains).toEqual(['example.org', 'example.net']);
    expect(document.incoming.map((s) => `${s.type} ${s.hostname}:${s.port} ${s.security}`)).toEqual([
      'pop3 pop.example.org:995 tls',
      'imap imap.%EMAILDOMAIN%:143 starttls',
      'imap imap.example.org:993 tls',
    ]);
    expect(document.incoming[2]!.auth).toEqual(['oauth2', 'password-cleartext']);
    expect(document.outgoing.map((s) => s.security)).toEqual(['plain', 'starttls']);
    expect(document.outgoing[1]!.auth).toEqual(['password-encrypted']);
  });

  it('prefers IMAP, the best-secured entry, and fills in the placeholders', () => {
    const finding = findingFromAutoconfig(parseAutoconfig(ISPDB_STYLE), address, 'autoconfig.example.org');
    expect(finding).toMatchObject({
      imap: { host: 'imap.example.org', port: 993, security: 'tls', auth: ['oauth2', 'password-cleartext'] },
      smtp: { host: 'smtp.example.org', port: 587, security: 'starttls' },
      username: 'Ada.Lovelace',
      provider: { id: 'example.org', name: 'Example Mail', appPassword: false },
      detail: 'autoconfig.example.org',
    });
    expect(finding?.provider?.note).toBeUndefined();
  });

  it('replaces every placeholder, in any case', () => {
    expect(fillPlaceholders('%EMAILLOCALPART%@%emaildomain% (%EMAILADDRESS%)', address)).toBe(
      'Ada.Lovelace@example.org (Ada.Lovelace@Example.org)',
    );
    const placeholderHost = ISPDB_STYLE.replace(
      /<incomingServer type="imap">\s*<hostname>imap\.example\.org[\s\S]*?<\/incomingServer>/,
      '',
    );
    const finding = findingFromAutoconfig(parseAutoconfig(placeholderHost), address, '');
    expect(finding?.imap).toMatchObject({ host: 'imap.example.org', port: 143, security: 'starttls' });
  });

  it('a POP3-only file gives no IMAP server', () => {
    const popOnly = ISPDB_STYLE.replace(/<incomingServer type="imap">[\s\S]*?<\/incomingServer>/g, '');
    const finding = findingFromAutoconfig(parseAutoconfig(popOnly), address, '');
    expect(finding?.imap).toBeUndefined();
    expect(finding?.smtp?.port).toBe(587);
  });

  it('notes a provider that allows OAuth2 only', () => {
    const oauthOnly = ISPDB_STYLE.replace(
      /<authentication>password-cleartext<\/authentication>\s*<\/incomingServer>\s*<outgoingServer/,
      '</incomingServer><outgoingServer',
    );
    const finding = findingFromAutoconfig(parseAutoconfig(oauthOnly), address, '');
    expect(finding?.imap?.auth).toEqual(['oauth2']);
    expect(finding?.provider?.note).toBe('oauth-only');
  });

  it('skips entries it cannot use: bad ports, unknown socket types, hostile host names', () => {
    const xml = `<clientConfig><emailProvider id="x">
      <incomingServer type="imap"><hostname>imap.x.org</hostname><port>99999</port><socketType>SSL</socketType></incomingServer>
      <incomingServer type="imap"><hostname>imap.x.org</hostname><port>993</port><socketType>TLS1.3</socketType></incomingServer>
      <incomingServer type="imap"><hostname>evil.org/path?</hostname><port>993</port><socketType>SSL</socketType></incomingServer>
      <incomingServer type="imap"><hostname>imap.x.org</hostname><port>143</port><socketType>STARTTLS</socketType></incomingServer>
      <incomingServer type="exchange"><hostname>ews.x.org</hostname><port>443</port><socketType>SSL</socketType></incomingServer>
    </emailProvider></clientConfig>`;
    const document = parseAutoconfig(xml);
    expect(document.incoming).toHaveLength(1);
    expect(document.incoming[0]).toMatchObject({ hostname: 'imap.x.org', port: 143, security: 'starttls' });
    expect(document.outgoing).toEqual([]);
  });

  it('refuses what is not an autoconfig file', () => {
    expect(() => parseAutoconfig('<html><body>Not found</body></html>')).toThrow(/Not an autoconfig file/);
    expect(() => parseAutoconfig('<clientConfig/>')).toThrow(/emailProvider/);
    expect(() => parseAutoconfig('{"json": true}')).toThrow();
    expect(() => parseAutoconfig('<!DOCTYPE x><clientConfig/>')).toThrow(/DOCTYPE/);
  });

  it('ranks by security, then by whether a password works, then by order', () => {
    const server = (over: Partial<AutoconfigServer>): AutoconfigServer => ({
      type: 'imap',
      hostname: 'h',
      port: 1,
      security: 'starttls',
      username: null,
      auth: [],
      otherAuth: [],
      ...over,
    });
    const plain = server({ hostname: 'plain', security: 'plain' });
    const oauth = server({ hostname: 'oauth', security: 'tls', auth: ['oauth2'] });
    const password = server({ hostname: 'password', security: 'tls', auth: ['password-cleartext'] });
    const gssapi = server({ hostname: 'gssapi', security: 'tls', otherAuth: ['GSSAPI'] });
    expect(bestServer([plain, oauth, password])?.hostname).toBe('password');
    expect(bestServer([plain, gssapi, oauth])?.hostname).toBe('gssapi');
    expect(bestServer([plain])?.hostname).toBe('plain');
    expect(bestServer([])).toBeNull();
  });
});
