// The preview line of the message list: the first ~200 characters a person would read,
// without quoted replies, signatures, markup or invisible padding.
import { htmlToText } from '../../text/html-text';

export const SNIPPET_LENGTH = 200;
// Only the beginning matters; bounding the input keeps a 5 MB body from costing anything.
const TEXT_WINDOW = 16 * 1024;
const HTML_WINDOW = 256 * 1024;

// Zero-width and padding characters marketing mail stuffs after the preheader, and the
// soft hyphen: invisible, so not part of what a person reads.
// (U+034F and U+17B4/5 are combining marks: outside the class, as they would join its neighbours)
const INVISIBLE =
  /\u034f|\u17b4|\u17b5|[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]/g;

/** True when the first non-blank line from `from` on is a quoted one. */
function introducesQuote(lines: string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) {
    if (lines[j]!.trim() !== '') return /^\s*>/.test(lines[j]!);
  }
  return false;
}

/** Readable lines: stops at the signature delimiter, drops quoted lines and their attribution. */
function readableLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // RFC 3676 signature delimiter "-- " (often sent without its space)
    if (/^--\s?$/.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    // "On Tue, Bob wrote:" directly before a quote introduces it, it is not content
    if (/:\s*$/.test(line) && introducesQuote(lines, i + 1)) continue;
    kept.push(line);
  }
  return kept;
}

/** Cuts at `max` characters without splitting a surrogate pair, preferring a word end. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  return (space > max * 0.7 ? head.slice(0, space) : head).trimEnd();
}

/** A one-line preview from the text part, or from the HTML part when there is no text. */
export function makeSnippet(text: string | null, html: string | null, max = SNIPPET_LENGTH): string {
  const source = text?.trim() ? text.slice(0, TEXT_WINDOW) : html ? htmlToText(html.slice(0, HTML_WINDOW)) : '';
  const readable = readableLines(source).join(' ').replace(INVISIBLE, '');
  return cut(readable.replace(/\s+/g, ' ').trim(), max);
}
