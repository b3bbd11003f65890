import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  hostPort,
  isAllowedHostHeader,
  isAllowedOrigin,
  isLoopbackHost,
} from '../../electron/shell/loopback';

describe('the browser shell stays on this computer', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', 'localhost'])('may listen on %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '127.0.0.1.example.com', ''])(
    'may not listen on %j',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it('formats IPv6 hosts with brackets', () => {
    expect(hostPort('::1', 80)).toBe('[::1]:80');
    expect(hostPort('127.0.0.1', 80)).toBe('127.0.0.1:80');
  });
});

describe('Host and Origin checks', () => {
  const hosts = allowedHosts('127.0.0.1', 4567);

  it('accept the shell itself under its address or localhost', () => {
    expect(isAllowedHostHeader('127.0.0.1:4567', hosts)).toBe(true);
    expect(isAllowedHostHeader('localhost:4567', hosts)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4567', hosts)).toBe(true);
    expect(isAllowedOrigin('http://LOCALHOST:4567', hosts)).toBe(true);
  });

  it('refuse DNS rebinding: a foreign name resolving to 127.0.0.1', () => {
    expect(isAllowedHostHeader('evil.example:4567', hosts)).toBe(false);
    expect(isAllowedHostHeader(undefined, hosts)).toBe(false);
    expect(isAllowedHostHeader('127.0.0.1', hosts)).toBe(false);
  });

  it.each([
    undefined,
    '',
    'null',
    'https://evil.example',
    'http://127.0.0.1:4568',
    'http://127.0.0.1:4567.evil.example',
    'https://127.0.0.1:4567',
    'http://127.0.0.1:4567/',
    'file://',
    'chrome-extension://abcdef',
  ])('refuse the origin %j', (origin) => {
    expect(isAllowedOrigin(origin, hosts)).toBe(false);
  });

  it('for localhost also accepts both loopback addresses', () => {
    expect(allowedHosts('localhost', 80)).toEqual(expect.arrayContaining(['localhost:80', '127.0.0.1:80', '[::1]:80']));
  });
});
