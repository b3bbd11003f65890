// Domain names as discovery needs them: the address split and checked, and the registrable
// domain of a host (mx1.mail.example.co.uk → example.co.uk). The latter is an approximation:
// without the whole Public Suffix List, the common two-label public suffixes are listed here.
import { domainToASCII } from 'node:url';

export interface EmailAddress {
  email: string;
  localPart: string;
  /** Lower case, IDNA (punycode) form. */
  domain: string;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function isDomainName(domain: string): boolean {
  const labels = domain.split('.');
  return domain.length <= 253 && labels.length >= 2 && labels.every((label) => LABEL.test(label));
}

export function parseEmailAddress(input: string): EmailAddress | null {
  const email = input.trim();
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  const localPart = email.slice(0, at);
  if (/\s/.test(localPart)) return null;
  const domain = domainToASCII(
    email
      .slice(at + 1)
      .replace(/\.$/, '')
      .toLowerCase(),
  );
  if (!domain || !isDomainName(domain)) return null;
  return { email, localPart, domain };
}

const TWO_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'net.uk',
  'ltd.uk',
  'plc.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'co.nz',
  'org.nz',
  'net.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'co.kr',
  'or.kr',
  'com.br',
  'net.br',
  'org.br',
  'com.cn',
  'net.cn',
  'org.cn',
  'com.tw',
  'com.hk',
  'com.sg',
  'com.my',
  'co.za',
  'org.za',
  'co.in',
  'net.in',
  'org.in',
  'com.mx',
  'com.ar',
  'com.tr',
  'com.ua',
  'com.pl',
  'co.il',
  'co.id',
  'co.th',
]);

export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return TWO_LABEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}
