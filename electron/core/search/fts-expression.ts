// A parsed query's words as an FTS5 MATCH expression. Every term is a quoted string of tokens
// that are letters and digits only, so nothing the user typed is ever read as FTS5 syntax.
import type { SearchField, SearchTerm } from '../../../shared/search-query';

const COLUMNS: Record<SearchField, string | null> = {
  any: null,
  from: 'sender',
  to: 'recipients',
  subject: 'subject',
  filename: 'attachments',
};

/** One term: `{column} : "tok1 tok2"*`, a phrase whose last token may be a prefix. */
export function ftsTerm(term: SearchTerm): string {
  const phrase = `"${term.tokens.join(' ').replaceAll('"', '""')}"${term.prefix ? '*' : ''}`;
  const column = COLUMNS[term.field];
  return column ? `{${column}} : ${phrase}` : phrase;
}

/** Every positive term must match and no negated one; null when there is no positive term. */
export function ftsExpression(terms: readonly SearchTerm[]): string | null {
  const positive = terms.filter((t) => !t.negated);
  if (positive.length === 0) return null;
  let expression = positive.map((t) => `(${ftsTerm(t)})`).join(' AND ');
  for (const negated of terms.filter((t) => t.negated)) expression = `(${expression}) NOT (${ftsTerm(negated)})`;
  return expression;
}

/** Any of the terms (their negation ignored): the rows a query of negations only excludes. */
export function ftsAnyOf(terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => `(${ftsTerm(t)})`).join(' OR ');
}
