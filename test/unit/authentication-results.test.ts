// RFC 8601 parsing and the one rule that makes it safe: only the account's own server's header counts.
import { describe, expect, it } from 'vitest';
import {
  parseAuthenticationResults,
  trustedAuthResults,
  verdictFor,
} from '../../electron/core/sender/authentication-results';

describe('parseAuthenticationResults', () => {
  it.each([
    [
      'mx.google.com; dkim=pass header.i=@example.com header.s=s1 header.b=abc; spf=pass (google.com: domain of a@example.com designates 1.2.3.4 as permitted sender) smtp.mailfrom=a@example.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com',
      'mx.google.com',
      [
        { method: 'dkim', result: 'pass', domain: 'example.com' },
        { method: 'spf', result: 'pass', domain: 'example.com' },
        { method: 'dmarc', result: 'pass', domain: 'example.com' },
      ],
    ],
    [
      'mail.example.org 1; spf=fail smtp.mailfrom=x.test; dkim=none',
      'mail.example.org',
      [
        { method: 'spf', result: 'fail', domain: 'x.test' },
        { method: 'dkim', result: 'none', domain: null },
      ],
    ],
    // A comment may hold a semicolon or a fake result; it is not read.
    [
      'mx.example.org (spf=pass; dkim=pass); dmarc=fail (header.from=bank.test) header.from="evil.test"',
      'mx.example.org',
      [{ method: 'dmarc', result: 'fail', domain: 'evil.test' }],
    ],
    ['mx.example.org; none', 'mx.example.org', []],
    ['mx.example.org; arc=pass; iprev=pass policy.iprev=1.2.3.4', 'mx.example.org', []],
    [
      'MX.Example.ORG; DKIM=Pass Header.D=Example.COM',
      'mx.example.org',
      [{ method: 'dkim', result: 'pass', domain: 'example.com' }],
    ],
  ])('%s', (value, authservId, results) => {
    expect(parseAuthenticationResults(value)).toEqual({ authservId, results });
  });

  it.each([[''], ['spf=pass smtp.mailfrom=a.test'], [';;;'], ['(only a comment)']])(
    'has no authserv-id in %j: not a result',
    (value) => {
      expect(parseAuthenticationResults(value)).toBeNull();
    },
  );
});

describe('trustedAuthResults', () => {
  const own = (id: string) => id === 'mx.example.org';

  it('takes the topmost header of the own server and nothing the sender wrote', () => {
    const headers = [
      'other.test; dmarc=pass header.from=bank.test', // forged by the sender: another authserv-id
      'mx.example.org; dmarc=fail header.from=bank.test', // the own server, on arrival
      'mx.example.org; dmarc=pass header.from=bank.test', // lower down: older, or forged below it
    ];
    expect(trustedAuthResults(headers, own)?.results).toEqual([
      { method: 'dmarc', result: 'fail', domain: 'bank.test' },
    ]);
  });

  it('is null when only strangers vouch for the message', () => {
    expect(trustedAuthResults(['evil.test; dmarc=pass header.from=bank.test'], own)).toBeNull();
    expect(trustedAuthResults([], own)).toBeNull();
  });
});

describe('verdictFor', () => {
  const results = [
    { method: 'dkim', result: 'pass', domain: 'mailer.test' },
    { method: 'dkim', result: 'pass', domain: 'news.example.com' },
    { method: 'spf', result: 'softfail', domain: 'example.com' },
  ] as const;

  it.each([
    ['dkim', 'example.com', 'pass'], // aligned: a subdomain's signature
    ['dkim', 'other.test', 'pass'], // no aligned pass: the first result stands, which is pass for mailer.test
    ['spf', 'example.com', 'softfail'],
    ['dmarc', 'example.com', null],
  ] as const)('%s for %s is %s', (method, domain, verdict) => {
    expect(verdictFor([...results], method, domain)).toBe(verdict);
  });
});
