// Recipient fields as people type and paste them: "Anna <anna@x.se>, b@y.com, "Doe, J" <j@z>",
// Outlook's semicolons, "Doe, John <j@x>" without quotes, groups, comments, mailto: links, and
// internationalised addresses (IDN domains, UTF-8 local parts, RFC 6531). Whatever is not an
// address is handed back as typed, so the composer can say which one is wrong. Pure: no Node.
import type { Address } from './domain';

export interface ParsedAddressList {
  addresses: Address[];
  /** Entries that are not addresses, exactly as typed (trimmed), e.g. "anna@" or "Bob". */
  invalid: string[];
}

// atext of RFC 5322 plus any non-ASCII character that is neither a space nor a control
// (RFC 6531 UTF8-non-ascii); a stray no-break space from a paste is an error, not a name.
const ATEXT = String.raw`(?:[A-Za-z0-9!#$%&'*+/=?^_\x60{|}~-]|[^\x00-\x7F\p{Z}\p{C}])`;
const DOT_ATOM = new RegExp(`^${ATEXT}+(?:\\.${ATEXT}+)*$`, 'u');
const QUOTED_LOCAL = /^"(?:[^"\\\r\n]|\\[^\r\n])*"$/;
const LABEL = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?$/u;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Octets in UTF-8, which is what the RFC length limits count. */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

function validIpv4(text: string): boolean {
  const octets = IPV4.exec(text);
  return !!octets && octets.slice(1).every((octet) => Number(octet) <= 255);
}

/** RFC 4291 text form: eight groups, or fewer around one "::", optionally ending in IPv4. */
function validIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1] ?? '';
  const tailIsV4 = last.includes('.');
  if (tailIsV4 && !validIpv4(groups.pop()!)) return false;
  if (!groups.every((g) => HEX_GROUP.test(g))) return false;
  const count = groups.length + (tailIsV4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

function validDomain(domain: string): boolean {
  if (domain.startsWith('[')) {
    if (!domain.endsWith(']')) return false;
    const literal = domain.slice(1, -1);
    return /^IPv6:/i.test(literal) ? validIpv6(literal.slice(5)) : validIpv4(literal);
  }
  if (utf8Length(domain) > 253) return false;
  const labels = domain.split('.');
  if (!labels.every((label) => LABEL.test(label))) return false;
  // "a@1.2.3.4" without brackets is not a host name; a single label ("j@z") is, on a local network.
  return labels.length === 1 || !/^\d+$/.test(labels[labels.length - 1]!);
}

/** Whether `address` is a valid addr-spec, internationalised forms included. */
export function isValidAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (!(DOT_ATOM.test(local) || QUOTED_LOCAL.test(local))) return false;
  if (utf8Length(local) > 64 || utf8Length(address) > 254) return false;
  return validDomain(domain);
}

/** NFC, and the ideographic full stops IDNA treats as dots ("例子。广告") in the domain. */
function normalizeAddress(address: string): string {
  const clean = address.normalize('NFC').replace(/^mailto:/i, '');
  const at = clean.lastIndexOf('@');
  if (at < 0) return clean;
  return clean.slice(0, at + 1) + clean.slice(at + 1).replace(/[\u3002\uFF0E\uFF61]/g, '.');
}

/**
 * Splits a field at , ; and line breaks outside quotes, <...> and (...). Drops group names
 * ("Team: a@x, b@y;") and keeps their members.
 */
function splitEntries(input: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if ((quoted || comment > 0) && ch === '\\' && i + 1 < input.length) {
      current += ch + input[++i];
      continue;
    }
    if (quoted) {
      if (ch === '"') quoted = false;
      current += ch;
      continue;
    }
    if (ch === '"' && comment === 0) quoted = true;
    else if (ch === '(') comment++;
    else if (ch === ')' && comment > 0) comment--;
    else if (comment === 0 && ch === '<') angle++;
    else if (comment === 0 && ch === '>' && angle > 0) angle--;
    else if (comment === 0 && angle === 0 && (ch === ',' || ch === ';' || ch === '\n' || ch === '\r')) {
      entries.push(current);
      current = '';
      continue;
    } else if (comment === 0 && angle === 0 && ch === ':' && !current.includes('@') && !current.includes('<')) {
      // A group's display name (or a "mailto:" scheme): the members that follow are what counts.
      current = '';
      continue;
    }
    current += ch;
  }
  entries.push(current);
  return entries.map((e) => e.trim()).filter((e) => e.length > 0);
}

/** "Doe, John <j@x>" typed without quotes splits at the comma: put the name back together. */
function mergeUnquotedNames(entries: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const next = entries[i + 1];
    const bareWords = !/[@<>"]/.test(entry);
    const nextHasName = next !== undefined && /^[^"<@]+<[^>]*>\s*$/.test(next);
    if (bareWords && nextHasName) {
      out.push(`${entry}, ${next}`);
      i++;
    } else out.push(entry);
  }
  return out;
}

/** Removes top-level (comments) and returns them, e.g. "anna@x (Anna)" → ["Anna"]. */
function takeComments(text: string): { rest: string; comments: string[] } {
  const comments: string[] = [];
  let rest = '';
  let depth = 0;
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length && (quoted || depth > 0)) {
      if (depth > 0) current += text[i + 1];
      else rest += ch + text[i + 1];
      i++;
      continue;
    }
    if (depth === 0 && ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') {
      if (depth > 0) current += ch;
      depth++;
      continue;
    }
    if (!quoted && ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) {
        comments.push(current.trim());
        current = '';
      } else current += ch;
      continue;
    }
    if (depth > 0) current += ch;
    else rest += ch;
  }
  return { rest, comments: comments.filter((c) => c.length > 0) };
}

/** A display name as typed: quotes removed, escapes undone, spaces collapsed. */
function displayName(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) out += text[++i];
    else if (ch !== '"') out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** One entry: "Name <addr>", "addr (Name)", "Name addr", or a bare addr. Null when invalid. */
export function parseAddress(entry: string): Address | null {
  const { rest, comments } = takeComments(entry.trim());
  const text = rest.trim();
  const open = text.lastIndexOf('<');
  let address: string;
  let name: string;
  if (open >= 0) {
    const close = text.indexOf('>', open);
    if (close < 0 || text.slice(close + 1).trim() !== '') return null;
    address = text.slice(open + 1, close).trim();
    name = displayName(text.slice(0, open));
  } else {
    // "Anna Svensson anna@x.se": the last word is the address when it is the only one with an @.
    const words = text.split(/\s+/);
    const last = words[words.length - 1] ?? '';
    const head = words.slice(0, -1).join(' ');
    if (words.length > 1 && last.includes('@') && !head.includes('@') && !text.startsWith('"')) {
      address = last;
      name = displayName(head);
    } else {
      address = text;
      name = '';
    }
  }
  address = normalizeAddress(address);
  if (!isValidAddress(address)) return null;
  if (!name && comments.length) name = comments.join(' ').replace(/\s+/g, ' ');
  return { name: name.normalize('NFC'), address };
}

/**
 * A field's entries as typed, split where parseAddressList splits them ("Doe, John <j@x>"
 * stays one): the recipient fields show each as a chip.
 */
export function splitAddressEntries(input: string): string[] {
  return mergeUnquotedNames(splitEntries(input));
}

/** Parses a To/Cc/Bcc field. Order is kept; duplicates are kept (the caller decides). */
export function parseAddressList(input: string): ParsedAddressList {
  const addresses: Address[] = [];
  const invalid: string[] = [];
  for (const entry of mergeUnquotedNames(splitEntries(input))) {
    const parsed = parseAddress(entry);
    if (parsed) addresses.push(parsed);
    else invalid.push(entry);
  }
  return { addresses, invalid };
}

// RFC 5322 specials: a display name containing any of these must be quoted.
const SPECIALS = /[()<>[\]:;@\\,."]/;

/** One address as a header would show it; parseAddress(formatAddress(a)) gives `a` back. */
export function formatAddress(address: Address): string {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a name
  const name = address.name.replace(/[\x00-\x1F\x7F]/g, ' ').trim();
  if (!name || name === address.address) return address.address;
  const shown = SPECIALS.test(name) ? `"${name.replace(/[\\"]/g, '\\$&')}"` : name;
  return `${shown} <${address.address}>`;
}

export function formatAddressList(list: readonly Address[]): string {
  return list.map(formatAddress).join(', ');
}

/** The key two addresses are the same recipient by: case does not matter in practice. */
export function addressKey(address: string): string {
  return address.normalize('NFC').toLowerCase();
}
