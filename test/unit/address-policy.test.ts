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
