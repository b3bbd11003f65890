// RFC 8058's one-click unsubscribe: a POST of "List-Unsubscribe=One-Click" to the https link a
// mailing list put in its List-Unsubscribe header, made by the engine after the user confirmed.
// The message chooses the URL, so it goes through the remote images' address policy: no
// private, loopback or link-local address (SSRF), the connection pinned to the address checked,
// no cookies, no credentials, no Referer, nothing about the user, and no redirect followed
// (RFC 8058 3.2: the POST carries no context; a redirect could only lead somewhere else).
import { untilAborted } from './abortable';
import { checkedAddress } from './fetch-remote-image';
import { isLoopbackHost } from './loopback-host';
import { pinnedFetch } from './pinned-fetch';
import { parseRemoteUrl } from './remote-url';
import { loopbackAllowedForTests } from './test-overrides';
import type { BlockReason, Lookup } from './types';

export const ONE_CLICK_TIMEOUT_MS = 15_000;

export type OneClickResult = { done: true } | { blocked: BlockReason | 'not-https' };

export interface OneClickDeps {
  lookup?: Lookup;
  allowLoopback?: boolean;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function oneClickUnsubscribe(rawUrl: string, deps: OneClickDeps = {}): Promise<OneClickResult> {
  const url = parseRemoteUrl(rawUrl);
  if (!(url instanceof URL)) return url;
  const allowLoopback = deps.allowLoopback ?? loopbackAllowedForTests();
  // https only: the link identifies the subscriber. The tests' local server (loopback, allowed
  // only by the test override, never in Electron) may speak plain http.
  if (url.protocol !== 'https:' && !(allowLoopback && isLoopbackHost(url))) return { blocked: 'not-https' };
  const signal = AbortSignal.timeout(deps.timeoutMs ?? ONE_CLICK_TIMEOUT_MS);
  try {
    const address = await checkedAddress(url, { lookup: deps.lookup, allowLoopback }, signal);
    if ('blocked' in address) return address;
    const client = deps.fetch ?? pinnedFetch(address);
    const response = await untilAborted(
      client(url.href, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': 'Mozilla/5.0',
          'Content-Length': String('List-Unsubscribe=One-Click'.length),
        },
        body: 'List-Unsubscribe=One-Click',
        redirect: 'manual',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        signal,
      }),
      signal,
    );
    response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status <= 299) return { done: true };
    return { blocked: `http-${response.status}` };
  } catch {
    return { blocked: signal.aborted ? 'timeout' : 'network' };
  }
}
