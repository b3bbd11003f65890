// The engine's HTTP client for remote images: a `fetch` over node:http(s) whose connection goes
// to the address the policy already checked, never to a second DNS answer. With the global
// fetch the name would be resolved again at connect time, and a DNS server answering
// "public" to the check and "192.168.1.1" to the connection (DNS rebinding) would walk past
// the policy. TLS is still verified against the host name in the URL.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable, pipeline } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { ResolvedAddress } from './types';

/** The body as the server meant it: we ask for identity, but some servers compress anyway. */
function decodedBody(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : null;
  // an unknown encoding passes through as it is, and then fails the image sniffing
  return decoder ? pipeline(response, decoder, () => {}) : response;
}

function toResponse(response: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const status = response.statusCode ?? 500;
  const bodyless = status === 204 || status === 205 || status === 304;
  if (bodyless) response.resume();
  const body = bodyless ? null : (Readable.toWeb(decodedBody(response)) as ReadableStream<Uint8Array>);
  return new Response(body, { status, statusText: response.statusMessage ?? '', headers });
}

/**
 * A fetch (no redirects followed, no cookies) that connects only to `pinned`: a GET, or a POST
 * with a string body (the one-click unsubscribe).
 */
export function pinnedFetch(pinned: ResolvedAddress): typeof fetch {
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  return ((input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        url,
        // agent: false, so no pooled socket made for another (pinned) address is ever reused
        { method: init?.method ?? 'GET', headers, lookup, agent: false, signal: init?.signal ?? undefined },
        (response) => resolve(toResponse(response)),
      );
      outgoing.on('error', reject);
      outgoing.end(typeof init?.body === 'string' ? init.body : undefined);
    });
  }) as typeof fetch;
}
