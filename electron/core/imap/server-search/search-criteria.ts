// The server's half of a search: the query the search box parsed (shared/search-query.ts) as
// IMAP SEARCH criteria (TEXT, FROM, TO, SUBJECT, SINCE, BEFORE, SEEN, FLAGGED, KEYWORD, NOT), or as
// Gmail's own query language (X-GM-RAW) where the server offers it. Only a query with a word to
// look for goes to the server: flags, folders and dates alone the cache answers completely.
import type { SearchObject } from 'imapflow';
import type { ParsedSearch, SearchTerm } from '../../../../shared/search-query';

type Criterion = SearchObject;

function termCriterion(term: SearchTerm): Criterion {
  // IMAP has no key for file names: they are in the parts' headers, which TEXT reads
  const key = term.field === 'any' || term.field === 'filename' ? 'text' : term.field;
  // The tokens as typed words in order: a phrase stays a phrase, a word a substring, which a
  // server matches as the local index matches a prefix (or more loosely).
  const positive: Criterion = { [key]: term.tokens.join(' ') };
  return term.negated ? { not: positive } : positive;
}

/**
 * Criteria of one SEARCH. imapflow takes an object whose keys are ANDed, so criteria with the
 * same key (two words, each TEXT) go into separate objects, joined by NOT (OR (NOT a) (NOT b)):
 * the one AND the IMAP grammar can nest.
 */
function allOf(criteria: readonly Criterion[]): Criterion {
  const groups: Criterion[] = [];
  for (const criterion of criteria) {
    const [key] = Object.keys(criterion) as (keyof Criterion)[];
    const group = groups.find((candidate) => key !== undefined && !(key in candidate));
    if (group) Object.assign(group, criterion);
    else groups.push({ ...criterion });
  }
  if (groups.length === 1) return groups[0]!;
  return { not: { or: groups.map((group) => ({ not: group })) } };
}

/** The IMAP criteria of a parsed query, or null when the server has nothing to add. */
export function imapCriteria(parsed: ParsedSearch): Criterion | null {
  if (!parsed.terms.some((term) => !term.negated)) return null;
  const criteria: Criterion[] = parsed.terms.map(termCriterion);
  if (parsed.unread !== undefined) criteria.push({ seen: !parsed.unread });
  if (parsed.starred !== undefined) criteria.push({ flagged: parsed.starred });
  // tag: is a keyword the server keeps too, so a hit found there carries it as the cache would
  for (const tag of parsed.tags ?? [])
    criteria.push(tag.negated ? { unKeyword: tag.keyword } : { keyword: tag.keyword });
  // SINCE and BEFORE compare days, as after: and before: do (after: inclusive, before: exclusive)
  if (parsed.after !== undefined) criteria.push({ since: new Date(parsed.after) });
  if (parsed.before !== undefined) criteria.push({ before: new Date(parsed.before) });
  return allOf(criteria);
}

/**
 * The query for Gmail's X-GM-RAW: the words as Gmail reads them, without in:, since each folder
 * is searched on its own (has:attachment, is:, before:/after: Gmail understands as typed), and
 * without tag:, which Gmail does not know (its labels are folders here, searched one by one).
 */
export function gmailRawQuery(query: string, parsed: ParsedSearch): string | null {
  if (!parsed.terms.some((term) => !term.negated)) return null;
  return query
    .replace(/(^|\s)-?(in|tag):("[^"]*"|\S+)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
