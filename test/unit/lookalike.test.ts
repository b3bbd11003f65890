// Lookalike senders: a table of what phishing does and what ordinary mail does.
import { describe, expect, it } from 'vitest';
import { senderWarnings, skeleton } from '../../electron/core/sender/lookalike';

describe('senderWarnings', () => {
  it.each([
    // ordinary senders: nothing to say
    ['Ada Lovelace', 'ada@example.test', []],
    ['PayPal', 'service@paypal.com', []],
    ['PayPal', 'service@mail.paypal.com', []],
    ['service@paypal.com', 'service@paypal.com', []],
    ['Räksmörgås AB', 'info@smorgas.se', []],
    // a name that carries another address
    ['service@paypal.com', 'x@evil.test', [{ kind: 'name-has-other-address', shown: 'service@paypal.com' }]],
    [
      'PayPal (security@paypal.com)',
      'noreply@mailer.test',
      [{ kind: 'name-has-other-address', shown: 'security@paypal.com' }],
    ],
    // lookalike characters
    ['PayPal', 'service@paypa1.com', [{ kind: 'lookalike', domain: 'paypa1.com', imitates: 'paypal.com' }]],
    [
      'Microsoft',
      'account@rnicrosoft.com',
      [{ kind: 'lookalike', domain: 'rnicrosoft.com', imitates: 'microsoft.com' }],
    ],
    [
      'Amazon',
      'orders@secure.arnazon.com',
      [{ kind: 'lookalike', domain: 'secure.arnazon.com', imitates: 'amazon.com' }],
    ],
    ['Google', 'no-reply@goog1e.com', [{ kind: 'lookalike', domain: 'goog1e.com', imitates: 'google.com' }]],
    // Cyrillic "а" in punycode: both said
    [
      'Apple',
      'id@xn--pple-43d.com',
      [
        { kind: 'punycode', domain: 'xn--pple-43d.com', unicode: 'аpple.com' },
        { kind: 'lookalike', domain: 'аpple.com', imitates: 'apple.com' },
      ],
    ],
    // punycode of a domain that imitates nothing is still said
    ['Bücher', 'info@xn--bcher-kva.test', [{ kind: 'punycode', domain: 'xn--bcher-kva.test', unicode: 'bücher.test' }]],
  ] as const)('%s <%s>', (name, address, warnings) => {
    expect(senderWarnings(name, address)).toEqual(warnings);
  });

  it('counts the account’s own domain as one that can be imitated', () => {
    expect(senderWarnings('IT desk', 'it@examp1e.org', ['example.org'])).toEqual([
      { kind: 'lookalike', domain: 'examp1e.org', imitates: 'example.org' },
    ]);
    expect(senderWarnings('Colleague', 'bo@example.org', ['example.org'])).toEqual([]);
  });
});

describe('skeleton', () => {
  it.each([
    ['раураl.com', 'paypal.com'],
    ['PAYPAL.COM', 'paypal.com'],
    ['vvikipedia.org', 'wlklpedla.org'],
    ['café.test', 'cafe.test'],
  ])('%s looks like %s', (domain, shape) => {
    expect(skeleton(domain)).toBe(shape);
  });
});
