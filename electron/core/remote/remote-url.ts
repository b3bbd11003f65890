// Which URLs the engine may fetch for a remote image: http(s) only, parsed by the WHATWG URL
// parser (so "http://0x7f.1/" is already 127.0.0.1 when the address policy sees it), without
// credentials, and not on the ports browsers refuse because other protocols listen there.
import type { BlockReason } from './types';

/**
 * The fetch standard's "bad ports" (https://fetch.spec.whatwg.org/#bad-port): an HTTP request
 * sent to SMTP, IMAP, IRC, ... can be read as commands by that server (cross-protocol attacks).
 */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** The parsed URL, or why it may not be fetched. `base` resolves a redirect's relative Location. */
export function parseRemoteUrl(raw: string, base?: URL): URL | { blocked: BlockReason } {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { blocked: 'bad-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { blocked: 'not-http' };
  // "https://bank.example@evil.example/" only exists to mislead; and we never send credentials
  if (url.username || url.password) return { blocked: 'credentials' };
  if (!url.hostname) return { blocked: 'bad-url' };
  if (url.port && BAD_PORTS.has(Number(url.port))) return { blocked: 'bad-port' };
  url.hash = ''; // never sent anyway; keeps the request line what was checked
  return url;
}

/** The host as an address or DNS name: the URL keeps IPv6 literals in brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}
