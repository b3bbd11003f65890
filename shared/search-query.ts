// The search box's language, parsed without ever failing: words (prefix matched), "quoted
// phrases", -negation and Gmail-style operators (from: to: subject: filename: is: has: in: tag: before: after:).
// Whatever the user types becomes data (tokens of letters and digits, flags, dates), never query
// syntax, so the engine can build its FTS5 expression from it without an SQLite syntax error.

import type { z } from 'zod';
import type { searchScopeSchema } from './schemas';
import { isValidKeyword, keywordForTagSearch } from './tags';

/** Where a search looks: the folder on screen, one account, or every account. */
export type SearchScope = z.infer<typeof searchScopeSchema>;

export type SearchField = 'any' | 'from' | 'to' | 'subject' | 'filename';

/** One word, address or phrase: its tokens must appear in this order, the last as a prefix if `prefix`. */
export interface SearchTerm {
  field: SearchField;
  tokens: string[];
  prefix: boolean;
  negated: boolean;
}

export interface ParsedSearch {
  terms: SearchTerm[];
  /** is:unread → true, is:read → false. */
  unread?: boolean;
  /** is:starred (is:flagged) → true, -is:starred → false. */
  starred?: boolean;
  hasAttachment?: boolean;
  /** tag:<name> (-tag: without it): IMAP keywords, a known label's name read as its keyword (shared/tags.ts). */
  tags?: { keyword: string; negated: boolean }[];
  /** in:<folder>: a role (inbox, sent, …), a path or a folder name, as typed. */
  folder?: string;
  /** Local midnight of before:/after: dates, ms since epoch (before: exclusive, after: inclusive). */
  before?: number;
  after?: number;
  /** Operators that were not understood (kept so the UI could say so); they match nothing extra. */
  ignored: string[];
}

export const SEARCH_QUERY_MAX_LENGTH = 500;
const MAX_TERMS = 32;
const MAX_TOKENS_PER_TERM = 16;
const MAX_TOKEN_LENGTH = 64;

const TEXT_FIELDS: Record<string, SearchField> = { from: 'from', to: 'to', subject: 'subject', filename: 'filename' };
const OPERATORS = new Set(['from', 'to', 'subject', 'filename', 'is', 'has', 'in', 'before', 'after', 'tag']);
const MAX_TAGS = 8;

/**
 * The words of a text as the index sees them: Unicode letters and digits, lower case, accents
 * removed (what FTS5's unicode61 tokenizer with remove_diacritics does, closely enough for the
 * few rows that are matched outside the index).
 */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0)
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH));
}

interface RawPart {
  negated: boolean;
  operator: string | null;
  value: string;
  quoted: boolean;
}

/** Splits the query into parts: [-][operator:]value, the value a word or a "quoted phrase". */
function lex(query: string): RawPart[] {
  const parts: RawPart[] = [];
  let i = 0;
  const n = query.length;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  while (i < n) {
    while (i < n && isSpace(query[i])) i++;
    if (i >= n) break;
    let negated = false;
    if (query[i] === '-' && i + 1 < n && !isSpace(query[i + 1])) {
      negated = true;
      i++;
    }
    let operator: string | null = null;
    const rest = /^([a-zA-Z]+):(?=\S)/u.exec(query.slice(i, i + 16));
    if (rest && OPERATORS.has(rest[1]!.toLowerCase())) {
      operator = rest[1]!.toLowerCase();
      i += rest[0].length;
    }
    let value: string;
    let quoted = false;
    if (query[i] === '"') {
      // an unterminated quote runs to the end of the query
      const close = query.indexOf('"', i + 1);
      const end = close === -1 ? n : close;
      value = query.slice(i + 1, end);
      quoted = true;
      i = close === -1 ? n : close + 1;
    } else {
      const start = i;
      while (i < n && !isSpace(query[i])) i++;
      value = query.slice(start, i);
    }
    parts.push({ negated, operator, value, quoted });
  }
  return parts;
}

/** YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD as local midnight; null for anything else or an impossible date. */
function parseDay(value: string): number | null {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}

function applyOperator(out: ParsedSearch, part: RawPart): boolean {
  const value = part.value.toLowerCase();
  switch (part.operator) {
    case 'is':
      if (value === 'unread' || value === 'read') out.unread = (value === 'unread') !== part.negated;
      else if (value === 'starred' || value === 'flagged') out.starred = !part.negated;
      else if (value === 'unstarred') out.starred = part.negated;
      else return false;
      return true;
    case 'has':
      if (value !== 'attachment' && value !== 'attachments') return false;
      out.hasAttachment = !part.negated;
      return true;
    case 'tag': {
      const keyword = keywordForTagSearch(part.value.trim());
      if (!isValidKeyword(keyword) || (out.tags?.length ?? 0) >= MAX_TAGS) return false;
      (out.tags ??= []).push({ keyword, negated: part.negated });
      return true;
    }
    case 'in':
      if (part.negated || value.trim() === '') return false;
      out.folder = part.value.trim();
      return true;
    case 'before':
    case 'after': {
      const day = parseDay(value);
      if (day === null || part.negated) return false;
      // -before: would be after:, but a user who types that is better told it was not understood
      out[part.operator] = day;
      return true;
    }
    default:
      return false;
  }
}

export function parseSearchQuery(query: string): ParsedSearch {
  const out: ParsedSearch = { terms: [], ignored: [] };
  // control characters never mean anything in a search box; an over-long query is cut, not refused
  const cleaned = query.slice(0, SEARCH_QUERY_MAX_LENGTH).replace(/\p{Cc}/gu, ' ');
  for (const part of lex(cleaned)) {
    const field = part.operator ? TEXT_FIELDS[part.operator] : 'any';
    if (!field) {
      if (!applyOperator(out, part)) out.ignored.push(`${part.operator}:${part.value}`);
      continue;
    }
    const tokens = searchTokens(part.value).slice(0, MAX_TOKENS_PER_TERM);
    // "*", "-", "(" and the like hold no word; "NEAR(" is the word "near", never an FTS5 operator
    if (tokens.length === 0 || out.terms.length >= MAX_TERMS) continue;
    // a one-letter prefix matches nearly every message (the first key typed in the box): whole word only
    const prefix = !part.quoted && tokens[tokens.length - 1]!.length > 1;
    out.terms.push({ field, tokens, prefix, negated: part.negated });
  }
  return out;
}

/** True when the query asks for nothing: no word and no operator it understood. */
export function isSearchEmpty(parsed: ParsedSearch): boolean {
  return (
    parsed.terms.length === 0 &&
    parsed.unread === undefined &&
    parsed.starred === undefined &&
    parsed.hasAttachment === undefined &&
    parsed.tags === undefined &&
    parsed.folder === undefined &&
    parsed.before === undefined &&
    parsed.after === undefined
  );
}
