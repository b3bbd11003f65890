// Reply and forward subjects that never stack. Mail clients in other languages prefix with their
// own words ("Sv:", "AW:", "TR:", "Re[2]:"), often several deep once a thread has crossed a few
// clients, so a reply strips every known prefix and adds exactly one. Pure: no Node, no DOM.

/** Languages whose clients' prefixes we write; any of them is recognised when reading. */
export type SubjectLanguage = 'en' | 'sv' | 'da' | 'nb' | 'fi' | 'de' | 'nl' | 'fr';

export interface SubjectPrefixes {
  reply: string;
  forward: string;
}

/**
 * What a reply or forward is prefixed with per language. English is the default on purpose:
 * "Re:" is the RFC 5322 convention every client recognises; the others are what Outlook in
 * those languages writes, for users who want their replies to look local.
 */
export const SUBJECT_PREFIXES: Readonly<Record<SubjectLanguage, SubjectPrefixes>> = {
  en: { reply: 'Re:', forward: 'Fwd:' },
  sv: { reply: 'Sv:', forward: 'VB:' },
  da: { reply: 'SV:', forward: 'VS:' },
  nb: { reply: 'SV:', forward: 'VS:' },
  fi: { reply: 'VS:', forward: 'VL:' },
  de: { reply: 'AW:', forward: 'WG:' },
  nl: { reply: 'Antw:', forward: 'Doorst:' },
  fr: { reply: 'RE:', forward: 'TR:' },
};

// Every reply/forward word we know, any case: English, Nordic, German, Dutch, French, Italian,
// Spanish/Portuguese, Polish, Turkish, Chinese. Kept to real prefixes so that ordinary subjects
// starting with a short word and a colon ("Info: ...", "Ref: invoice 7") are left alone.
const WORDS = [
  're',
  'fw',
  'fwd',
  'sv',
  'vs',
  'vb',
  'vl',
  'aw',
  'wg',
  'antw',
  'antwort',
  'doorst',
  'réf',
  'tr',
  'rif',
  'rv',
  'res',
  'enc',
  'odp',
  'pd',
  'ynt',
  'i̇lt',
  'İlt',
  '回复',
  '回覆',
  '答复',
  '转发',
  '轉寄',
];

// One prefix: a word, an optional counter ("[2]", "(2)", "^2"), optional spaces, a colon
// (ASCII or full-width). Anchored and repeated by baseSubject, so any nesting goes.
const PREFIX = new RegExp(`^\\s*(?:${WORDS.join('|')})\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*[:：]`, 'iu');

/** The subject without any reply/forward prefixes, e.g. "Re: Sv: Re[2]: Hej" → "Hej". */
export function baseSubject(subject: string): string {
  // NFC first: "Réf" may arrive decomposed (e + combining accent) from some clients.
  let rest = subject.normalize('NFC');
  // Bounded: a pathological subject of thousands of prefixes still ends.
  for (let i = 0; i < 100; i++) {
    const match = PREFIX.exec(rest);
    if (!match) break;
    rest = rest.slice(match[0].length);
  }
  return rest.replace(/\s+/g, ' ').trim();
}

/** True when the subject starts with any known reply or forward prefix. */
export function hasSubjectPrefix(subject: string): boolean {
  return PREFIX.test(subject.normalize('NFC'));
}

function prefixed(prefix: string, subject: string): string {
  const base = baseSubject(subject);
  return base ? `${prefix} ${base}` : prefix;
}

export function replySubject(subject: string, language: SubjectLanguage = 'en'): string {
  return prefixed(SUBJECT_PREFIXES[language].reply, subject);
}

export function forwardSubject(subject: string, language: SubjectLanguage = 'en'): string {
  return prefixed(SUBJECT_PREFIXES[language].forward, subject);
}

/** The prefix language for a BCP 47 locale ("sv-SE" → "sv"); English when we have none for it. */
export function subjectLanguageOf(locale: string | undefined): SubjectLanguage {
  const language = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const alias: Record<string, SubjectLanguage> = { no: 'nb', nn: 'nb' };
  const found = alias[language] ?? language;
  return Object.hasOwn(SUBJECT_PREFIXES, found) ? (found as SubjectLanguage) : 'en';
}
