import net from 'node:net';
import tls from 'node:tls';
import { sleep } from './processes';

export interface GreetingProbe {
  name: string;
  port: number;
  /** Implicit TLS: handshake with this CA first (also proves the cert is right). */
  tlsCa?: string;
  /** First line the service must send, e.g. /^\* OK/ for IMAP. */
  greeting: RegExp;
}

/**
 * Waits until a service answers with its greeting. A mere TCP connect is not
 * enough: Dovecot's master accepts on the port before a login process
 * exists, and Postfix's master before smtpd is running.
 */
export async function waitForGreeting(
  host: string,
  probe: GreetingProbe,
  opts: { timeoutMs: number; alive: () => boolean; diagnostics: () => string },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let lastError = 'no attempt';
  while (Date.now() < deadline) {
    if (!opts.alive()) {
      throw new Error(`${probe.name}: daemon exited during startup\n${opts.diagnostics()}`);
    }
    try {
      const line = await readFirstLine(host, probe, Math.min(3000, deadline - Date.now()));
      if (probe.greeting.test(line)) return;
      lastError = `unexpected greeting ${JSON.stringify(line)}`;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    await sleep(50);
  }
  throw new Error(
    `${probe.name} on ${host}:${probe.port} not ready after ${opts.timeoutMs} ms (${lastError})\n${opts.diagnostics()}`,
  );
}

function readFirstLine(host: string, probe: GreetingProbe, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket: net.Socket = probe.tlsCa
      ? tls.connect({ host, port: probe.port, ca: [probe.tlsCa], servername: 'localhost' })
      : net.connect({ host, port: probe.port });
    let buffer = '';
    const done = (err: Error | undefined, line?: string): void => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(line ?? '');
    };
    const timer = setTimeout(() => done(new Error('timeout waiting for greeting')), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const eol = buffer.indexOf('\n');
      if (eol >= 0) done(undefined, buffer.slice(0, eol).replace(/\r$/, ''));
    });
    socket.on('error', (e) => done(e));
    socket.on('close', () => done(new Error(`closed before greeting (${JSON.stringify(buffer)})`)));
  });
}
