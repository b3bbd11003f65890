// Authentication-Results (RFC 8601): what a receiving server found when it checked a message's
// DKIM signature, SPF and DMARC. Anyone can write this header into a message they send, so a
// result counts only when it carries the authserv-id of the account's own server, and only the
// topmost such header (the one that server added on arrival; RFC 8601 section 5 has a border
// server remove any older one claiming its id). Everything else is ignored.

export type AuthMethod = 'dkim' | 'spf' | 'dmarc';
const METHODS: readonly AuthMethod[] = ['dkim', 'spf', 'dmarc'];

export interface AuthResult {
  method: AuthMethod;
  /** pass, fail, softfail, neutral, none, temperror, permerror, policy... as the server wrote it. */
  result: string;
  /** The domain the result is about: header.d (DKIM), smtp.mailfrom (SPF), header.from (DMARC). */
  domain: string | null;
}

export interface ParsedAuthResults {
  authservId: string;
  results: AuthResult[];
}

/** Removes RFC 5322 comments "( ... )", nested ones included, which may hold anything. */
function withoutComments(value: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\' && depth > 0) {
      i++;
      continue;
    }
    if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
    else if (depth === 0) out += char;
  }
  return out;
}

const PROPERTY_OF: Record<AuthMethod, readonly string[]> = {
  dkim: ['header.d', 'header.i'],
  spf: ['smtp.mailfrom', 'smtp.helo'],
  dmarc: ['header.from'],
};

function domainOf(value: string): string {
  const unquoted = value.replace(/^"|"$/g, '');
  const at = unquoted.lastIndexOf('@');
  return (at >= 0 ? unquoted.slice(at + 1) : unquoted).toLowerCase();
}

/** One header's value, or null when it is not the RFC 8601 shape (no authserv-id). */
export function parseAuthenticationResults(value: string): ParsedAuthResults | null {
  const parts = withoutComments(value)
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  const first = parts.shift();
  if (!first) return null;
  // "mx.example.com 1" (a version may follow) – but not "spf=pass", which has no authserv-id
  const [authservId] = first.split(/\s+/);
  if (!authservId || authservId.includes('=')) return null;
  const results: AuthResult[] = [];
  for (const part of parts) {
    const match = /^([a-z0-9-]+)\s*=\s*([a-z0-9-]+)(.*)$/is.exec(part);
    if (!match) continue;
    const method = match[1]!.toLowerCase() as AuthMethod;
    if (!METHODS.includes(method)) continue;
    const properties = new Map<string, string>();
    for (const property of match[3]!.matchAll(/([a-z0-9-]+\.[a-z0-9-]+)\s*=\s*("[^"]*"|\S+)/gi))
      properties.set(property[1]!.toLowerCase(), property[2]!);
    const source = PROPERTY_OF[method].map((name) => properties.get(name)).find((found) => found !== undefined);
    results.push({ method, result: match[2]!.toLowerCase(), domain: source ? domainOf(source) : null });
  }
  return { authservId: authservId.toLowerCase(), results };
}

/**
 * The results of the topmost header whose authserv-id is trusted, or null when no header is.
 * Headers come top first, as in the message.
 */
export function trustedAuthResults(
  headers: readonly string[],
  isTrusted: (authservId: string) => boolean,
): ParsedAuthResults | null {
  for (const header of headers) {
    const parsed = parseAuthenticationResults(header);
    if (parsed && isTrusted(parsed.authservId)) return parsed;
  }
  return null;
}

/** "pass" for a method when any of its results passed for the domain asked about, else its first result. */
export function verdictFor(results: readonly AuthResult[], method: AuthMethod, domain: string): string | null {
  const own = results.filter((result) => result.method === method);
  if (own.length === 0) return null;
  const aligned = own.find(
    (result) => result.result === 'pass' && result.domain !== null && sameOrParent(result.domain, domain),
  );
  return aligned ? 'pass' : own[0]!.result;
}

/** DMARC's relaxed alignment, closely enough: the same domain, or one is a subdomain of the other. */
function sameOrParent(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}
