// Every message exists in every language: the key sets match both ways (plural keys compared
// by their base, each language carrying every plural form its grammar needs), and the
// interpolation variables of a message are the same in each translation.
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import sv from '../../renderer/i18n/sv.json';

const languages = { en, sv } as const;
type Language = keyof typeof languages;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value !== 'object' || value === null) return out;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(path, child);
    else if (typeof child === 'object' && child !== null) for (const [k, v] of flatten(child, path)) out.set(k, v);
    else out.set(path, String(child));
  }
  return out;
}

function baseKeys(messages: Map<string, string>): Set<string> {
  return new Set([...messages.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

function pluralBases(messages: Map<string, string>): Set<string> {
  return new Set(
    [...messages.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')),
  );
}

function variables(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1] ?? '').sort();
}

const flat = Object.fromEntries(
  Object.entries(languages).map(([lang, messages]) => [lang, flatten(messages)]),
) as Record<Language, Map<string, string>>;
const pairs: [Language, Language][] = [
  ['en', 'sv'],
  ['sv', 'en'],
];

describe('translations', () => {
  for (const [from, to] of pairs) {
    it(`every ${from} message exists in ${to}`, () => {
      const missing = [...baseKeys(flat[from])].filter((key) => !baseKeys(flat[to]).has(key));
      expect(missing, `keys in ${from}.json missing from ${to}.json`).toEqual([]);
    });
  }

  for (const lang of Object.keys(languages) as Language[]) {
    it(`${lang} has every plural form its grammar needs`, () => {
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const allBases = new Set([...pluralBases(flat.en), ...pluralBases(flat.sv)]);
      const missing: string[] = [];
      for (const base of allBases) {
        if (flat[lang].has(base)) missing.push(`${base} (a plain message where a plural is expected)`);
        for (const category of categories)
          if (!flat[lang].has(`${base}_${category}`)) missing.push(`${base}_${category}`);
      }
      expect(missing, `plural forms missing from ${lang}.json`).toEqual([]);
    });

    it(`${lang} has no empty message`, () => {
      const empty = [...flat[lang]].filter(([, message]) => !message.trim()).map(([key]) => key);
      expect(empty).toEqual([]);
    });
  }

  it('a message uses the same variables in every language', () => {
    const mismatched: string[] = [];
    for (const [key, message] of flat.en) {
      const base = key.replace(PLURAL_SUFFIX, '');
      const other = flat.sv.get(key) ?? flat.sv.get(`${base}_other`) ?? flat.sv.get(base);
      if (other !== undefined && variables(message).join() !== variables(other).join()) mismatched.push(key);
    }
    expect(mismatched).toEqual([]);
  });

  it('special-use folders have a name in every language', () => {
    for (const lang of Object.keys(languages) as Language[]) {
      for (const role of ['inbox', 'drafts', 'sent', 'archive', 'junk', 'trash']) {
        expect(flat[lang].get(`folders.role.${role}`), `${lang}: folders.role.${role}`).toBeTruthy();
      }
    }
    expect(flat.sv.get('folders.role.inbox')).toBe('Inkorg');
    expect(flat.sv.get('folders.role.trash')).toBe('Papperskorg');
  });

  it('the key comparison notices a missing key', () => {
    const reduced = new Map(flat.en);
    reduced.delete('folders.unread_other');
    reduced.delete('reader.label');
    const missingBase = [...baseKeys(flat.en)].filter((key) => !baseKeys(reduced).has(key));
    expect(missingBase).toEqual(['reader.label']);
    const categories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    expect(categories.filter((category) => !reduced.has(`folders.unread_${category}`))).toEqual(['other']);
  });
});
