import { describe, expect, it } from 'vitest';
import { isOwnAuthservId } from '../../electron/core/sender/authserv-id';

describe('isOwnAuthservId', () => {
  it.each([
    ['imap.example.org', 'imap.example.org', true],
    ['mx.example.org', 'imap.example.org', true],
    ['example.org', 'imap.example.org', true],
    ['MX.EXAMPLE.ORG.', 'imap.example.org', true],
    ['mx.google.com', 'imap.gmail.com', true],
    ['mx.provider.co.uk', 'imap.provider.co.uk', true],
    // not the account's server
    ['mx.evil.test', 'imap.example.org', false],
    ['example.org.evil.test', 'imap.example.org', false],
    ['mx.other.co.uk', 'imap.provider.co.uk', false],
    ['mx.google.com', 'imap.example.org', false],
    // an IP address or a bare host name is trusted only as itself
    ['127.0.0.1', '127.0.0.1', true],
    ['0.0.1', '127.0.0.1', false],
    ['localhost', 'localhost', true],
  ])('%s for %s: %s', (id, host, own) => {
    expect(isOwnAuthservId(id, host)).toBe(own);
  });
});
