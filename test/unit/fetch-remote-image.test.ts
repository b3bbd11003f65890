// The engine's remote-image fetcher with DNS and HTTP replaced: every refusal (scheme,
// credentials, ports, non-public addresses in all their spellings, redirects to them), the
// size cap, the time budget, content types and sniffing, and what is sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRemoteImage, REMOTE_IMAGE_MAX_BYTES, type Lookup } from '../../electron/core/remote/fetch-remote-image';
import { PNG, base64, deps, fakeFetch, image, publicLookup, redirect, text } from '../support/fake-remote-fetch';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('fetchRemoteImage: a public image', () => {
  it('returns a base64 data: URL of the bytes', async () => {
    const { fetch } = fakeFetch({ 'https://img.example/a.png': image() });
    expect(await fetchRemoteImage('https://img.example/a.png', deps(fetch))).toEqual({
      dataUrl: `data:image/png;base64,${base64(PNG)}`,
    });
  });

  it('sends no cookies, no Referer, no credentials and a generic User-Agent, and follows no redirect itself', async () => {
    const { fetch, calls } = fakeFetch({ 'http://img.example/a.png': image() });
    await fetchRemoteImage('http://img.example/a.png', deps(fetch));
    expect(calls).toHaveLength(1);
    const init = calls[0]!.init!;
    expect(init).toMatchObject({
      method: 'GET',
      redirect: 'manual',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    const headers = new Headers(init.headers);
    expect(headers.get('user-agent')).toBe('Mozilla/5.0');
    for (const name of ['cookie', 'referer', 'authorization', 'origin']) expect(headers.has(name)).toBe(false);
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('drops the fragment and asks for exactly the URL that was checked', async () => {
    const { fetch, calls } = fakeFetch({ 'https://img.example/a.png?x=1': image() });
    await fetchRemoteImage('https://IMG.example/a.png?x=1#frag', deps(fetch));
    expect(calls.map((call) => call.url)).toEqual(['https://img.example/a.png?x=1']);
  });
});

describe('fetchRemoteImage: URLs that are never requested', () => {
  it.each([
    ['not a url', 'bad-url'],
    ['/relative.png', 'bad-url'],
    ['ftp://img.example/a.png', 'not-http'],
    ['file:///etc/passwd', 'not-http'],
    ['javascript:alert(1)', 'not-http'],
    ['data:image/png;base64,AAAA', 'not-http'],
    ['app://mail/index.html', 'not-http'],
    ['https://user:secret@img.example/a.png', 'credentials'],
    ['https://user@img.example/a.png', 'credentials'],
    ['https://bank.example:@evil.example/a.png', 'credentials'],
    ['http://img.example:25/a.png', 'bad-port'],
    ['http://img.example:143/a.png', 'bad-port'],
    ['http://img.example:6667/a.png', 'bad-port'],
  ])('%s is refused (%s)', async (url, reason) => {
    const { fetch, calls } = fakeFetch({});
    const lookup = vi.fn(publicLookup);
    expect(await fetchRemoteImage(url, deps(fetch, { lookup }))).toEqual({ blocked: reason });
    expect(calls).toEqual([]);
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('fetchRemoteImage: hosts that are not public (SSRF)', () => {
  it.each([
    ['http://127.0.0.1/a.png', 'loopback-address'],
    ['http://127.8.9.10/a.png', 'loopback-address'],
    ['http://2130706433/a.png', 'loopback-address'], // decimal 127.0.0.1
    ['http://0x7f.1/a.png', 'loopback-address'], // hex shorthand
    ['http://017700000001/a.png', 'loopback-address'], // octal
    ['http://[::1]/a.png', 'loopback-address'],
    ['http://[0:0:0:0:0:0:0:1]/a.png', 'loopback-address'],
    ['http://10.0.0.1/a.png', 'private-address'],
    ['http://10.255.255.255/a.png', 'private-address'],
    ['http://172.16.0.1/a.png', 'private-address'],
    ['http://172.31.255.254/a.png', 'private-address'],
    ['http://192.168.1.1/a.png', 'private-address'],
    ['http://100.64.0.1/a.png', 'private-address'],
    ['http://100.127.255.254/a.png', 'private-address'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local-address'],
    ['http://[fe80::1]/a.png', 'link-local-address'],
    ['http://[febf::1]/a.png', 'link-local-address'],
    ['http://[fc00::1]/a.png', 'unique-local-address'],
    ['http://[fd12:3456::1]/a.png', 'unique-local-address'],
    ['http://224.0.0.1/a.png', 'multicast-address'],
    ['http://239.255.255.250/a.png', 'multicast-address'],
    ['http://[ff02::1]/a.png', 'multicast-address'],
    ['http://0.0.0.0/a.png', 'unspecified-address'],
    ['http://0/a.png', 'unspecified-address'],
    ['http://[::]/a.png', 'unspecified-address'],
    ['http://255.255.255.255/a.png', 'reserved-address'],
    // IPv4-mapped and the other IPv6 spellings of IPv4 addresses
    ['http://[::ffff:127.0.0.1]/a.png', 'loopback-address'],
    ['http://[::ffff:7f00:1]/a.png', 'loopback-address'],
    ['http://[0:0:0:0:0:ffff:192.168.0.1]/a.png', 'private-address'],
    ['http://[::ffff:a9fe:a9fe]/a.png', 'link-local-address'],
    ['http://[::ffff:0.0.0.0]/a.png', 'unspecified-address'],
    ['http://[::10.0.0.1]/a.png', 'private-address'],
    ['http://[64:ff9b::10.0.0.1]/a.png', 'private-address'],
    ['http://[2002:c0a8:101::1]/a.png', 'private-address'], // 6to4 for 192.168.1.1
  ])('%s is refused (%s) without a request', async (url, reason) => {
    const { fetch, calls } = fakeFetch({});
    expect(await fetchRemoteImage(url, deps(fetch))).toEqual({ blocked: reason });
    expect(calls).toEqual([]);
  });

  it.each([
    'http://8.8.8.8/a.png',
    'http://11.0.0.1/a.png',
    'http://172.15.255.255/a.png',
    'http://172.32.0.1/a.png',
    'http://100.63.255.255/a.png',
    'http://100.128.0.1/a.png',
    'http://192.167.255.255/a.png',
    'http://169.253.0.1/a.png',
    'http://[2606:4700:4700::1111]/a.png',
    'http://[::ffff:8.8.8.8]/a.png',
    'http://[2002:808:808::1]/a.png',
  ])('%s (public, just outside a refused range) is fetched', async (url) => {
    const { fetch, calls } = fakeFetch({ [new URL(url).href]: image() });
    expect(await fetchRemoteImage(url, deps(fetch))).toHaveProperty('dataUrl');
    expect(calls).toHaveLength(1);
  });

  it.each([
    [[{ address: '127.0.0.1', family: 4 }], 'loopback-address'],
    [[{ address: '192.168.0.10', family: 4 }], 'private-address'],
    [[{ address: '::ffff:10.1.1.1', family: 6 }], 'private-address'],
    [[{ address: 'fd00::5', family: 6 }], 'unique-local-address'],
    // one public and one private answer: the connection could go to either, so no
    [
      [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
      'private-address',
    ],
    [[{ address: 'not-an-address', family: 4 }], 'bad-address'],
    [[], 'unresolvable'],
  ])('a name resolving to %j is refused (%s) without a request', async (answer, reason) => {
    const { fetch, calls } = fakeFetch({});
    const lookup = vi.fn(async () => answer);
    expect(await fetchRemoteImage('https://sneaky.example/a.png', deps(fetch, { lookup }))).toEqual({
      blocked: reason,
    });
    expect(lookup).toHaveBeenCalledWith('sneaky.example');
    expect(calls).toEqual([]);
  });

  it('a name that does not resolve is refused', async () => {
    const { fetch } = fakeFetch({});
    const lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect(await fetchRemoteImage('https://nowhere.example/a.png', deps(fetch, { lookup }))).toEqual({
      blocked: 'unresolvable',
    });
  });

  it('lets loopback (only loopback) through when the policy allows it for tests', async () => {
    const { fetch } = fakeFetch({ 'http://127.0.0.1:8080/a.png': image(), 'http://[::1]:8080/a.png': image() });
    const allow = deps(fetch, { allowLoopback: true });
    expect(await fetchRemoteImage('http://127.0.0.1:8080/a.png', allow)).toHaveProperty('dataUrl');
    expect(await fetchRemoteImage('http://[::1]:8080/a.png', allow)).toHaveProperty('dataUrl');
    expect(await fetchRemoteImage('http://0.0.0.0:8080/a.png', allow)).toEqual({ blocked: 'unspecified-address' });
    expect(await fetchRemoteImage('http://10.0.0.1:8080/a.png', allow)).toEqual({ blocked: 'private-address' });
    expect(await fetchRemoteImage('http://169.254.169.254/', allow)).toEqual({ blocked: 'link-local-address' });
  });

  it('honours MAIL_TEST_ALLOW_LOOPBACK_IMAGES=1 (and nothing else) when the policy is not given', async () => {
    const { fetch } = fakeFetch({ 'http://127.0.0.1:8080/a.png': image() });
    const noPolicy = { fetch, lookup: publicLookup };
    expect(await fetchRemoteImage('http://127.0.0.1:8080/a.png', noPolicy)).toEqual({ blocked: 'loopback-address' });
    vi.stubEnv('MAIL_TEST_ALLOW_LOOPBACK_IMAGES', 'true');
    expect(await fetchRemoteImage('http://127.0.0.1:8080/a.png', noPolicy)).toEqual({ blocked: 'loopback-address' });
    vi.stubEnv('MAIL_TEST_ALLOW_LOOPBACK_IMAGES', '1');
    expect(await fetchRemoteImage('http://127.0.0.1:8080/a.png', noPolicy)).toHaveProperty('dataUrl');
    expect(await fetchRemoteImage('http://192.168.0.1/a.png', noPolicy)).toEqual({ blocked: 'private-address' });
  });
});

describe('fetchRemoteImage: redirects', () => {
  it('follows redirects (relative ones too), checking each hop', async () => {
    const lookup = vi.fn(publicLookup);
    const { fetch, calls } = fakeFetch({
      'https://t.example/open?id=1': redirect('https://cdn.example/img/a.png', 301),
      'https://cdn.example/img/a.png': redirect('../b.png', 307),
      'https://cdn.example/b.png': image(),
    });
    expect(await fetchRemoteImage('https://t.example/open?id=1', deps(fetch, { lookup }))).toHaveProperty('dataUrl');
    expect(calls.map((call) => call.url)).toEqual([
      'https://t.example/open?id=1',
      'https://cdn.example/img/a.png',
      'https://cdn.example/b.png',
    ]);
    expect(lookup.mock.calls.map(([host]) => host)).toEqual(['t.example', 'cdn.example', 'cdn.example']);
  });

  it.each([
    ['http://192.168.1.1/admin.png', 'private-address'],
    ['http://127.0.0.1:6379/', 'loopback-address'],
    ['http://[::ffff:169.254.169.254]/latest/meta-data/', 'link-local-address'],
    ['http://internal.example/a.png', 'private-address'], // resolves to 10.0.0.2 below
    ['file:///etc/passwd', 'not-http'],
    ['https://user:pw@cdn.example/a.png', 'credentials'],
    ['http://cdn.example:25/', 'bad-port'],
  ])('a redirect to %s is refused (%s) and never followed', async (location, reason) => {
    const lookup: Lookup = async (host) =>
      host === 'internal.example' ? [{ address: '10.0.0.2', family: 4 }] : publicLookup(host);
    const { fetch, calls } = fakeFetch({ 'https://t.example/p.gif': redirect(location) });
    expect(await fetchRemoteImage('https://t.example/p.gif', deps(fetch, { lookup }))).toEqual({ blocked: reason });
    expect(calls).toHaveLength(1);
  });

  it('follows at most 5 redirects', async () => {
    const chain = (length: number) =>
      Object.fromEntries(
        Array.from({ length }, (_, i) => [`https://r.example/${i}`, redirect(`https://r.example/${i + 1}`)]).concat([
          [`https://r.example/${length}`, image()],
        ]),
      );
    const five = fakeFetch(chain(5));
    expect(await fetchRemoteImage('https://r.example/0', deps(five.fetch))).toHaveProperty('dataUrl');
    expect(five.calls).toHaveLength(6);
    const six = fakeFetch(chain(6));
    expect(await fetchRemoteImage('https://r.example/0', deps(six.fetch))).toEqual({ blocked: 'too-many-redirects' });
    expect(six.calls).toHaveLength(6);
  });

  it('refuses a redirect without a Location', async () => {
    const { fetch } = fakeFetch({ 'https://r.example/x': redirect('') });
    expect(await fetchRemoteImage('https://r.example/x', deps(fetch))).toEqual({ blocked: 'bad-redirect' });
  });
});

describe('fetchRemoteImage: time budget', () => {
  it('gives up on a server that never answers (even when the fetch ignores its signal)', async () => {
    const fetch = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
    const started = Date.now();
    expect(await fetchRemoteImage('https://slow.example/a.png', deps(fetch, { timeoutMs: 50 }))).toEqual({
      blocked: 'timeout',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up on DNS that never answers', async () => {
    const { fetch, calls } = fakeFetch({});
    const lookup = () => new Promise<never>(() => {});
    expect(await fetchRemoteImage('https://slow.example/a.png', deps(fetch, { lookup, timeoutMs: 50 }))).toEqual({
      blocked: 'timeout',
    });
    expect(calls).toEqual([]);
  });

  it('gives up on a body that stalls half way, and cancels it', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(PNG),
      cancel: () => {
        cancelled = true;
      },
    });
    const { fetch } = fakeFetch({
      'https://slow.example/a.png': () => new Response(body, { headers: { 'content-type': 'image/png' } }),
    });
    expect(await fetchRemoteImage('https://slow.example/a.png', deps(fetch, { timeoutMs: 50 }))).toEqual({
      blocked: 'timeout',
    });
    expect(cancelled).toBe(true);
  });

  it('the budget covers all hops together, not each one', async () => {
    const slowRedirect = (to: string) => () => new Response(null, { status: 302, headers: { location: to } });
    const routes: Record<string, () => Response> = {};
    for (let i = 0; i < 5; i++) routes[`https://r.example/${i}`] = slowRedirect(`https://r.example/${i + 1}`);
    routes['https://r.example/5'] = image();
    const inner = fakeFetch(routes);
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return inner.fetch(input, init);
    }) as typeof globalThis.fetch;
    expect(await fetchRemoteImage('https://r.example/0', deps(fetch, { timeoutMs: 100 }))).toEqual({
      blocked: 'timeout',
    });
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const fetch = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
    const result = fetchRemoteImage('https://slow.example/a.png', deps(fetch, { signal: controller.signal }));
    controller.abort();
    expect(await result).toEqual({ blocked: 'cancelled' });
  });

  it('reports a failed connection', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    expect(await fetchRemoteImage('https://down.example/a.png', deps(fetch))).toEqual({ blocked: 'network' });
  });
});

describe('fetchRemoteImage: size', () => {
  function streamed(total: number, chunk = 64 * 1024): { body: ReadableStream<Uint8Array>; pulled: () => number } {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (sent >= total) return controller.close();
          const size = Math.min(chunk, total - sent);
          const bytes = new Uint8Array(size);
          if (sent === 0) bytes.set(PNG);
          sent += size;
          controller.enqueue(bytes);
        },
      },
      { highWaterMark: 0 }, // pulled only when read, so `pulled` counts what was read
    );
    return { body, pulled: () => sent };
  }

  it('accepts an image of exactly 5 MB', async () => {
    const { body } = streamed(REMOTE_IMAGE_MAX_BYTES);
    const { fetch } = fakeFetch({
      'https://big.example/a.png': () => new Response(body, { headers: { 'content-type': 'image/png' } }),
    });
    const result = await fetchRemoteImage('https://big.example/a.png', deps(fetch));
    expect('dataUrl' in result && Buffer.from(result.dataUrl.split(',')[1]!, 'base64').length).toBe(
      REMOTE_IMAGE_MAX_BYTES,
    );
  });

  it('stops reading a body that grows past 5 MB', async () => {
    const { body, pulled } = streamed(50 * 1024 * 1024);
    const { fetch } = fakeFetch({
      'https://big.example/a.png': () => new Response(body, { headers: { 'content-type': 'image/png' } }),
    });
    expect(await fetchRemoteImage('https://big.example/a.png', deps(fetch))).toEqual({ blocked: 'too-large' });
    // reading stopped at the first chunk past the cap
    expect(pulled()).toBeLessThanOrEqual(REMOTE_IMAGE_MAX_BYTES + 64 * 1024);
  });

  it('refuses an announced Content-Length past 5 MB without reading the body', async () => {
    const { body, pulled } = streamed(REMOTE_IMAGE_MAX_BYTES + 1);
    const { fetch } = fakeFetch({
      'https://big.example/a.png': () =>
        new Response(body, {
          headers: { 'content-type': 'image/png', 'content-length': String(REMOTE_IMAGE_MAX_BYTES + 1) },
        }),
    });
    expect(await fetchRemoteImage('https://big.example/a.png', deps(fetch))).toEqual({ blocked: 'too-large' });
    expect(pulled()).toBe(0);
  });

  it('applies a smaller cap when asked', async () => {
    const { fetch } = fakeFetch({
      'https://img.example/a.png': image(new Uint8Array(2000).fill(1).map((v, i) => (i < 8 ? PNG[i]! : v))),
    });
    expect(await fetchRemoteImage('https://img.example/a.png', deps(fetch, { maxBytes: 1000 }))).toEqual({
      blocked: 'too-large',
    });
  });
});

describe('fetchRemoteImage: content types and sniffing', () => {
  const svg =
    '<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>';

  it.each([
    ['image/png', 'image/png', PNG],
    ['IMAGE/PNG; charset=binary', 'image/png', PNG],
    ['image/jpeg', 'image/jpeg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
    ['image/gif', 'image/gif', text('GIF89a\x01\x00\x01\x00')],
    ['image/webp', 'image/webp', text('RIFF\x1a\x00\x00\x00WEBPVP8 ')],
    ['image/avif', 'image/avif', Uint8Array.from([0, 0, 0, 0x1c, ...text('ftypavif')])],
    ['image/bmp', 'image/bmp', Uint8Array.from([...text('BM'), ...new Uint8Array(30)])],
    ['image/x-icon', 'image/x-icon', Uint8Array.from([0, 0, 1, 0, 1, 0, 16, 16])],
    ['image/svg+xml', 'image/svg+xml', text(svg)],
    ['image/svg+xml; charset=utf-8', 'image/svg+xml', text('\uFEFF  <svg viewBox="0 0 1 1"/>')],
    // a raster image labelled as another raster type is shown as what it is
    ['image/jpeg', 'image/png', PNG],
  ])('%s with matching bytes becomes data:%s', async (contentType, dataType, bytes) => {
    const { fetch } = fakeFetch({ 'https://img.example/x': image(bytes, contentType) });
    expect(await fetchRemoteImage('https://img.example/x', deps(fetch))).toEqual({
      dataUrl: `data:${dataType};base64,${base64(bytes)}`,
    });
  });

  it.each([
    ['text/html', text('<html><body>hi</body></html>')],
    ['text/html', PNG],
    ['application/octet-stream', PNG],
    ['', PNG],
    ['image/tiff', PNG], // not a type we show
    ['image/png', text('<!doctype html><html><script>alert(1)</script>')],
    ['image/png', text('<svg xmlns="http://www.w3.org/2000/svg"/>')], // SVG only when declared as SVG
    ['image/gif', text('GIF8')],
    ['image/png', new Uint8Array(0)],
    ['image/svg+xml', text('<html><body><svg></svg></body></html>')],
    ['image/svg+xml', text('<!doctype html><svg></svg>')],
    ['image/svg+xml', text('<script>alert(1)</script>')],
  ])('%j with these bytes is refused as not-image', async (contentType, bytes) => {
    const headers = contentType ? { 'content-type': contentType } : undefined;
    const response = () => {
      const r = new Response(bytes, { status: 200, headers });
      if (!contentType) r.headers.delete('content-type'); // Response adds one for some bodies
      return r;
    };
    const { fetch } = fakeFetch({ 'https://img.example/x': response });
    expect(await fetchRemoteImage('https://img.example/x', deps(fetch))).toEqual({ blocked: 'not-image' });
  });

  it('refuses a non-image type before reading the body', async () => {
    let pulled = false;
    // highWaterMark 0: the stream is pulled only when someone reads
    const body = new ReadableStream<Uint8Array>(
      {
        pull: () => {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const { fetch } = fakeFetch({
      'https://img.example/x': () => new Response(body, { headers: { 'content-type': 'text/html' } }),
    });
    expect(await fetchRemoteImage('https://img.example/x', deps(fetch))).toEqual({ blocked: 'not-image' });
    expect(pulled).toBe(false);
  });

  it.each([404, 403, 500, 204])('an HTTP %i answer is refused', async (status) => {
    const { fetch } = fakeFetch({ 'https://img.example/x': () => new Response(null, { status }) });
    expect(await fetchRemoteImage('https://img.example/x', deps(fetch))).toEqual({
      blocked: status === 204 ? 'not-image' : `http-${status}`,
    });
  });
});
