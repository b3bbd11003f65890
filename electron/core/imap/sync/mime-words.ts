// RFC 2047 encoded words decoded exactly as libmime's decodeWords decodes them, without its five
// passes of regular expressions over the whole string. Those passes (join adjacent base64 words,
// join adjacent quoted-printable words, drop the join markers, drop the space between words,
// decode) were 90 ms of each parsing thread's CPU in a first sync of the bench's 50,000 messages,
// more than the decoding itself (a V8 profile of figure a2).
//
// Here one scan finds the words, and the text is rebuilt as those passes would leave it: a run of
// words with only whitespace between them, of the same encoding (B or Q) and the same charset
// once normalised, becomes one word whose payload is theirs joined (a character split across two
// words decodes whole); whitespace between any two words goes; each word is then decoded by
// libmime's own decodeWord, so the charsets and the bytes are libmime's. A string whose shape
// those passes could read otherwise goes to libmime itself: a NUL (their join marker holds one),
// a "=?" that opens no word of the strict form (a charset of letters, digits, "_" and "-"), a
// "?" in the text outside the words, a one-letter charset. test/unit/mime-words.test.ts holds it
// to libmime on generated and hostile strings.
import libmime from 'libmime';

/** An encoded word of the strict form; libmime's patterns match the same span for it. */
const WORD = /=\?([A-Za-z0-9_-]{2,})\?([QqBb])\?([^?]*)\?=/g;
const SPACE_ONLY = /^\s*$/;

interface Word {
  start: number;
  end: number;
  charset: string;
  encoding: string;
  payload: string;
}

/** libmime.decodeWords(text): the same string. */
export function decodeWords(text: string): string {
  const words = strictWords(text);
  if (!words) return libmime.decodeWords(text);
  let out = '';
  let at = 0;
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    out += text.slice(at, first.start);
    // the run that libmime's first three passes join into one word
    let payload = first.payload;
    let j = i + 1;
    for (; j < words.length; j++) {
      const previous = words[j - 1]!;
      const next = words[j]!;
      if (!joins(text, previous, next)) break;
      payload += next.payload;
    }
    out += libmime.decodeWord(first.charset, first.encoding, payload);
    at = words[j - 1]!.end;
    i = j;
    // whitespace alone between this word and the next is dropped (the fourth pass)
    if (i < words.length && SPACE_ONLY.test(text.slice(at, words[i]!.start))) at = words[i]!.start;
  }
  return out + text.slice(at);
}

/** Whether `text` is decoded here rather than handed to libmime.decodeWords (tests). */
export function decodesWithoutLibmimePasses(text: string): boolean {
  return strictWords(text) !== null;
}

/** Whether libmime joins `next` onto `previous`: only whitespace between, same encoding and charset. */
function joins(text: string, previous: Word, next: Word): boolean {
  return (
    previous.encoding.toUpperCase() === next.encoding.toUpperCase() &&
    SPACE_ONLY.test(text.slice(previous.end, next.start)) &&
    libmime.normalizeCharset(previous.charset) === libmime.normalizeCharset(next.charset)
  );
}

/** The encoded words of `text`, or null when its shape is one for libmime itself (see above). */
function strictWords(text: string): Word[] | null {
  if (text.includes('\0')) return null;
  const words: Word[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    words.push({
      start: match.index,
      end: match.index + match[0].length,
      charset: match[1]!,
      encoding: match[2]!,
      payload: match[3]!,
    });
  }
  // Outside the words: no "=?" (one that opens no strict word) and no "?" (with which a pattern
  // could start inside a word's closing "=?=" and end in the text after it)
  let at = 0;
  for (const word of words) {
    if (text.slice(at, word.start).includes('?')) return null;
    at = word.end;
  }
  if (text.slice(at).includes('?')) return null;
  return words;
}
