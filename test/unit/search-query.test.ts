// The search box's language: words, phrases, operators, and whatever a user (or a fuzzer) types
// that is not meant as syntax. Every FTS5 expression built from it must run without an error.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isSearchEmpty, parseSearchQuery, searchTokens } from '../../shared/search-query';
import { ftsAnyOf, ftsExpression } from '../../electron/core/search/fts-expression';

const db = new Database(':memory:');
db.exec(
  `CREATE VIRTUAL TABLE f USING fts5(subject, sender, recipients, snippet, body, content = '',
   contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '2')`,
);
db.prepare('INSERT INTO f (rowid, subject, sender, recipients, snippet, body) VALUES (1, ?, ?, ?, ?, ?)').run(
  'Quarterly report for Malmö',
  'Åsa Berg asa@example.test',
  'Bob bob@example.test',
  'Numbers attached',
  'Please find the near final numbers',
);
/** Runs a query's expression against the one-row index: it must never throw. */
function hits(query: string): number[] {
  const expression = ftsExpression(parseSearchQuery(query).terms);
  if (expression === null) return [];
  return db.prepare('SELECT rowid FROM f WHERE f MATCH ?').pluck().all(expression) as number[];
}

describe('searchTokens', () => {
  it('lower-cases, removes accents and splits on anything but letters and digits', () => {
    expect(searchTokens('Åsa-Berg <ASA@Example.test> Malmö 2026')).toEqual([
      'asa',
      'berg',
      'asa',
      'example',
      'test',
      'malmo',
      '2026',
    ]);
    expect(searchTokens('日本語 メール')).toEqual(['日本語', 'メール']);
  });
});

describe('parseSearchQuery', () => {
  it('makes bare words prefix terms and quoted text an exact phrase', () => {
    expect(parseSearchQuery('quar "final numbers"').terms).toEqual([
      { field: 'any', tokens: ['quar'], prefix: true, negated: false },
      { field: 'any', tokens: ['final', 'numbers'], prefix: false, negated: false },
    ]);
    expect(hits('quar')).toEqual([1]);
    expect(hits('"near final"')).toEqual([1]);
    expect(hits('"final near"')).toEqual([]);
    expect(hits('"quar"')).toEqual([]);
  });

  it('reads from:, to: and subject: as column filters, addresses as phrases', () => {
    const parsed = parseSearchQuery('from:asa@example.test to:bob subject:"quarterly report"');
    expect(parsed.terms.map((t) => [t.field, t.tokens])).toEqual([
      ['from', ['asa', 'example', 'test']],
      ['to', ['bob']],
      ['subject', ['quarterly', 'report']],
    ]);
    expect(hits('from:asa@example.test to:bob subject:"quarterly report"')).toEqual([1]);
    expect(hits('from:bob')).toEqual([]);
    expect(hits('to:asa')).toEqual([]);
    expect(hits('subject:numbers')).toEqual([]);
    expect(hits('From:ÅSA')).toEqual([1]);
  });

  it('reads flags, attachments, folders and dates', () => {
    const parsed = parseSearchQuery(
      'is:unread is:starred has:attachment in:"Work/Projects" after:2026-03-01 before:2026/3/31',
    );
    expect(parsed).toMatchObject({
      unread: true,
      starred: true,
      hasAttachment: true,
      folder: 'Work/Projects',
      after: new Date(2026, 2, 1).getTime(),
      before: new Date(2026, 2, 31).getTime(),
      terms: [],
      ignored: [],
    });
    expect(parseSearchQuery('is:read -is:starred -has:attachment')).toMatchObject({
      unread: false,
      starred: false,
      hasAttachment: false,
    });
    expect(parseSearchQuery('is:weird before:2026-02-30 has:pony').ignored).toEqual([
      'is:weird',
      'before:2026-02-30',
      'has:pony',
    ]);
  });

  it('reads tag: as a keyword, a known label by its name, and -tag: as without it', () => {
    expect(parseSearchQuery('tag:work -tag:To-do tag:Project-X').tags).toEqual([
      { keyword: '$label2', negated: false },
      { keyword: '$label4', negated: true },
      { keyword: 'project-x', negated: false },
    ]);
    // Not a keyword any server takes: not understood, and it matches nothing extra.
    const unreadable = parseSearchQuery('tag:"two words"');
    expect(unreadable.tags).toBeUndefined();
    expect(unreadable.ignored).toEqual(['tag:two words']);
    expect(isSearchEmpty(parseSearchQuery('tag:later'))).toBe(false);
  });

  it('negates a term with a leading minus', () => {
    const parsed = parseSearchQuery('report -malmö');
    expect(parsed.terms.map((t) => t.negated)).toEqual([false, true]);
    expect(hits('report -malmö')).toEqual([]);
    expect(hits('report -stockholm')).toEqual([1]);
    expect(ftsAnyOf(parsed.terms.filter((t) => t.negated))).toBe('("malmo"*)');
  });

  it('treats unknown operators and stray syntax as words', () => {
    expect(parseSearchQuery('foo:bar').terms[0]!.tokens).toEqual(['foo', 'bar']);
    expect(parseSearchQuery('from:').terms[0]!.tokens).toEqual(['from']);
  });

  it.each([
    '"',
    '""',
    '*',
    '**',
    '-',
    '- -',
    'NEAR(',
    'NEAR(a b, 2)',
    'a OR b',
    'a AND NOT b',
    '(',
    ')',
    '{subject}: x',
    'subject:"',
    '^report',
    'report*',
    "'; DROP TABLE f; --",
    'col:umn:"x',
    '\u0000\u0007\u001b[31m',
    '🙂 émoji',
    'ﬁnal', // a ligature: NFKD turns it into "fi"
    'x'.repeat(10_000),
    'word '.repeat(2_000),
  ])('never throws on %j', (query) => {
    expect(() => hits(query)).not.toThrow();
  });

  it('caps the number of terms and the length of a token', () => {
    const parsed = parseSearchQuery('w '.repeat(200));
    expect(parsed.terms.length).toBeLessThanOrEqual(32);
    expect(parseSearchQuery('y'.repeat(400)).terms[0]!.tokens[0]!.length).toBe(64);
  });

  it('finds words in any script and keeps the unmatched ones out', () => {
    expect(hits('NEAR(')).toEqual([1]);
    expect(hits('ﬁnal')).toEqual([1]);
    expect(hits('🙂')).toEqual([]);
  });

  it('says when a query asks for nothing', () => {
    expect(isSearchEmpty(parseSearchQuery('  " * - '))).toBe(true);
    expect(isSearchEmpty(parseSearchQuery('is:unread'))).toBe(false);
    expect(isSearchEmpty(parseSearchQuery('x'))).toBe(false);
  });
});
