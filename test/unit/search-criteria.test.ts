// The server's half of a search is built from the same parsed query as the local half.
import { describe, expect, it } from 'vitest';
import { gmailRawQuery, imapCriteria } from '../../electron/core/imap/server-search/search-criteria';
import { parseSearchQuery } from '../../shared/search-query';

const criteria = (query: string) => imapCriteria(parseSearchQuery(query));

describe('server search criteria', () => {
  it('maps words, fields, phrases and negations', () => {
    expect(criteria('invoice')).toEqual({ text: 'invoice' });
    expect(criteria('from:anna subject:"quarterly report" -draft')).toEqual({
      from: 'anna',
      subject: 'quarterly report',
      not: { text: 'draft' },
    });
  });

  it('keeps every word of the same kind: an AND the IMAP grammar can nest', () => {
    expect(criteria('alpha beta')).toEqual({ not: { or: [{ not: { text: 'alpha' } }, { not: { text: 'beta' } }] } });
  });

  it('adds flags and dates, and leaves has: and in: to the cache', () => {
    const parsed = parseSearchQuery(
      'budget is:unread is:starred has:attachment in:inbox after:2026-01-31 before:2026-03-01',
    );
    const result = imapCriteria(parsed)!;
    expect(result).toMatchObject({ text: 'budget', seen: false, flagged: true });
    expect((result.since as Date).getTime()).toBe(parsed.after);
    expect((result.before as Date).getTime()).toBe(parsed.before);
    expect(Object.keys(result).sort()).toEqual(['before', 'flagged', 'seen', 'since', 'text']);
  });

  it('asks for tags as keywords, with or without them', () => {
    expect(criteria('budget tag:$label2')).toEqual({ text: 'budget', keyword: '$label2' });
    expect(criteria('budget -tag:$label2')).toEqual({ text: 'budget', unKeyword: '$label2' });
  });

  it('sends nothing for a query the cache answers alone', () => {
    expect(criteria('is:unread')).toBeNull();
    expect(criteria('-spam')).toBeNull();
    expect(criteria('in:sent has:attachment')).toBeNull();
  });

  it('hands Gmail the query as typed, without in:', () => {
    const query = 'from:anna in:"Sent Mail" budget -in:trash has:attachment';
    expect(gmailRawQuery(query, parseSearchQuery(query))).toBe('from:anna budget has:attachment');
    expect(gmailRawQuery('is:unread', parseSearchQuery('is:unread'))).toBeNull();
    expect(gmailRawQuery('budget tag:work', parseSearchQuery('budget tag:work'))).toBe('budget');
  });
});
