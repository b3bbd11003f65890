// Matching outside the index, for the few rows the indexer has not reached yet (the newest
// sync batch, a body opened a moment ago). Registered as an SQLite function so the search query
// stays one statement; it reads the same document columns and tokens as the index.
import type { SearchField, SearchTerm } from '../../../shared/search-query';
import { searchTokens } from '../../../shared/search-query';
import type { Db } from '../store/database';
import { searchDocument, type DocumentRow, type SearchDocument } from './search-document';

/** What a row must satisfy: every term of `all`, none of `none`, one of `any` when it is not empty. */
export interface TailSpec {
  all: SearchTerm[];
  none: SearchTerm[];
  any: SearchTerm[];
}

export const TAIL_MATCH_FUNCTION = 'search_tail_match';
/** The function's arguments after the spec, for `messages` as `m` and `message_bodies` as `mb`. */
export function tailMatchArgs(m: string, mb: string): string {
  return `${m}.subject, ${m}.from_json, ${m}.to_json, ${m}.cc_json, ${m}.snippet, ${mb}.text, ${mb}.html, ${m}.bodystructure`;
}

const FIELD_COLUMNS: Record<SearchField, (keyof SearchDocument)[]> = {
  any: ['subject', 'sender', 'recipients', 'snippet', 'body', 'attachments'],
  from: ['sender'],
  to: ['recipients'],
  subject: ['subject'],
  filename: ['attachments'],
};

function containsPhrase(tokens: readonly string[], term: SearchTerm): boolean {
  const k = term.tokens.length;
  for (let i = 0; i + k <= tokens.length; i++) {
    let j = 0;
    for (; j < k; j++) {
      const want = term.tokens[j]!;
      const have = tokens[i + j]!;
      const last = j === k - 1;
      if (last && term.prefix ? !have.startsWith(want) : have !== want) break;
    }
    if (j === k) return true;
  }
  return false;
}

export function documentMatches(document: SearchDocument, spec: TailSpec): boolean {
  const tokenCache = new Map<keyof SearchDocument, string[]>();
  const tokensOf = (column: keyof SearchDocument) => {
    let tokens = tokenCache.get(column);
    if (!tokens) tokenCache.set(column, (tokens = searchTokens(document[column])));
    return tokens;
  };
  const matches = (term: SearchTerm) => FIELD_COLUMNS[term.field].some((c) => containsPhrase(tokensOf(c), term));
  return spec.all.every(matches) && !spec.none.some(matches) && (spec.any.length === 0 || spec.any.some(matches));
}

/** Registers the matcher on this connection; the spec arrives as JSON, parsed once per query. */
export function registerTailMatch(db: Db): void {
  let lastJson = '';
  let lastSpec: TailSpec = { all: [], none: [], any: [] };
  db.function(TAIL_MATCH_FUNCTION, { varargs: true }, (...args: unknown[]) => {
    const [json, subject, fromJson, toJson, ccJson, snippet, text, html, bodystructure] = args as (string | null)[];
    if (json !== lastJson) {
      lastSpec = JSON.parse(json ?? '{}') as TailSpec;
      lastJson = json ?? '';
    }
    const row: DocumentRow = {
      subject: subject ?? '',
      from_json: fromJson ?? '[]',
      to_json: toJson ?? '[]',
      cc_json: ccJson ?? '[]',
      snippet: snippet ?? null,
      body_text: text ?? null,
      body_html: html ?? null,
      bodystructure: bodystructure ?? null,
    };
    return documentMatches(searchDocument(row), lastSpec) ? 1 : 0;
  });
}
