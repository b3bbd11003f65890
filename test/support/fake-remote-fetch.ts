// DNS and HTTP for the engine's remote-image fetcher, replaced: a public address for every
// host unless told otherwise, and a fetch that answers from a table of URL -> Response and
// records every request, so no test ever reaches the network.
import type { Lookup, RemoteImageDeps } from '../../electron/core/remote/fetch-remote-image';

/** The first bytes of a PNG: enough for the type sniffing. */
export const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
export const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const text = (value: string) => new TextEncoder().encode(value);

export const publicLookup: Lookup = async () => [{ address: '93.184.216.34', family: 4 }];

export interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch answering from a table of URL -> Response factory, recording every call. */
export function fakeFetch(routes: Record<string, () => Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const route = routes[url];
    if (!route) throw new Error(`unexpected request to ${url}`);
    return route();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export const image =
  (bytes: Uint8Array<ArrayBuffer> = PNG, type = 'image/png', headers: Record<string, string> = {}) =>
  () =>
    new Response(bytes, { status: 200, headers: { 'content-type': type, ...headers } });
export const redirect =
  (location: string, status = 302) =>
  () =>
    new Response(null, { status, headers: location ? { location } : {} });

export function deps(fetch: typeof globalThis.fetch, extra: Partial<RemoteImageDeps> = {}): RemoteImageDeps {
  return { fetch, lookup: publicLookup, allowLoopback: false, ...extra };
}
