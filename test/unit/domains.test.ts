// Addresses and domains for discovery: parsing an address (IDNA) and the registrable domain of an MX host.
import { describe, expect, it } from 'vitest';
import { isDomainName, parseEmailAddress, registrableDomain } from '../../electron/core/accounts/discovery/domains';

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
