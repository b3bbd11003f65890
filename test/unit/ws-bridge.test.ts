// The WebSocket protocol against a stand-in service (the real core runs in
// test/integration/web-shell.test.ts): what needs timing or a hand-fired event.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EventListener, MailService } from '../../electron/core/service-api';
import { ServiceError } from '../../electron/core/service-error';
import { allowedHosts } from '../../electron/shell/loopback';
import { createWsBridge, tokenMatches, type WsBridge } from '../../electron/shell/ws-bridge';
import { MAX_PREAUTH_BYTES, MAX_PREAUTH_SOCKETS } from '../../electron/shell/ws-preauth';

/** Test double of MailService: echoes its input, fails 'message.body', emits on demand. */
function fakeMailService() {
  const listeners = new Set<EventListener>();
  const service: Pick<MailService, 'call' | 'onEvent'> = {
    call: async (method, input) => {
      if (method === 'message.body') throw new ServiceError('not-found', 'No such message.');
      return { method, input } as never;
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { service, emit: (accountId: string) => listeners.forEach((l) => l('mailboxes.changed', { accountId })) };
}

let server: Server | undefined;
let bridge: WsBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  await new Promise((r) => server?.close(r));
});

async function start(authTimeoutMs = 5000) {
  const fake = fakeMailService();
  let port = 0;
  const calls: string[] = [];
  bridge = createWsBridge({
    service: {
      ...fake.service,
      call: (method, input) => {
        calls.push(method);
        return fake.service.call(method, input);
      },
    },
    token: 'T0KEN',
    hosts: () => allowedHosts('127.0.0.1', port),
    authTimeoutMs,
  });
  server = createServer();
  server.on('upgrade', (req, socket, head) => bridge!.handleUpgrade(req, socket, head));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  const open = (query = '') => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, { origin: `http://127.0.0.1:${port}` });
    const received: Record<string, unknown>[] = [];
    ws.on('message', (d) => received.push(JSON.parse(d.toString()) as Record<string, unknown>));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    const opened = new Promise<void>((r) => ws.on('open', () => r()));
    const next = () =>
      new Promise<Record<string, unknown>>((r) => ws.once('message', (d) => r(JSON.parse(d.toString()))));
    return { ws, received, closed, opened, next };
  };
  return { ...fake, open, calls };
}

/** A masked client frame header (text, FIN) that announces `length` payload bytes. */
function frameHeader(length: number): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x81;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  return header; // the last four bytes are the mask key (zeros: the payload goes as it is)
}

function rawSocketOf(ws: WebSocket): Socket {
  return (ws as unknown as { _socket: Socket })._socket;
}

describe('the WebSocket bridge', () => {
  it('closes with 4401 when no token arrives in time, having sent nothing', async () => {
    const { open } = await start(100);
    const client = open();
    expect(await client.closed).toBe(4401);
    expect(client.received).toEqual([]);
  });

  it('authenticates with the first message, then answers calls by id', async () => {
    const { open } = await start();
    const client = open();
    await client.opened;
    client.ws.send(JSON.stringify({ token: 'T0KEN' }));
    expect(await client.next()).toEqual({ ready: true });
    client.ws.send(JSON.stringify({ id: 5, method: 'accounts.list', input: { a: 1 } }));
    expect(await client.next()).toEqual({ id: 5, result: { method: 'accounts.list', input: { a: 1 } } });
    client.ws.send(JSON.stringify({ id: 6, method: 'message.body', input: { id: 1 } }));
    expect(await client.next()).toEqual({ id: 6, error: { code: 'not-found', message: 'No such message.' } });
    client.ws.close();
  });

  it('carries a request as large as a draft with a 25 MB attachment', async () => {
    const { open } = await start();
    const client = open('?token=T0KEN');
    expect(await client.next()).toEqual({ ready: true });
    const base64 = 'A'.repeat(Math.ceil((25 * 1024 * 1024) / 3) * 4);
    const answer = client.next();
    client.ws.send(JSON.stringify({ id: 7, method: 'drafts.save', input: { data: base64 } }));
    const reply = (await answer) as { id: number; result: { input: { data: string } } };
    expect(reply.id).toBe(7);
    expect(reply.result.input.data.length).toBe(base64.length);
    client.ws.close();
  });

  it('pushes events to authenticated sockets only', async () => {
    const { open, emit } = await start();
    const member = open('?token=T0KEN');
    expect(await member.next()).toEqual({ ready: true });
    const stranger = open();
    await stranger.opened;
    const event = member.next();
    emit('acc-1');
    expect(await event).toEqual({ event: 'mailboxes.changed', payload: { accountId: 'acc-1' } });
    expect(stranger.received).toEqual([]);
    member.ws.close();
    stranger.ws.close();
  });

  it('closes every socket with 1001 on shutdown', async () => {
    const { open } = await start();
    const client = open('?token=T0KEN');
    await client.next();
    await bridge!.close();
    bridge = undefined;
    expect(await client.closed).toBe(1001);
  });

  it('cuts a client that sends more than a token before authenticating, without waiting for the frame', async () => {
    const { open, calls } = await start(5000);
    const client = open();
    await client.opened;
    // announce a 20 MB frame (well under the authenticated limit) and start sending it
    const socket = rawSocketOf(client.ws);
    socket.write(frameHeader(20 * 1024 * 1024));
    socket.write(Buffer.alloc(MAX_PREAUTH_BYTES * 4, 0x41));
    const startedAt = Date.now();
    const code = await client.closed;
    expect(code).toBe(1006); // cut at the socket, not the 4401 of the auth timer 5 s later
    expect(Date.now() - startedAt).toBeLessThan(2500);
    expect(calls).toEqual([]);
  });

  it('lets only a few sockets wait for their token at once; authenticated ones do not count', async () => {
    const { open } = await start(5000);
    const waiting = Array.from({ length: MAX_PREAUTH_SOCKETS }, () => open());
    await Promise.all(waiting.map((client) => client.opened));
    const refused = open();
    const status = await new Promise<number>((resolve) =>
      refused.ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(503);
    // one of them authenticates: its place is free again
    waiting[0]!.ws.send(JSON.stringify({ token: 'T0KEN' }));
    expect(await waiting[0]!.next()).toEqual({ ready: true });
    const next = open();
    await next.opened;
    // a closed waiting socket frees its place too
    waiting[1]!.ws.close();
    await waiting[1]!.closed;
    const another = open();
    await another.opened;
    for (const client of [...waiting, next, another]) client.ws.close();
  });
});

describe('tokenMatches', () => {
  it('accepts only the exact token', () => {
    expect(tokenMatches('s3cret-token', 's3cret-token')).toBe(true);
    expect(tokenMatches('s3cret-token', 's3cret-tokeN')).toBe(false);
    expect(tokenMatches('s3cret-token', 's3cret-token ')).toBe(false);
    expect(tokenMatches('s3cret-token', '')).toBe(false);
    expect(tokenMatches('s3cret-token', undefined)).toBe(false);
    expect(tokenMatches('s3cret-token', 42)).toBe(false);
  });
});
