// Senders that pretend: a display name that carries another address ("PayPal <service@paypal.com>"
// <x@evil.test>), and a domain that imitates a known one with lookalike characters (Cyrillic
// "а" for Latin "a", "rn" for "m", "1" for "l") or hides behind punycode (xn--). Pure; the
// confusables are a small table of the ones phishing uses, not Unicode's full list.
import { domainToUnicode } from 'node:url';

/** Domains people trust by name; the account's own domain is added to these. */
export const KNOWN_DOMAINS: readonly string[] = [
  'paypal.com',
  'apple.com',
  'icloud.com',
  'google.com',
  'gmail.com',
  'microsoft.com',
  'outlook.com',
  'office.com',
  'live.com',
  'amazon.com',
  'facebook.com',
  'instagram.com',
  'linkedin.com',
  'netflix.com',
  'dropbox.com',
  'docusign.com',
  'github.com',
  'yahoo.com',
  'dhl.com',
  'fedex.com',
  'ups.com',
  'postnord.se',
  'bankid.com',
  'swedbank.se',
  'seb.se',
  'handelsbanken.se',
  'nordea.se',
  'skatteverket.se',
];

/** Characters that look like a Latin letter or digit, mapped to it. */
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  һ: 'h',
  ӏ: 'l',
  к: 'k',
  м: 'm',
  т: 't',
  в: 'b',
  н: 'h',
  α: 'a',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  ɡ: 'g',
  ɑ: 'a',
  ı: 'i',
  ȷ: 'j',
  ℓ: 'l',
  ⅼ: 'l',
  ⅰ: 'i',
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '5': 's',
};

/** What a domain looks like: accents dropped, lookalikes replaced, "rn" read as "m", "vv" as "w", "i" as "l". */
export function skeleton(domain: string): string {
  const folded = domain
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
  let out = '';
  for (const char of folded) out += CONFUSABLE[char] ?? char;
  return out.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/i/g, 'l');
}

export type SenderWarning =
  | { kind: 'name-has-other-address'; shown: string }
  | { kind: 'lookalike'; domain: string; imitates: string }
  | { kind: 'punycode'; domain: string; unicode: string };

const ADDRESS_IN_NAME = /[^\s<>"()@]+@[^\s<>"()@]+\.[^\s<>"()@]+/u;

/** Everything a sender's name and address say that the user should be warned about. */
export function senderWarnings(name: string, address: string, ownDomains: readonly string[] = []): SenderWarning[] {
  const warnings: SenderWarning[] = [];
  const shown = ADDRESS_IN_NAME.exec(name)?.[0]?.replace(/[.,;:]+$/, '');
  if (shown && shown.toLowerCase() !== address.toLowerCase()) warnings.push({ kind: 'name-has-other-address', shown });

  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  if (!domain || !address.includes('@')) return warnings;
  const unicode = domain.split('.').some((label) => label.startsWith('xn--')) ? domainToUnicode(domain) : domain;
  if (unicode !== domain && unicode !== '') warnings.push({ kind: 'punycode', domain, unicode });

  const known = [...new Set([...ownDomains.map((own) => own.toLowerCase()), ...KNOWN_DOMAINS])];
  const isKnown = (each: string) => known.some((k) => each === k || each.endsWith(`.${k}`));
  if (!isKnown(unicode) && !isKnown(domain)) {
    const shape = skeleton(unicode);
    // The registrable part is what is imitated: "paypa1.com" and "secure.paypa1.com" alike.
    const imitated = known.find((each) => {
      const target = skeleton(each);
      return shape === target || shape.endsWith(`.${target}`);
    });
    if (imitated) warnings.push({ kind: 'lookalike', domain: unicode, imitates: imitated });
  }
  return warnings;
}
