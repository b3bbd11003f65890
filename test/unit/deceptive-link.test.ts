// Links whose text shows one host and whose address goes to another (deceptive-link.ts).
import { describe, expect, it } from 'vitest';
import { deceptiveLink, hostShownBy } from '../../renderer/message-view/deceptive-link';

describe('a deceptive link', () => {
  it.each([
    ['www.mybank.example', 'https://mybank.example.evil.test/login', 'mybank.example', 'mybank.example.evil.test'],
    ['https://paypal.com/signin', 'https://paypa1.com/signin', 'paypal.com', 'paypa1.com'],
    ['http://intranet.example.com', 'http://10.0.0.5/', 'intranet.example.com', '10.0.0.5'],
    ['  Example.COM  ', 'https://example.net/', 'example.com', 'example.net'],
    ['example.com', 'https://notexample.com/', 'example.com', 'notexample.com'],
  ])('%s -> %s warns', (text, href, shown, actual) => {
    expect(deceptiveLink(text, href)).toEqual({ shown, actual });
  });

  it.each([
    ['Click here', 'https://evil.test/'],
    ['www.example.com', 'https://example.com/x'],
    ['example.com', 'https://mail.example.com/inbox'],
    ['https://example.com/a', 'https://EXAMPLE.com/b'],
    ['example.com', 'mailto:ada@evil.test'],
    ['ada@example.com', 'mailto:ada@example.com'],
    ['1.5', 'https://evil.test/'],
    ['readme.txt file', 'https://evil.test/'],
  ])('%s -> %s does not warn', (text, href) => {
    expect(deceptiveLink(text, href)).toBeNull();
  });

  it('reads a host only from text that is a web address', () => {
    expect(hostShownBy('https://www.example.org:8443/path?q=1')).toBe('example.org');
    expect(hostShownBy('Your bank')).toBeNull();
    expect(hostShownBy('x'.repeat(5000) + '.com')).toBeNull();
  });
});
