// The fault proxy's own behaviours (test/support/fault-proxy.ts), against the real Dovecot: each
// fault does exactly what the scenarios rely on, and nothing when it is not armed.
import net from 'node:net';
import { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
const proxies: FaultProxy[] = [];
afterEach(async () => {
  for (const p of proxies.splice(0)) await p.close();
});

async function proxy(mode: 'bytes' | 'tls', targetPort = server.ports.imaps) {
  const p = await startFaultProxy({ targetPort, mode, server });
  proxies.push(p);
  return p;
}

/** A server that sends 10,000 bytes to whoever connects: byte counts that are easy to check. */
async function chattyServer() {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.write(Buffer.alloc(10_000, 0x61));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        for (const socket of sockets) socket.destroy();
        s.close(() => r());
      }),
  );
  return (s.address() as net.AddressInfo).port;
}
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

/** A raw TCP client that records every byte and how the connection ended. */
function rawClient(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  const state = { bytes: 0, ended: null as null | 'close' | 'reset', firstByteAt: 0 };
  socket.on('data', (d: Buffer) => {
    state.firstByteAt ||= Date.now();
    state.bytes += d.length;
  });
  socket.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'ECONNRESET') state.ended = 'reset';
  });
  socket.on('close', () => (state.ended ??= 'close'));
  return { socket, state };
}

function imapThrough(p: FaultProxy, user: { address: string; password: string }) {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: p.port,
    secure: true,
    auth: { user: user.address, pass: user.password },
    tls: { ca: [server.caPem] },
    logger: false,
  });
  client.on('error', () => undefined);
  return client;
}

describe('fault proxy, byte mode (the TLS stream passes untouched)', () => {
  it('forwards a whole session when nothing is armed', async () => {
    const p = await proxy('bytes');
    const user = await createMailUser(server, 'fp-plain');
    const client = imapThrough(p, user);
    await client.connect();
    expect(await client.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
    await client.logout();
    expect(p.accepted).toBe(1);
  });

  it('cuts a connection after exactly N bytes downstream', async () => {
    const p = await proxy('bytes', await chattyServer());
    const cut = p.cut({ direction: 'down', bytes: 100 });
    const { state } = rawClient(p.port);
    await cut;
    await waitFor(() => state.ended, { what: 'the client to see the cut' });
    expect(state.bytes).toBe(100);
  });

  it('stalls without closing, then resumes', async () => {
    const p = await proxy('bytes', await chattyServer());
    p.stall();
    const { socket, state } = rawClient(p.port);
    await new Promise((r) => setTimeout(r, 500));
    expect(state.bytes).toBe(0);
    expect(state.ended).toBeNull();
    p.resume();
    await waitFor(() => state.bytes === 10_000, { what: 'every byte after resume' });
    socket.destroy();
  });

  it('throttles to about the given rate', async () => {
    const p = await proxy('bytes', await chattyServer());
    p.throttle(1000);
    const { socket, state } = rawClient(p.port);
    const start = Date.now();
    await waitFor(() => state.bytes >= 800, { what: '800 bytes', timeoutMs: 5000 });
    // 800 bytes at 1000 B/s in slices of 100 every 100 ms: not before ~0.7 s.
    expect(Date.now() - start).toBeGreaterThanOrEqual(650);
    socket.destroy();
  });

  it('resets every open connection at once, and refuses new ones while "down"', async () => {
    const p = await proxy('bytes', await chattyServer());
    const { state } = rawClient(p.port);
    await waitFor(() => state.bytes > 0, { what: 'the first bytes' });
    p.reset();
    await waitFor(() => state.ended, { what: 'the reset' });
    expect(state.ended).toBe('reset');

    p.refuse(true);
    const second = rawClient(p.port);
    await waitFor(() => second.state.ended, { what: 'the refusal' });
    expect(second.state.bytes).toBe(0);
    p.refuse(false);
    const third = rawClient(p.port);
    await waitFor(() => third.state.bytes === 10_000, { what: 'service again' });
    third.socket.destroy();
  });

  it('refuses protocol-level faults it cannot see', async () => {
    const p = await proxy('bytes');
    expect(() => p.dropAfterLogin(true)).toThrow(/mode 'tls'/);
    expect(() => p.rewrite({ command: /NOOP/, answer: 'NO' })).toThrow(/mode 'tls'/);
  });
});

describe('fault proxy, TLS mode (the proxy sees the protocol)', () => {
  it('carries a session with the run CA trusted, and counts its login', async () => {
    const p = await proxy('tls');
    const user = await createMailUser(server, 'fp-tls');
    const client = imapThrough(p, user);
    await client.connect();
    await client.mailboxOpen('INBOX');
    await client.logout();
    expect(p.logins).toBe(1);
  });

  it('answers a chosen command with NO [UNAVAILABLE], once', async () => {
    const p = await proxy('tls');
    const user = await createMailUser(server, 'fp-rewrite');
    p.rewrite({ command: /^CREATE /i, answer: 'NO [UNAVAILABLE] injected' });
    const client = imapThrough(p, user);
    await client.connect();
    await expect(client.mailboxCreate('First')).rejects.toThrow();
    await client.mailboxCreate('Second');
    await client.logout();
  });

  it('drops the connection right after the server accepted the login', async () => {
    const p = await proxy('tls');
    const user = await createMailUser(server, 'fp-drop');
    p.dropAfterLogin(true);
    const client = imapThrough(p, user);
    const closed = new Promise((r) => client.once('close', r));
    await client.connect().catch(() => undefined);
    await closed;
    expect(p.logins).toBe(1);
  });

  it('cuts a given number of bytes after a protocol line', async () => {
    const p = await proxy('tls');
    const user = await createMailUser(server, 'fp-line');
    const cut = p.cut({ direction: 'up', afterLine: /^\S+ SELECT /i, bytes: 0 });
    const client = imapThrough(p, user);
    await client.connect();
    await expect(client.mailboxOpen('INBOX')).rejects.toThrow();
    await cut;
    expect(client.usable).toBe(false);
  });
});
