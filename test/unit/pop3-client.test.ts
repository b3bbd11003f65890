// The POP3 client against small scripted servers on 127.0.0.1 (plain TCP): what it sends, in which
// order, and what it refuses. The real server (Dovecot's pop3d) is in test/integration/pop3-download.test.ts.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Pop3Client, Pop3ConnectionError, Pop3Error } from '../../electron/core/pop3/pop3-client';

const servers: net.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

/**
 * A server answering each command line by `reply` (null: say nothing); records every line
 * received, and every chunk of bytes as it arrived.
 */
async function scripted(greeting: string, reply: (line: string) => string | null) {
  const received: string[] = [];
  const chunks: string[] = [];
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write(`${greeting}\r\n`);
    let buffer = '';
    socket.on('data', (chunk) => {
      chunks.push(chunk.toString('latin1'));
      buffer += chunk.toString('latin1');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        received.push(line);
        const answer = reply(line);
        if (answer !== null) socket.write(answer);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, received, chunks };
}

const CAPA = '+OK\r\nUSER\r\nUIDL\r\nTOP\r\n.\r\n';

describe('Pop3Client', () => {
  it('never sends a password when the server offers no STLS', async () => {
    const { port, received } = await scripted('+OK ready', (line) => (line === 'CAPA' ? CAPA : '+OK\r\n'));
    const error = await Pop3Client.connect({ host: '127.0.0.1', port, security: 'starttls', timeoutMs: 2_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Pop3Error);
    expect((error as Pop3Error).kind).toBe('no-tls');
    expect(received).toEqual(['CAPA']);
  });

  it('never sends a password when STLS is refused', async () => {
    const { port, received } = await scripted('+OK ready', (line) =>
      line === 'CAPA' ? '+OK\r\nSTLS\r\nUSER\r\n.\r\n' : line === 'STLS' ? '-ERR not now\r\n' : '+OK\r\n',
    );
    const error = (await Pop3Client.connect({ host: '127.0.0.1', port, security: 'starttls', timeoutMs: 2_000 }).catch(
      (e: unknown) => e,
    )) as Pop3Error;
    expect(error.kind).toBe('no-tls');
    expect(received).toEqual(['CAPA', 'STLS']);
  });

  it('refuses a cleartext connection unless the caller allowed it', async () => {
    const { port, received } = await scripted('+OK ready', () => '+OK\r\n');
    await expect(Pop3Client.connect({ host: '127.0.0.1', port, security: 'plain' })).rejects.toMatchObject({
      kind: 'no-tls',
    });
    expect(received).toEqual([]);
  });

  it('logs in with USER/PASS without SASL PLAIN, reads UIDL, and takes a refusal as the password’s', async () => {
    const { port, received } = await scripted('+OK ready', (line) => {
      if (line === 'CAPA') return CAPA;
      if (line === 'PASS wrong') return '-ERR [AUTH] Authentication failed.\r\n';
      if (line === 'UIDL') return '+OK\r\n1 abc\r\n2 def\r\n.\r\n';
      return '+OK\r\n';
    });
    const client = await Pop3Client.connect({ host: '127.0.0.1', port, security: 'plain', allowPlaintext: true });
    await expect(client.login('ada', 'wrong')).rejects.toMatchObject({ kind: 'auth', responseCode: 'AUTH' });
    await client.login('ada', 'right');
    expect(await client.uidl()).toEqual([
      { number: 1, uidl: 'abc' },
      { number: 2, uidl: 'def' },
    ]);
    await client.quit();
    expect(received).toEqual(['CAPA', 'USER ada', 'PASS wrong', 'USER ada', 'PASS right', 'CAPA', 'UIDL', 'QUIT']);
  });

  it('uses SASL PLAIN when offered, and names a locked mailbox as in use, not as a wrong password', async () => {
    const { port, received } = await scripted('+OK ready', (line) =>
      line === 'CAPA'
        ? '+OK\r\nSASL PLAIN LOGIN\r\n.\r\n'
        : line.startsWith('AUTH PLAIN')
          ? '-ERR [IN-USE] Mailbox is locked by another POP3 session\r\n'
          : '+OK\r\n',
    );
    const client = await Pop3Client.connect({ host: '127.0.0.1', port, security: 'plain', allowPlaintext: true });
    await expect(client.login('ada', 'pw')).rejects.toMatchObject({ kind: 'in-use', responseCode: 'IN-USE' });
    expect(received[1]).toBe(`AUTH PLAIN ${Buffer.from('\0ada\0pw').toString('base64')}`);
    client.close();
  });

  it('refuses a line break in a user name or password before sending anything', async () => {
    const { port, received } = await scripted('+OK ready', (line) => (line === 'CAPA' ? CAPA : '+OK\r\n'));
    const client = await Pop3Client.connect({ host: '127.0.0.1', port, security: 'plain', allowPlaintext: true });
    await expect(client.login('ada\r\nDELE 1', 'pw')).rejects.toMatchObject({ kind: 'auth' });
    expect(received).toEqual(['CAPA']);
    client.close();
  });

  it('sends pipelined commands given together as one write, and reads their replies in order', async () => {
    const { port, chunks } = await scripted('+OK ready', (line) => {
      if (line === 'CAPA') return '+OK\r\nUSER\r\nPIPELINING\r\n.\r\n';
      const retr = /^RETR (\d)$/.exec(line);
      return retr ? `+OK\r\nSubject: ${retr[1]}\r\n\r\n..body\r\n.\r\n` : '+OK\r\n';
    });
    const client = await Pop3Client.connect({ host: '127.0.0.1', port, security: 'plain', allowPlaintext: true });
    await client.login('ada', 'pw');
    const replies: Promise<Buffer>[] = [];
    client.together(() => {
      for (const n of [1, 2, 3]) replies.push(client.retr(n));
    });
    expect((await Promise.all(replies)).map((b) => b.toString())).toEqual(
      [1, 2, 3].map((n) => `Subject: ${n}\r\n\r\n.body\r\n`),
    );
    expect(chunks).toContain('RETR 1\r\nRETR 2\r\nRETR 3\r\n');
    await client.quit();
  });

  it('gives up on a server that stops answering, after the timeout', async () => {
    const { port } = await scripted('+OK ready', (line) => (line === 'CAPA' ? CAPA : null));
    const client = await Pop3Client.connect({
      host: '127.0.0.1',
      port,
      security: 'plain',
      allowPlaintext: true,
      timeoutMs: 200,
    });
    const error = await client.stat().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Pop3ConnectionError);
    expect((error as Pop3ConnectionError).code).toBe('ETIMEDOUT');
  });
});
