// Tags are IMAP keywords (RFC 9051 2.3.2): free-form flags a client sets on a message and every
// other client sees. Thunderbird's five labels ($label1..5) are known by their usual names and
// colours, so a message tagged "Work" there is "Work" here too. Pure: the engine, the search
// parser and the UI share it.

export interface KnownLabel {
  keyword: string;
  /** Key of the name in the UI's strings ("tags.names.<id>") and the word tag: accepts. */
  id: 'important' | 'work' | 'personal' | 'todo' | 'later';
  /** Thunderbird's colour for the label. */
  colour: string;
  /** What tag: accepts for it besides its id: its name in every language the UI speaks. */
  searchNames: readonly string[];
}

export const KNOWN_LABELS: readonly KnownLabel[] = [
  { keyword: '$label1', id: 'important', colour: '#d92d20', searchNames: ['viktigt'] },
  { keyword: '$label2', id: 'work', colour: '#c76a00', searchNames: ['arbete'] },
  { keyword: '$label3', id: 'personal', colour: '#1a7f37', searchNames: ['personligt'] },
  { keyword: '$label4', id: 'todo', colour: '#3a3ad6', searchNames: ['attgöra'] },
  { keyword: '$label5', id: 'later', colour: '#8a3a8a', searchNames: ['senare'] },
];

/**
 * Keywords that are state, not tags: replies and forwards, read receipts, junk verdicts, and
 * other clients' bookkeeping. Kept on the message, never shown as a tag.
 */
const STATE_KEYWORDS = new Set(
  [
    '$forwarded',
    '$mdnsent',
    '$junk',
    '$notjunk',
    'junk',
    'nonjunk',
    'notjunk',
    '$phishing',
    '$submitpending',
    '$submitted',
    '$hasattachment',
    '$hasnoattachment',
    '$autojunk',
    '$autonotjunk',
    '$important',
    '$notphishing',
    '$muted',
    '$followed',
  ].map((keyword) => keyword.toLowerCase()),
);

export function isTagKeyword(keyword: string): boolean {
  const lower = keyword.toLowerCase();
  return !STATE_KEYWORDS.has(lower) && !lower.startsWith('$mailflagbit') && !lower.startsWith('\\');
}

/** An IMAP atom a server takes as a keyword: no space, no atom-special, no control character. */
// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const KEYWORD = /^[^\s(){%*"\\\]\u0000-\u001f\u007f]{1,64}$/u;

export function isValidKeyword(keyword: string): boolean {
  return KEYWORD.test(keyword) && /^[\x21-\x7e]+$/.test(keyword);
}

export function knownLabel(keyword: string): KnownLabel | undefined {
  const lower = keyword.toLowerCase();
  return KNOWN_LABELS.find((label) => label.keyword === lower);
}

/** The keyword `tag:<word>` means: a known label by its name ("work", "to-do", "arbete"), else the word itself. */
export function keywordForTagSearch(word: string): string {
  const lower = word.toLowerCase().replace(/[-_\s]/g, '');
  const known = KNOWN_LABELS.find((label) => label.id === lower || label.searchNames.includes(lower));
  return known?.keyword ?? word.toLowerCase();
}
