// The browser shell end to end: the real mail core behind the WebSocket, the built-UI server,
// and the rules that keep other local programs and web pages out (token, Origin, Host, paths).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Account } from '../../shared/domain';
import { startWebShell, type WebShell } from '../../electron/shell/web-shell';
import { WebSocketTransport, type SocketFactory } from '../../renderer/transport/websocket-transport';
import { getMailServer } from '../mailserver/inject';
import { accountSettings } from '../support/core-harness';
import { buildEngineEntry } from '../support/engine-entry';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
let base: string;
let shell: WebShell;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'web-shell-'));
  const rendererDir = path.join(base, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><title>Mail</title><script src="/assets/app.js"></script>',
  );
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("ui")');
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
  // the engine's own process, bundled inside the project so its imports find node_modules
  mkdirSync(path.resolve('.tmp'), { recursive: true });
  const engineDir = mkdtempSync(path.resolve('.tmp', 'web-shell-engine-'));
  cleanups.push(() => rmSync(engineDir, { recursive: true, force: true }));
  shell = await startWebShell({
    engineEntry: await buildEngineEntry(engineDir),
    profileDir: path.join(base, 'profile'),
    port: 0,
    trustedCa: [server.caPem],
    rendererDir,
  });
});

afterAll(async () => {
  await shell?.close();
  rmSync(base, { recursive: true, force: true });
  for (const cleanup of cleanups) cleanup();
});

interface Client {
  ws: WebSocket;
  received: Record<string, unknown>[];
  closed: Promise<{ code: number }>;
  /** The next message matching `match`. */
  next(match: (m: Record<string, unknown>) => boolean, what: string): Promise<Record<string, unknown>>;
}

function connect(url: string, origin: string | undefined = shell.origin): Client {
  const ws = new WebSocket(url, origin ? { origin } : {});
  const received: Record<string, unknown>[] = [];
  ws.on('message', (data) => received.push(JSON.parse(data.toString()) as Record<string, unknown>));
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number }>((resolve) => ws.on('close', (code) => resolve({ code })));
  return {
    ws,
    received,
    closed,
    next: (match, what) => waitFor(() => received.find(match), { what, timeoutMs: 20_000 }),
  };
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/** The handshake's HTTP status when the shell refuses the upgrade. */
function refusedStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, ...(headers.Origin ? { origin: headers.Origin } : {}) });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}

async function authenticated(): Promise<Client> {
  const client = connect(shell.wsUrl);
  await opened(client.ws);
  client.ws.send(JSON.stringify({ token: shell.token }));
  await client.next((m) => m.ready === true, 'ready');
  return client;
}

/** GET with the path sent byte for byte (no client-side normalisation of "..", "%2e"). */
function rawGet(pathName: string, host = `127.0.0.1:${shell.port}`) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shell.port, path: pathName, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the UI over HTTP', () => {
  it('announces itself with the token in the fragment', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(shell.url).toContain(shell.token);
  });

  it('serves the built UI with its content type and the strict CSP plus the WebSocket', async () => {
    const page = await rawGet('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>Mail</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("default-src 'self';");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${shell.port}`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await rawGet('/assets/app.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawGet('/some/client/route')).body).toContain('<title>Mail</title>');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
  ])('refuses the traversal %s', async (pathName) => {
    const response = await rawGet(pathName);
    expect(response.status).not.toBe(200);
    expect(response.body).not.toContain('TOP SECRET');
  });

  it('answers only requests addressed to it (no DNS rebinding)', async () => {
    const response = await rawGet('/', `evil.example:${shell.port}`);
    expect(response.status).toBe(421);
    expect(response.body).not.toContain('<title>Mail</title>');
  });
});

describe('the WebSocket door', () => {
  it('refuses a page from another origin before any WebSocket exists', async () => {
    expect(await refusedStatus(shell.wsUrl, { Origin: 'https://evil.example' })).toBe(403);
    expect(await refusedStatus(shell.wsUrl, { Origin: `http://127.0.0.1:${shell.port + 1}` })).toBe(403);
    expect(await refusedStatus(shell.wsUrl, { Origin: 'null' })).toBe(403);
  });

  it('refuses a client that sends no Origin', async () => {
    expect(await refusedStatus(shell.wsUrl, {})).toBe(403);
  });

  it('closes with 4401 on a wrong token in the URL, serving nothing', async () => {
    const client = connect(`${shell.wsUrl}?token=${'x'.repeat(shell.token.length)}`);
    expect((await client.closed).code).toBe(4401);
    expect(client.received).toEqual([]);
  });

  it('closes with 4401 when the first message is not the token, serving nothing', async () => {
    const client = connect(shell.wsUrl);
    await opened(client.ws);
    client.ws.send(JSON.stringify({ id: 1, method: 'accounts.list', input: {} }));
    expect((await client.closed).code).toBe(4401);
    expect(client.received).toEqual([]);

    const wrong = connect(shell.wsUrl);
    await opened(wrong.ws);
    wrong.ws.send(JSON.stringify({ token: `${shell.token}x` }));
    expect((await wrong.closed).code).toBe(4401);
    expect(wrong.received).toEqual([]);
  });

  it('accepts the right token in the URL too', async () => {
    const client = connect(`${shell.wsUrl}?token=${shell.token}`);
    await client.next((m) => m.ready === true, 'ready');
    client.ws.send(JSON.stringify({ id: 'q', method: 'accounts.list', input: {} }));
    expect(await client.next((m) => m.id === 'q', 'the answer')).toEqual({ id: 'q', result: [] });
    client.ws.close();
  });
});

describe('calls and events over the socket', () => {
  it('round-trips a call, and answers bad calls with a ContractError', async () => {
    const client = await authenticated();
    client.ws.send(JSON.stringify({ id: 1, method: 'accounts.list', input: {} }));
    expect(await client.next((m) => m.id === 1, 'accounts.list')).toEqual({ id: 1, result: [] });

    client.ws.send(JSON.stringify({ id: 2, method: 'accounts.drop', input: {} }));
    expect(await client.next((m) => m.id === 2, 'unknown method')).toMatchObject({ error: { code: 'invalid-input' } });

    client.ws.send(JSON.stringify({ id: 3, method: 'messages.window', input: { mailboxId: 'x' } }));
    expect(await client.next((m) => m.id === 3, 'invalid input')).toMatchObject({ error: { code: 'invalid-input' } });

    client.ws.send('{not json');
    expect(await client.next((m) => m.id === null, 'malformed')).toMatchObject({ error: { code: 'invalid-input' } });
    client.ws.close();
  });

  it('pushes events to authenticated sockets only', async () => {
    const listener = await authenticated();
    const stranger = connect(shell.wsUrl);
    await opened(stranger.ws);

    const user = await createMailUser(server, 'webshell');
    const caller = await authenticated();
    caller.ws.send(
      JSON.stringify({
        id: 1,
        method: 'accounts.add',
        input: { settings: accountSettings(server, user), password: user.password },
      }),
    );
    const added = await caller.next((m) => m.id === 1, 'accounts.add');
    const account = added.result as Account;
    expect(account.email).toBe(user.address);

    const event = await listener.next(
      (m) => m.event === 'mailboxes.changed' && (m.payload as { accountId?: string }).accountId === account.id,
      'mailboxes.changed for the new account',
    );
    expect(event).toEqual({ event: 'mailboxes.changed', payload: { accountId: account.id } });
    expect(stranger.received).toEqual([]);

    caller.ws.send(JSON.stringify({ id: 2, method: 'accounts.remove', input: { accountId: account.id } }));
    await caller.next((m) => m.id === 2, 'accounts.remove');
    for (const c of [listener, stranger, caller]) c.ws.close();
  });

  it("works with the renderer's own WebSocketTransport", async () => {
    const createSocket: SocketFactory = (url, handlers) => {
      const ws = new WebSocket(url, { origin: shell.origin });
      ws.on('open', () => handlers.open());
      ws.on('message', (data) => handlers.message(data.toString()));
      ws.on('close', (code, reason) => handlers.close(code, reason.toString()));
      ws.on('error', () => undefined);
      return { send: (d) => ws.send(d), close: (code, reason) => ws.close(code, reason) };
    };
    const transport = new WebSocketTransport(shell.wsUrl, shell.token, { createSocket });
    try {
      expect(await transport.invoke('accounts.list', {})).toEqual([]);
      await expect(transport.invoke('message.body', { id: 987654 })).rejects.toMatchObject({ code: 'not-found' });
    } finally {
      transport.close();
    }
  });
});

describe('npm run web as a process', () => {
  /** dist/web.mjs as `npm run build` makes it, with engine.mjs beside it as in dist/. */
  async function buildWebEntry(): Promise<string> {
    // inside the project (.tmp/ is git-ignored), so the bundle's bare imports find node_modules
    mkdirSync(path.resolve('.tmp'), { recursive: true });
    const outDir = mkdtempSync(path.resolve('.tmp', 'web-shell-'));
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    await build({
      entryPoints: ['electron/web.ts'],
      outfile: path.join(outDir, 'web.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    await buildEngineEntry(outDir);
    return path.join(outDir, 'web.mjs');
  }

  function runWeb(entry: string, profile: string) {
    const child = spawn(process.execPath, [entry, '--profile', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (c: Buffer) => (out.stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out.stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, out, exited };
  }

  let entry: string;
  beforeAll(async () => {
    entry = await buildWebEntry();
  });

  it('prints exactly one line with the URL and exits 0 on SIGTERM', async () => {
    const { child, out, exited } = runWeb(entry, path.join(base, 'child-profile'));
    try {
      await waitFor(() => out.stdout.includes('\n') || child.exitCode !== null, {
        what: 'the ready line',
        timeoutMs: 20_000,
      });
      expect(out.stderr).not.toMatch(/Error/);
      expect(out.stdout).toMatch(/^Mail web shell: http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}\n$/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(out.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('serves while its engine opens, and ends with the reason when the engine cannot open', async () => {
    const profile = path.join(base, 'shared-profile');
    const first = runWeb(entry, profile);
    try {
      await waitFor(() => first.out.stdout.includes('\n'), { what: 'the first shell ready', timeoutMs: 20_000 });
      // its engine holds the profile once open: a call answered says it is
      const url = /^Mail web shell: (\S+)$/m.exec(first.out.stdout)![1]!;
      const { origin, hash } = new URL(url);
      const client = connect(`${origin.replace('http', 'ws')}/ws`, origin);
      client.ws.on('open', () =>
        client.ws.send(JSON.stringify({ token: decodeURIComponent(hash.slice('#token='.length)) })),
      );
      await client.next((m) => m.ready === true, 'the token accepted');
      client.ws.send(JSON.stringify({ id: 1, method: 'accounts.list', input: {} }));
      expect(await client.next((m) => m.id === 1, 'the answer')).toMatchObject({ id: 1, result: [] });
      client.ws.close();

      // a second shell on the same profile: its engine cannot open, and the shell says why and ends
      const second = runWeb(entry, profile);
      expect(await second.exited).toBe(1);
      expect(second.out.stderr).toMatch(/Mail web shell: .*is in use by another Mail process/);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
  });
});
