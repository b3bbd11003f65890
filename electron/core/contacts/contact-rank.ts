// How contacts are matched and ordered for autocomplete. Matching: every word the user typed is
// the start of a word of the name or the address ("ann" finds "Anna Berg", "berg" finds her too,
// "exa" finds anyone at example.com). Ordering: whom the user writes to comes first, weighted by
// how often and how lately (a contact written to last week beats one written to often years
// ago), then whom they hear from, the way Gmail ranks its "other contacts".
import type { Contact } from '../../../shared/contract-contacts';

const DAY = 86_400_000;
/** After this many days a message counts half as much as one written today. */
const HALF_LIFE_DAYS = 60;
/** A message written to someone is worth this many received from them. */
const WRITTEN_WEIGHT = 10;

/** Lower-cased words of letters and digits, accents kept ("Åsa Öberg" → åsa, öberg). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function matchesQuery(contact: Pick<Contact, 'name' | 'address'>, query: string): boolean {
  const typed = wordsOf(query);
  if (typed.length === 0) return false;
  const words = [...wordsOf(contact.name), ...wordsOf(contact.address)];
  const whole = contact.address.toLowerCase();
  // "anna@ex" is typed as one piece: an address prefix matches as it is.
  if (whole.startsWith(query.trim().toLowerCase())) return true;
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

function recency(at: number, now: number): number {
  if (at <= 0) return 0;
  const days = Math.max(0, now - at) / DAY;
  return 0.5 ** (days / HALF_LIFE_DAYS);
}

/**
 * The score of a contact at `now`. The counts grow only logarithmically: a hundred messages
 * are not worth ten times ten, so a new correspondent can overtake an old one by being recent.
 */
export function contactScore(contact: Contact, now: number): number {
  const written = Math.log2(1 + contact.writtenCount) * (0.2 + recency(contact.lastWrittenAt, now));
  const seen = Math.log2(1 + contact.seenCount) * (0.2 + recency(contact.lastSeenAt, now));
  return WRITTEN_WEIGHT * written + seen + (contact.addedByUser ? 1 : 0);
}

export function rankContacts(contacts: readonly Contact[], query: string, now: number, limit: number): Contact[] {
  return contacts
    .filter((c) => matchesQuery(c, query))
    .map((c) => ({ c, score: contactScore(c, now) }))
    .sort((a, b) => b.score - a.score || a.c.address.localeCompare(b.c.address))
    .slice(0, limit)
    .map(({ c }) => c);
}
