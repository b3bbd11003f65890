import { describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/contract-contacts';
import { contactScore, matchesQuery, rankContacts } from '../../electron/core/contacts/contact-rank';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const contact = (address: string, change: Partial<Contact> = {}): Contact => ({
  address,
  name: '',
  writtenCount: 0,
  lastWrittenAt: 0,
  seenCount: 0,
  lastSeenAt: 0,
  addedByUser: false,
  ...change,
});

describe('matching what the user typed', () => {
  const anna = contact('anna.berg@example.com', { name: 'Anna Berg' });
  it('matches the start of any word of the name or the address, every typed word', () => {
    for (const query of ['ann', 'Berg', 'anna b', 'exam', 'anna.be', 'anna.berg@ex', 'ANNA'])
      expect(matchesQuery(anna, query), query).toBe(true);
    for (const query of ['nna', 'erg', 'anna x', '', '  ', 'com.'])
      expect(matchesQuery(anna, query), query).toBe(query === 'com.');
  });

  it('finds accented names by their letters', () => {
    expect(matchesQuery(contact('asa@x.se', { name: 'Åsa Öberg' }), 'öb')).toBe(true);
  });
});

describe('ranking', () => {
  it('whom the user writes to beats whom they only hear from, even far more often', () => {
    const newsletter = contact('news@shop.example', { seenCount: 400, lastSeenAt: NOW - DAY });
    const friend = contact('nils@example.com', { writtenCount: 3, lastWrittenAt: NOW - 10 * DAY });
    expect(contactScore(friend, NOW)).toBeGreaterThan(contactScore(newsletter, NOW));
  });

  it('recent writing beats old writing: a new correspondent overtakes one from years ago', () => {
    const old = contact('old@example.com', { writtenCount: 80, lastWrittenAt: NOW - 3 * 365 * DAY });
    const recent = contact('new@example.com', { writtenCount: 6, lastWrittenAt: NOW - 2 * DAY });
    expect(rankContacts([old, recent], 'e', NOW, 10).map((c) => c.address)).toEqual([
      'new@example.com',
      'old@example.com',
    ]);
  });

  it('more often wins between equally recent ones, and the limit keeps the best', () => {
    const list = [1, 5, 20].map((n) => contact(`p${n}@example.com`, { writtenCount: n, lastWrittenAt: NOW - DAY }));
    expect(rankContacts(list, 'exa', NOW, 2).map((c) => c.address)).toEqual(['p20@example.com', 'p5@example.com']);
  });
});
