// The remote-image fetcher against a real HTTP server on this machine, through the real
// (pinned) node:http client and the real byte handling: chunked bodies, compression, the size
// cap cutting a connection, stalls, redirects, request headers, TLS verification.
//
// Loopback is refused by policy, and that refusal is tested first. The other tests then set
// `allowLoopback` (which admits 127.0.0.0/8 and ::1 and nothing else): the only honest way to
// have a server that the test controls. Where a name is needed, `lookup` maps it to 127.0.0.1,
// which also shows that the connection goes to the address that was checked.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchRemoteImage, type RemoteImageDeps } from '../../electron/core/remote/fetch-remote-image';
import { makeCertSet } from '../mailserver/certs';

/** A real 1x1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Seen {
  url: string;
  headers: IncomingMessage['headers'];
  /** The response was cut off by the client before it was complete. */
  aborted: boolean;
}

const seen: Seen[] = [];
let server: Server;
let origin = '';
let port = 0;

function route(request: IncomingMessage, response: ServerResponse): void {
  const record: Seen = { url: request.url ?? '', headers: request.headers, aborted: false };
  seen.push(record);
  response.on('close', () => (record.aborted = !response.writableFinished));
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  switch (path) {
    case '/pixel.png':
      response.writeHead(200, { 'Content-Type': 'image/png', 'Set-Cookie': 'track=1; Path=/' }).end(PNG);
      return;
    case '/chunked.png': // no Content-Length: the body arrives in pieces
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.write(PNG.subarray(0, 10));
      setTimeout(() => response.end(PNG.subarray(10)), 20);
      return;
    case '/gzip.png': // compressed although we asked for identity
      response.writeHead(200, { 'Content-Type': 'image/png', 'Content-Encoding': 'gzip' }).end(gzipSync(PNG));
      return;
    case '/disguised.png':
      response.writeHead(200, { 'Content-Type': 'image/png' }).end('<!doctype html><script>alert(1)</script>');
      return;
    case '/page.html':
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<p>hello</p>');
      return;
    case '/huge.png': {
      // 20 MB without a Content-Length, written as fast as the client reads
      response.writeHead(200, { 'Content-Type': 'image/png' });
      const chunk = Buffer.alloc(256 * 1024);
      PNG.copy(chunk);
      let left = 80;
      const pump = (): void => {
        while (left > 0) {
          left--;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
      return;
    }
    case '/stall.png': // headers, a few bytes, then nothing
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.write(PNG.subarray(0, 8));
      return;
    case '/redirect-relative':
      response.writeHead(302, { Location: '/pixel.png' }).end();
      return;
    case '/redirect-private':
      response.writeHead(302, { Location: 'http://10.0.0.1/pixel.png' }).end();
      return;
    case '/redirect-metadata':
      response.writeHead(301, { Location: 'http://[::ffff:169.254.169.254]/latest/meta-data/' }).end();
      return;
    default:
      response.writeHead(404).end();
  }
}

const allow: RemoteImageDeps = { allowLoopback: true };
const decoded = (result: Awaited<ReturnType<typeof fetchRemoteImage>>) =>
  'dataUrl' in result ? Buffer.from(result.dataUrl.slice(result.dataUrl.indexOf(',') + 1), 'base64') : result;

beforeAll(async () => {
  server = createHttpServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

describe('remote images from a real server', () => {
  it('refuses the local server by default: no request reaches it', async () => {
    vi.stubEnv('MAIL_TEST_ALLOW_LOOPBACK_IMAGES', ''); // whatever the environment running the tests says
    expect(await fetchRemoteImage(`${origin}/pixel.png`)).toEqual({ blocked: 'loopback-address' });
    // a name that resolves to loopback through the system resolver
    expect(await fetchRemoteImage(`http://localhost:${port}/pixel.png`)).toEqual({ blocked: 'loopback-address' });
    expect(await fetchRemoteImage(`http://[::ffff:127.0.0.1]:${port}/pixel.png`)).toEqual({
      blocked: 'loopback-address',
    });
    expect(seen).toEqual([]);
    vi.unstubAllEnvs();
  });

  it('fetches the exact bytes, sending nothing that identifies the user', async () => {
    const result = await fetchRemoteImage(`${origin}/pixel.png`, allow);
    expect('dataUrl' in result && result.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
    expect(decoded(result)).toEqual(PNG);
    // the cookie the server set is never sent back
    expect(decoded(await fetchRemoteImage(`${origin}/pixel.png`, allow))).toEqual(PNG);
    expect(seen).toHaveLength(2);
    for (const { headers } of seen) {
      expect(headers['user-agent']).toBe('Mozilla/5.0');
      for (const name of ['cookie', 'referer', 'authorization', 'origin']) expect(headers[name]).toBeUndefined();
    }
  });

  it('connects to the address it checked, with the name in the Host header', async () => {
    // .test names never resolve: only the pinned address can make this work
    const lookup = async () => [{ address: '127.0.0.1', family: 4 }];
    const result = await fetchRemoteImage(`http://images.test:${port}/pixel.png`, { ...allow, lookup });
    expect(decoded(result)).toEqual(PNG);
    expect(seen.map(({ headers }) => headers.host)).toEqual([`images.test:${port}`]);
  });

  it('reassembles a chunked body and decodes a compressed one', async () => {
    expect(decoded(await fetchRemoteImage(`${origin}/chunked.png`, allow))).toEqual(PNG);
    expect(decoded(await fetchRemoteImage(`${origin}/gzip.png`, allow))).toEqual(PNG);
  });

  it('refuses HTML, whether labelled as such or as an image', async () => {
    expect(await fetchRemoteImage(`${origin}/page.html`, allow)).toEqual({ blocked: 'not-image' });
    expect(await fetchRemoteImage(`${origin}/disguised.png`, allow)).toEqual({ blocked: 'not-image' });
    expect(await fetchRemoteImage(`${origin}/missing.png`, allow)).toEqual({ blocked: 'http-404' });
  });

  it('cuts a body off at the size cap and closes the connection', async () => {
    expect(await fetchRemoteImage(`${origin}/huge.png`, allow)).toEqual({ blocked: 'too-large' });
    await expect.poll(() => seen[0]?.aborted).toBe(true);
  });

  it('gives up on a stalled body within the time budget', async () => {
    const started = Date.now();
    expect(await fetchRemoteImage(`${origin}/stall.png`, { ...allow, timeoutMs: 300 })).toEqual({ blocked: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect.poll(() => seen[0]?.aborted).toBe(true);
  });

  it('follows a redirect on the server, and refuses one to a private or metadata address', async () => {
    expect(decoded(await fetchRemoteImage(`${origin}/redirect-relative`, allow))).toEqual(PNG);
    expect(await fetchRemoteImage(`${origin}/redirect-private`, allow)).toEqual({ blocked: 'private-address' });
    expect(await fetchRemoteImage(`${origin}/redirect-metadata`, allow)).toEqual({ blocked: 'link-local-address' });
    expect(seen.map(({ url }) => url)).toEqual([
      '/redirect-relative',
      '/pixel.png',
      '/redirect-private',
      '/redirect-metadata',
    ]);
  });
});

describe('remote images over TLS', () => {
  let dir: string;
  let tlsServer: Server;
  let tlsPort = 0;
  let requests = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'remote-image-tls-'));
    // a certificate for localhost from a CA this process does not trust
    const certs = makeCertSet(dir, 'remote-image');
    tlsServer = createHttpsServer(
      { cert: readFileSync(certs.certFile), key: readFileSync(certs.keyFile) },
      (_request, response) => {
        requests++;
        response.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
      },
    );
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    tlsPort = (tlsServer.address() as AddressInfo).port;
  });

  afterAll(async () => {
    tlsServer.closeAllConnections();
    await new Promise((resolve) => tlsServer.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the certificate: an untrusted one means no image and no request', async () => {
    const lookup = async () => [{ address: '127.0.0.1', family: 4 }];
    expect(await fetchRemoteImage(`https://localhost:${tlsPort}/pixel.png`, { ...allow, lookup })).toEqual({
      blocked: 'network',
    });
    expect(requests).toBe(0);
  });
});
