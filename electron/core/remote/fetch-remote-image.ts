// Remote images the user chose to load ("Load once", "Always for this sender") are fetched
// here, by the engine, and handed to the renderer as data: URLs: the renderer and the message
// frame never make a network request (their CSPs admit data: images only). Because a message
// chooses the URL, every hop is checked: http(s) only, no credentials, no bad ports, no host
// that is or resolves to a non-public address (SSRF), at most 5 redirects, 10 s in total,
// 5 MB at most, and the bytes must be an image. Nothing identifying is sent: no cookies, no
// Referer, a generic User-Agent.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { untilAborted } from './abortable';
import { forbiddenAddress, type AddressPolicy } from './address-policy';
import { imageDataType, isDeclaredImageType, SNIFF_BYTES } from './image-type';
import { pinnedFetch } from './pinned-fetch';
import { readCapped } from './read-capped';
import { hostOf, parseRemoteUrl } from './remote-url';
import { loopbackAllowedForTests } from './test-overrides';
import type { BlockReason, Lookup, RemoteImageResult, ResolvedAddress } from './types';

export type { BlockReason, Lookup, RemoteImageResult, ResolvedAddress } from './types';

export const REMOTE_IMAGE_TIMEOUT_MS = 10_000;
export const REMOTE_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const REMOTE_IMAGE_MAX_REDIRECTS = 5;

/** What every image request says about the user: nothing but "a browser". */
const REQUEST_HEADERS = {
  'User-Agent': 'Mozilla/5.0',
  Accept: 'image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8',
  'Accept-Encoding': 'identity',
};

export interface RemoteImageDeps extends AddressPolicy {
  /**
   * The HTTP client, called once per hop with redirect: 'manual'. By default a node:http(s)
   * request pinned to the checked address (see pinned-fetch.ts); an injected one (tests) is
   * called with the URL as is.
   */
  fetch?: typeof fetch;
  /** DNS resolution; every address of the name is checked. Default: the system resolver. */
  lookup?: Lookup;
  /** Total budget for all hops, DNS and the body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Ends the fetch early (the caller lost interest). */
  signal?: AbortSignal;
}

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The address to connect to, after checking every address the host has. */
export async function checkedAddress(
  url: URL,
  deps: Pick<RemoteImageDeps, 'lookup' | 'allowLoopback'>,
  signal: AbortSignal,
): Promise<ResolvedAddress | { blocked: BlockReason }> {
  const host = hostOf(url);
  const family = isIP(host);
  let addresses: ResolvedAddress[];
  if (family) {
    addresses = [{ address: host, family }];
  } else {
    try {
      addresses = await untilAborted((deps.lookup ?? systemLookup)(host), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      return { blocked: 'unresolvable' };
    }
  }
  const policy = { allowLoopback: deps.allowLoopback ?? loopbackAllowedForTests() };
  // a name with one public and one private address is refused: the connection could go either way
  for (const { address } of addresses) {
    const category = forbiddenAddress(address, policy);
    if (category === 'not-an-ip') return { blocked: 'bad-address' };
    if (category) return { blocked: `${category}-address` };
  }
  return addresses[0] ?? { blocked: 'unresolvable' };
}

async function imageFromResponse(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<RemoteImageResult> {
  const contentType = response.headers.get('content-type');
  // refused before a byte of the body is read
  if (!isDeclaredImageType(contentType)) return discard(response, { blocked: 'not-image' });
  if (Number(response.headers.get('content-length') ?? NaN) > maxBytes)
    return discard(response, { blocked: 'too-large' });
  const bytes = await readCapped(response.body, maxBytes, signal);
  if (bytes === 'too-large') return { blocked: 'too-large' };
  const type = imageDataType(contentType, bytes.subarray(0, SNIFF_BYTES));
  if (!type) return { blocked: 'not-image' };
  return { dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` };
}

/** Leaves a response's body unread (which frees the connection) and returns `result`. */
function discard<T>(response: Response, result: T): T {
  response.body?.cancel().catch(() => {});
  return result;
}

async function fetchWithin(rawUrl: string, deps: RemoteImageDeps, signal: AbortSignal): Promise<RemoteImageResult> {
  const maxRedirects = deps.maxRedirects ?? REMOTE_IMAGE_MAX_REDIRECTS;
  let url = parseRemoteUrl(rawUrl);
  for (let redirects = 0; ; redirects++) {
    if (!(url instanceof URL)) return url;
    const address = await checkedAddress(url, deps, signal);
    if ('blocked' in address) return address;
    const client = deps.fetch ?? pinnedFetch(address);
    const response = await untilAborted(
      client(url.href, {
        method: 'GET',
        headers: REQUEST_HEADERS,
        redirect: 'manual',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal,
      }),
      signal,
    );
    if (REDIRECTS.has(response.status)) {
      const location = discard(response, response.headers.get('location'));
      if (redirects >= maxRedirects) return { blocked: 'too-many-redirects' };
      if (!location) return { blocked: 'bad-redirect' };
      url = parseRemoteUrl(location, url); // checked again, address and all, on the next turn
      continue;
    }
    if (response.status < 200 || response.status > 299)
      return discard(response, { blocked: `http-${response.status}` as const });
    return await imageFromResponse(response, deps.maxBytes ?? REMOTE_IMAGE_MAX_BYTES, signal);
  }
}

/** Fetches one remote image as a data: URL, or says why it was refused. Never throws. */
export async function fetchRemoteImage(url: string, deps: RemoteImageDeps = {}): Promise<RemoteImageResult> {
  const timeout = AbortSignal.timeout(deps.timeoutMs ?? REMOTE_IMAGE_TIMEOUT_MS);
  const signal = deps.signal ? AbortSignal.any([timeout, deps.signal]) : timeout;
  try {
    return await fetchWithin(url, deps, signal);
  } catch {
    if (timeout.aborted) return { blocked: 'timeout' };
    if (signal.aborted) return { blocked: 'cancelled' };
    return { blocked: 'network' };
  }
}
