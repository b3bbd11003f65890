// The palette's fuzzy matcher. Every query letter must appear in order (a subsequence);
// among the ways to place them it picks the best: matches at the start of the text and at
// word starts score most, runs of adjacent letters next, and gaps cost a little. So "arch"
// ranks "Archive" (prefix) above "Search archive" (word start) above "Mark as read, c…"
// (scattered). Case, accents and diacritics are ignored ("skick" finds "Skickat", "mote" "Möte").

export interface FuzzyMatch {
  score: number;
  /** Indices into the text of the matched characters, ascending (for highlighting). */
  indices: number[];
}

const SCORE_MATCH = 1;
const BONUS_START = 12;
const BONUS_WORD_START = 8;
const BONUS_CAMEL = 6;
const BONUS_ADJACENT = 6;
/** A gap costs to open and a little more per skipped character, so runs beat scattered hits. */
const PENALTY_GAP_OPEN = 3;
const PENALTY_GAP = 0.5;
const PENALTY_LEADING = 0.05;
const PENALTY_LENGTH = 0.01;

/** One comparable character per text character, so indices stay valid for highlighting. */
function fold(text: string): string[] {
  return [...text].map((char) =>
    char.charCodeAt(0) < 128 ? char.toLowerCase() : char.normalize('NFD').charAt(0).toLowerCase(),
  );
}

function isSeparator(char: string | undefined): boolean {
  return char === undefined || /[\s\-_./\\:,;()[\]{}'"·…|]/.test(char);
}

function positionBonus(original: readonly string[], index: number): number {
  if (index === 0) return BONUS_START;
  const previous = original[index - 1];
  const current = original[index]!;
  if (isSeparator(previous)) return BONUS_WORD_START;
  if (previous && /\p{Ll}/u.test(previous) && /\p{Lu}/u.test(current)) return BONUS_CAMEL;
  if (previous && /\D/.test(previous) && /\d/.test(current)) return BONUS_WORD_START;
  return 0;
}

/** A text made ready for matching many queries against (the palette prepares each item once). */
export interface PreparedText {
  text: string;
  folded: string[];
  bonus: number[];
}

export function prepareText(text: string): PreparedText {
  const characters = [...text];
  return { text, folded: fold(text), bonus: characters.map((_, index) => positionBonus(characters, index)) };
}

/**
 * Scores `text` against `query`, or returns null when the query's letters are not all in
 * it in order. Whitespace in the query is ignored. Higher is better; an empty query matches
 * everything with score 0.
 */
export function fuzzyMatch(query: string, text: string | PreparedText): FuzzyMatch | null {
  const needle = fold(query.replace(/\s+/g, ''));
  if (needle.length === 0) return { score: 0, indices: [] };
  const prepared = typeof text === 'string' ? null : text;
  const haystack = prepared ? prepared.folded : fold(text as string);
  const m = needle.length;
  const n = haystack.length;
  if (m > n) return null;

  // Quick reject: the letters must appear in order at all.
  let found = 0;
  for (let j = 0; j < n && found < m; j++) if (haystack[j] === needle[found]) found++;
  if (found < m) return null;

  const bonus = prepared ? prepared.bonus : prepareText(text as string).bonus;
  // best[i*n+j]: the best score with needle[i] placed at text[j]; from[i*n+j]: where needle[i-1] was.
  const NONE = Number.NEGATIVE_INFINITY;
  const best = new Float64Array(m * n).fill(NONE);
  const from = new Int32Array(m * n).fill(-1);

  for (let j = 0; j < n; j++) {
    if (haystack[j] === needle[0]) best[j] = SCORE_MATCH + bonus[j]! - PENALTY_LEADING * j;
  }
  for (let i = 1; i < m; i++) {
    const previousRow = (i - 1) * n;
    const row = i * n;
    const letter = needle[i];
    // The best earlier placement j' < j - 1, with the gap penalty it would pay to reach j.
    let runningBest = NONE;
    let runningAt = -1;
    for (let j = i; j < n; j++) {
      if (runningAt >= 0) runningBest -= PENALTY_GAP; // one more skipped character
      if (j >= 2) {
        const candidate = best[previousRow + j - 2]! - PENALTY_GAP_OPEN - PENALTY_GAP;
        if (candidate > runningBest) {
          runningBest = candidate;
          runningAt = j - 2;
        }
      }
      if (haystack[j] !== letter) continue;
      const adjacentFrom = best[previousRow + j - 1]!;
      const adjacent = adjacentFrom > NONE ? adjacentFrom + BONUS_ADJACENT : NONE;
      const base = adjacent >= runningBest ? adjacent : runningBest;
      if (base === NONE) continue;
      best[row + j] = base + SCORE_MATCH + bonus[j]!;
      from[row + j] = adjacent >= runningBest ? j - 1 : runningAt;
    }
  }

  let end = -1;
  let score = NONE;
  const lastRow = (m - 1) * n;
  for (let j = 0; j < n; j++) {
    if (best[lastRow + j]! > score) {
      score = best[lastRow + j]!;
      end = j;
    }
  }
  if (end < 0) return null;
  const indices: number[] = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0; i--) {
    indices[i] = j;
    j = from[i * n + j]!;
  }
  return { score: score - PENALTY_LENGTH * n, indices };
}

/** Splits text into runs for rendering, marking the matched characters. */
export function highlightSegments(text: string, indices: readonly number[]): { text: string; match: boolean }[] {
  const characters = [...text];
  const marked = new Set(indices);
  const segments: { text: string; match: boolean }[] = [];
  for (const [index, char] of characters.entries()) {
    const match = marked.has(index);
    const last = segments.at(-1);
    if (last && last.match === match) last.text += char;
    else segments.push({ text: char, match });
  }
  return segments;
}
