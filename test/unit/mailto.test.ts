// mailto: links as RFC 6068 writes them, and as web pages actually write them.
import { describe, expect, it } from 'vitest';
import { isMailtoUrl, MAILTO_MAX_LENGTH, parseMailto, type MailtoFields } from '../../shared/mailto';

const none: MailtoFields = { to: [], cc: [], bcc: [], subject: '', body: '' };

describe('parseMailto', () => {
  const table: [string, string, Partial<MailtoFields>][] = [
    ['one address', 'mailto:anna@example.com', { to: ['anna@example.com'] }],
    ['the scheme in any case', 'MAILTO:anna@example.com', { to: ['anna@example.com'] }],
    ['several addresses in the path', 'mailto:a@x.se,b@y.se', { to: ['a@x.se', 'b@y.se'] }],
    ['an encoded comma between addresses', 'mailto:a@x.se%2Cb@y.se', { to: ['a@x.se', 'b@y.se'] }],
    ['no address at all', 'mailto:?subject=Hi', { subject: 'Hi' }],
    [
      'to fields added to the path',
      'mailto:a@x.se?to=b@y.se&to=c@z.se,d@z.se',
      { to: ['a@x.se', 'b@y.se', 'c@z.se', 'd@z.se'] },
    ],
    [
      'cc and bcc',
      'mailto:a@x.se?cc=b@y.se&bcc=c@z.se%2Cd@z.se',
      { to: ['a@x.se'], cc: ['b@y.se'], bcc: ['c@z.se', 'd@z.se'] },
    ],
    ['header names in any case', 'mailto:?CC=b@y.se&Subject=Hej', { cc: ['b@y.se'], subject: 'Hej' }],
    [
      'percent-encoded UTF-8 (RFC 6068 section 6.2)',
      'mailto:?subject=%E2%98%95%20coffee&body=caf%C3%A9',
      { subject: '☕ coffee', body: 'café' },
    ],
    ['a body with CRLF line breaks', 'mailto:?body=line%201%0D%0Aline%202%0D%0A', { body: 'line 1\nline 2\n' }],
    ['a plus sign stays a plus (not a space)', 'mailto:a+tag@x.se?subject=1+1', { to: ['a+tag@x.se'], subject: '1+1' }],
    ['an address with a display name', 'mailto:?to=%22Anna%20S%22%20%3Canna@x.se%3E', { to: ['"Anna S" <anna@x.se>'] }],
    [
      'unsafe headers ignored',
      'mailto:a@x.se?from=boss@x.se&reply-to=evil@x.se&X-Mailer=x&in-reply-to=%3Cid@x%3E',
      { to: ['a@x.se'] },
    ],
    ['the first subject wins', 'mailto:?subject=one&subject=two', { subject: 'one' }],
    ['line breaks in a subject become spaces', 'mailto:?subject=a%0D%0Abcc:%20x@y', { subject: 'a bcc: x@y' }],
    ['an address with a line break dropped', 'mailto:?to=a@x.se%0D%0ABcc:%20b@y.se,c@z.se', { to: ['c@z.se'] }],
    ['a malformed % kept as written', 'mailto:?subject=100%&body=%E2%98%95%zz', { subject: '100%', body: '☕%zz' }],
    ['a fragment ignored', 'mailto:a@x.se?subject=Hi#top', { to: ['a@x.se'], subject: 'Hi' }],
    ['empty pairs and a field without a value', 'mailto:a@x.se?&&subject&body=b', { to: ['a@x.se'], body: 'b' }],
    ['spaces around the link', '  mailto:a@x.se  ', { to: ['a@x.se'] }],
  ];

  it.each(table)('%s', (_name, url, expected) => {
    expect(parseMailto(url)).toEqual({ ...none, ...expected });
  });

  it('answers null for anything that is not a mailto: link', () => {
    for (const url of ['https://example.com', 'mail:a@x.se', '', 'a@x.se', 'javascript:alert(1)'])
      expect(parseMailto(url)).toBeNull();
  });

  it('refuses a link past the length limit instead of cutting it', () => {
    expect(parseMailto(`mailto:?body=${'a'.repeat(MAILTO_MAX_LENGTH)}`)).toBeNull();
  });

  it('caps the number of recipients at the composer limit', () => {
    const many = Array.from({ length: 700 }, (_, i) => `u${i}@x.se`).join(',');
    expect(parseMailto(`mailto:${many}`)?.to).toHaveLength(500);
  });
});

describe('isMailtoUrl', () => {
  it('knows the scheme whatever its case', () => {
    expect(isMailtoUrl('MailTo:a@x.se')).toBe(true);
    expect(isMailtoUrl('/home/a/mailto:a')).toBe(false);
  });
});
