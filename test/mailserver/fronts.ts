import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';

/**
 * Small TCP/TLS front ends that run in the process which started the server
 * (vitest's main process for globalSetup) and are closed by stop(). Each
 * accepted connection is piped to a plain Dovecot/Postfix port.
 */
export interface Front {
  close(): Promise<void>;
}

interface Upstream {
  host: string;
  port: number;
  /** Source address for the upstream connection. */
  localAddress?: string;
}

/**
 * Plain TCP front whose upstream connection comes from 127.0.0.2.
 * Dovecot counts a connection whose remote IP equals its local IP as
 * "secured" (client-common.c: `secured = ssl || trusted ||
 * net_ip_compare(remote_ip, local_ip)`), so on 127.0.0.1→127.0.0.1 it would
 * offer and accept LOGIN before STARTTLS despite `ssl = required`. Coming
 * from 127.0.0.2 the connection is a stranger's: LOGINDISABLED until
 * STARTTLS, like a real 143 port. STARTTLS itself passes through untouched.
 */
export function startPlainFront(port: number, host: string, upstream: Upstream): Promise<Front> {
  return listen(net.createServer(), port, host, upstream);
}

/**
 * Implicit-TLS front with a certificate from an unrelated CA. Dovecot 2.3
 * cannot give one port its own certificate (only `local <ip>` blocks per
 * address), so this provides the "server with an untrusted certificate"
 * that clients must refuse. A client that wrongly accepted it would get a
 * working session, so a refusal in a test is meaningful.
 */
export function startTlsFront(
  port: number,
  host: string,
  cert: { certFile: string; keyFile: string },
  upstream: Upstream,
): Promise<Front> {
  const server = tls.createServer({ cert: readFileSync(cert.certFile), key: readFileSync(cert.keyFile) });
  // Handshake failures are the whole point of this listener: not errors.
  server.on('tlsClientError', () => undefined);
  return listen(server, port, host, upstream, 'secureConnection');
}

async function listen(
  server: net.Server,
  port: number,
  host: string,
  upstream: Upstream,
  event: 'connection' | 'secureConnection' = 'connection',
): Promise<Front> {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  server.on('connection', track);
  server.on(event, (client: net.Socket) => {
    const up = net.connect({ host: upstream.host, port: upstream.port, localAddress: upstream.localAddress });
    track(client);
    track(up);
    const both = (): void => {
      client.destroy();
      up.destroy();
    };
    client.on('error', both);
    up.on('error', both);
    client.pipe(up).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => resolve());
  });
  // The test process must not stay alive just for these listeners.
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
