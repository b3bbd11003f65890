// Recipient fields as people type and paste them.
import { describe, expect, it } from 'vitest';
import { formatAddress, formatAddressList, isValidAddress, parseAddressList } from '../../shared/address-parse';

describe('parsing recipient fields', () => {
  it('reads names, bare addresses and quoted names with commas', () => {
    expect(parseAddressList('Anna <anna@x.se>, b@y.com, "Doe, J" <j@z>')).toEqual({
      addresses: [
        { name: 'Anna', address: 'anna@x.se' },
        { name: '', address: 'b@y.com' },
        { name: 'Doe, J', address: 'j@z' },
      ],
      invalid: [],
    });
  });

  it('accepts semicolons, line breaks, comments, groups and mailto links', () => {
    const { addresses, invalid } = parseAddressList(
      'a@x.se; b@x.se\nc@x.se (Carl Ek), Team: d@x.se, e@x.se;, undisclosed-recipients:;, <mailto:f@x.se>',
    );
    expect(invalid).toEqual([]);
    expect(addresses).toEqual([
      { name: '', address: 'a@x.se' },
      { name: '', address: 'b@x.se' },
      { name: 'Carl Ek', address: 'c@x.se' },
      { name: '', address: 'd@x.se' },
      { name: '', address: 'e@x.se' },
      { name: '', address: 'f@x.se' },
    ]);
  });

  it('keeps an unquoted "Last, First" name together', () => {
    expect(parseAddressList('Doe, John <john@x.com>, b@y.com').addresses).toEqual([
      { name: 'Doe, John', address: 'john@x.com' },
      { name: '', address: 'b@y.com' },
    ]);
  });

  it('reads "Name address" without brackets', () => {
    expect(parseAddressList('Anna Svensson anna@x.se').addresses).toEqual([
      { name: 'Anna Svensson', address: 'anna@x.se' },
    ]);
  });

  it('reads internationalised addresses', () => {
    const { addresses, invalid } = parseAddressList(
      'Jörg <jörg@bücher.de>, 用户@例子.广告, "Ünal Öz" <ünal@exämple.com>, δοκιμή@παράδειγμα.δοκιμή, x@例子。广告',
    );
    expect(invalid).toEqual([]);
    expect(addresses.map((a) => a.address)).toEqual([
      'jörg@bücher.de',
      '用户@例子.广告',
      'ünal@exämple.com',
      'δοκιμή@παράδειγμα.δοκιμή',
      'x@例子.广告',
    ]);
    expect(addresses[2]!.name).toBe('Ünal Öz');
  });

  it('names each entry that is not an address, as typed', () => {
    const { addresses, invalid } = parseAddressList(
      'anna@, Bob, c@x.se, d@@x.se, e@x..se, "f g"@x.se, h@-x.se, i@1.2.3.4',
    );
    expect(addresses.map((a) => a.address)).toEqual(['c@x.se', '"f g"@x.se']);
    expect(invalid).toEqual(['anna@', 'Bob', 'd@@x.se', 'e@x..se', 'h@-x.se', 'i@1.2.3.4']);
  });

  it('rejects a no-break space pasted into an address', () => {
    expect(isValidAddress('an\u00a0na@x.se')).toBe(false);
  });

  it('accepts address literals and refuses impossible ones', () => {
    expect(isValidAddress('a@[192.168.0.1]')).toBe(true);
    expect(isValidAddress('a@[IPv6:2001:db8::1]')).toBe(true);
    expect(isValidAddress('a@[IPv6:::ffff:192.0.2.1]')).toBe(true);
    expect(isValidAddress('a@[300.1.1.1]')).toBe(false);
    expect(isValidAddress('a@[IPv6:::::]')).toBe(false);
    expect(isValidAddress('a@[IPv6:1:2:3:4:5:6:7:8:9]')).toBe(false);
    expect(isValidAddress('a@[example.com]')).toBe(false);
  });

  it('enforces the length limits in octets', () => {
    expect(isValidAddress(`${'a'.repeat(64)}@x.se`)).toBe(true);
    expect(isValidAddress(`${'a'.repeat(65)}@x.se`)).toBe(false);
    expect(isValidAddress(`${'ö'.repeat(33)}@x.se`)).toBe(false);
  });

  it('ignores empty entries', () => {
    expect(parseAddressList(' , ;\n')).toEqual({ addresses: [], invalid: [] });
  });
});

describe('formatting addresses', () => {
  it('quotes names that need it and round-trips through the parser', () => {
    const list = [
      { name: 'Doe, J', address: 'j@z' },
      { name: 'Anna', address: 'anna@x.se' },
      { name: 'Say "hi"', address: 'q@x.se' },
      { name: '', address: 'b@y.com' },
      { name: 'Jörg', address: 'jörg@bücher.de' },
    ];
    const text = formatAddressList(list);
    expect(text).toBe('"Doe, J" <j@z>, Anna <anna@x.se>, "Say \\"hi\\"" <q@x.se>, b@y.com, Jörg <jörg@bücher.de>');
    expect(parseAddressList(text)).toEqual({ addresses: list, invalid: [] });
  });

  it('leaves out a name that only repeats the address', () => {
    expect(formatAddress({ name: 'a@x.se', address: 'a@x.se' })).toBe('a@x.se');
  });
});
