// The address policy's details that the fetcher's tests do not reach: IPv6 spellings, and
// what is not an address at all.
import { describe, expect, it } from 'vitest';
import { forbiddenAddress, parseIPv6 } from '../../electron/core/remote/address-policy';

describe('address policy details', () => {
  it('parses the IPv6 spellings it judges', () => {
    expect(parseIPv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIPv6('[fe80::1%eth0]')).toEqual([0xfe80, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(parseIPv6('not-ipv6')).toBeNull();
  });

  it('refuses what is not an address at all', () => {
    expect(forbiddenAddress('example.com')).toBe('not-an-ip');
    expect(forbiddenAddress('93.184.216.34')).toBeNull();
  });
});

// Every IPv6 form that a gateway or tunnel turns into a private or loopback IPv4 host is refused
// like that host, and the public neighbours of each range still pass.
describe('forbiddenAddress: IPv6 spellings that reach an IPv4 host', () => {
  it.each([
    // IPv4-mapped ::ffff:0:0/96
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    // IPv4-translated ::ffff:0:0:0/96 (SIIT): the translator delivers to the IPv4 address
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['0:0:0:0:ffff:0:c0a8:101', 'private'],
    ['::ffff:0:a9fe:a9fe', 'link-local'],
    // NAT64 well-known prefix 64:ff9b::/96
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::192.168.0.1', 'private'],
    // the rest of 64:ff9b::/32 is not the well-known prefix; local-use NAT64 64:ff9b:1::/48
    // may embed the IPv4 address anywhere, so none of it is trusted
    ['64:ff9b:1::10.0.0.1', 'reserved'],
    ['64:ff9b:1:a00:1::', 'reserved'],
    ['64:ff9b:1::8.8.8.8', 'reserved'],
    ['64:ff9b:0:0:1::a00:1', 'reserved'],
    // 6to4 2002::/16 with a private, loopback or reserved IPv4 address
    ['2002:c0a8:101::1', 'private'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a00:1::', 'private'],
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['2002:0:1::1', 'unspecified'],
    // Teredo 2001:0::/32: the client's IPv4 address travels obfuscated, so the range is refused
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'],
    ['2001::ffff:ffff', 'reserved'],
    ['2001:0:7f00:1::', 'reserved'],
    // ISATAP interface identifiers carry the IPv4 tunnel end point
    ['2001:db9::5efe:10.0.0.1', 'private'],
    ['2001:db9::200:5efe:127.0.0.1', 'loopback'],
    // IPv4-compatible ::/96 (deprecated)
    ['::10.0.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
  ])('%s is refused (%s)', (address, category) => {
    expect(forbiddenAddress(address)).toBe(category);
  });

  it.each([
    '::ffff:8.8.8.8',
    '::ffff:0:808:808',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
    '2001:4860:4860::8888', // Google DNS: 2001: but not Teredo (2001:0::/32)
    '2001:1::1', // just outside Teredo
    '2606:4700:4700::1111',
    '2001:db9::5efe:8.8.8.8',
  ])('%s (public) passes', (address) => {
    expect(forbiddenAddress(address)).toBeNull();
  });

  it('lets only real loopback through for tests, never its IPv6 disguises', () => {
    expect(forbiddenAddress('::1', { allowLoopback: true })).toBeNull();
    expect(forbiddenAddress('127.0.0.1', { allowLoopback: true })).toBeNull();
    expect(forbiddenAddress('::ffff:0:7f00:1', { allowLoopback: true })).toBe('loopback');
    expect(forbiddenAddress('2002:7f00:1::1', { allowLoopback: true })).toBe('loopback');
  });
});
