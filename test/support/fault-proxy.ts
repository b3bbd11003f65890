// A TCP proxy that injects faults between the engine and Dovecot/Postfix: cut a connection after
// N bytes, stall it, reset it, throttle it, drop it right after the login, or make the server
// answer a command with NO. The fault suite (test/integration/faults*.test.ts) drives it.
//
// Two ways to sit in the middle:
// - 'bytes' forwards the TLS stream untouched: cut, stall, reset and throttle need no plaintext.
// - 'tls' terminates TLS with the test server's own certificate (signed by the run's CA, which the
//   engine trusts) and opens a fresh TLS connection to the server. The proxy then sees the protocol
//   lines, so a fault can be placed "after the FETCH response started" or "after DATA", and the
//   login and tagged responses can be recognised.
import net from 'node:net';
import tls from 'node:tls';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MailServerInfo } from '../mailserver/types';

/** 'up' is engine → server, 'down' is server → engine. */
export type Direction = 'up' | 'down';

export interface CutFault {
  direction: Direction;
  /** Bytes forwarded in `direction` (after `afterLine`, when given) before the cut. */
  bytes: number;
  /** Start counting only once a protocol line in `direction` matches (needs mode 'tls'). */
  afterLine?: RegExp;
  /** 'reset' sends an RST; 'close' a clean FIN. Default 'reset'. */
  how?: 'reset' | 'close';
}

export interface RewriteFault {
  /** The engine's command line (without the tag) whose tagged answer is replaced. */
  command: RegExp;
  /** The text after the tag, e.g. 'NO [UNAVAILABLE] try later'. */
  answer: string;
  /** How many commands to answer so (default 1). */
  times?: number;
}

export interface FaultProxy {
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Logins the proxy saw succeed (mode 'tls'). */
  readonly logins: number;
  /** Cuts the first connection that reaches the point (one shot). Resolves when it happened. */
  cut(fault: CutFault): Promise<void>;
  /** Resolves when a protocol line in `direction` matches (mode 'tls'): "the engine is now IDLE". */
  seen(direction: Direction, line: RegExp): Promise<string>;
  /** Stops forwarding (both directions, every connection) while the sockets stay open. */
  stall(): void;
  resume(): void;
  /** Sends an RST on every open connection now. */
  reset(): void;
  /** At most this many bytes per second in each direction; null lifts the limit. */
  throttle(bytesPerSecond: number | null): void;
  /** While on, every connection is closed right after the server accepted its login (mode 'tls'). */
  dropAfterLogin(on: boolean): void;
  /** While refusing, new connections are reset at once ("the server is down"). */
  refuse(on: boolean): void;
  /** Replaces the server's tagged answer to a matching command (mode 'tls'). */
  rewrite(fault: RewriteFault): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  targetPort: number;
  mode: 'bytes' | 'tls';
  /** Needed for mode 'tls': the server's certificate and the CA to check it by. */
  server?: Pick<MailServerInfo, 'dir' | 'caPem'>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  /** The TCP sockets under the (maybe TLS) ones: only these can send an RST. */
  tcp: net.Socket[];
  /** Tags of the engine's commands still waiting for their answer, by what to do. */
  loginTags: Set<string>;
  rewriteTags: Map<string, string>;
}

interface ArmedCut extends CutFault {
  counting: boolean;
  remaining: number;
  done: () => void;
}

/** The certificate the test bed's Dovecot and Postfix use (test/mailserver/layout.ts). */
function serverCertificate(server: Pick<MailServerInfo, 'dir'>) {
  const dir = path.join(server.dir, 'certs');
  return { cert: readFileSync(path.join(dir, 'server.crt')), key: readFileSync(path.join(dir, 'server.key')) };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const plaintext = options.mode === 'tls';
  if (plaintext && !options.server) throw new Error("mode 'tls' needs the server's certificate");
  const pairs = new Set<Pair>();
  let accepted = 0;
  let logins = 0;
  let stalled: { promise: Promise<void>; release: () => void } | null = null;
  let rate: number | null = null;
  let dropLogin = false;
  let refusing = false;
  const cuts: ArmedCut[] = [];
  const rewrites: (RewriteFault & { left: number })[] = [];
  /** Connections whose login just succeeded while dropAfterLogin is on: closed after this chunk. */
  const dropAfterThisChunk = new Set<Pair>();
  const watchers: { direction: Direction; line: RegExp; found: (line: string) => void }[] = [];

  const kill = (pair: Pair, how: 'reset' | 'close') => {
    pairs.delete(pair);
    for (const s of pair.tcp) {
      if (how === 'reset' && !s.destroyed) s.resetAndDestroy();
      else s.destroy();
    }
    pair.client.destroy();
    pair.upstream.destroy();
  };

  /** Forwards `from` to `to`, applying whatever faults are armed when each chunk passes. */
  async function pump(pair: Pair, from: net.Socket, to: net.Socket, direction: Direction) {
    let pending = '';
    try {
      for await (const data of from) {
        let chunk = data as Buffer;
        while (stalled) await stalled.promise;
        if (plaintext) {
          // Whole lines only, so a fault keyed to a line sees it at once; a partial line waits.
          pending += chunk.toString('latin1');
          const end = pending.lastIndexOf('\r\n');
          if (end < 0) continue;
          const lines = pending.slice(0, end + 2);
          pending = pending.slice(end + 2);
          chunk = Buffer.from(watchLines(pair, lines, direction), 'latin1');
        }
        const cut = cuts.find((c) => c.direction === direction && c.counting);
        if (cut && chunk.length >= cut.remaining) {
          // Flushed before the RST, which would otherwise discard what is still in the send buffer.
          await new Promise((flushed) => to.write(chunk.subarray(0, cut.remaining), flushed));
          cuts.splice(cuts.indexOf(cut), 1);
          kill(pair, cut.how ?? 'reset');
          cut.done();
          return;
        }
        if (cut) cut.remaining -= chunk.length;
        await write(to, chunk);
        if (direction === 'down' && dropAfterThisChunk.has(pair)) {
          dropAfterThisChunk.delete(pair);
          kill(pair, 'close');
          return;
        }
      }
      // A last line without its CRLF (the peer closed mid-line) still reaches the other side.
      if (pending) await write(to, Buffer.from(pending, 'latin1'));
      to.end();
    } catch {
      kill(pair, 'close');
    }
  }

  /** Looks at whole protocol lines: arms line-keyed cuts, notes logins, rewrites answers. */
  function watchLines(pair: Pair, text: string, direction: Direction): string {
    const lines = text.split('\r\n').slice(0, -1);
    const out: string[] = [];
    for (const line of lines) {
      let outLine = line;
      for (const w of [...watchers])
        if (w.direction === direction && w.line.test(line)) {
          watchers.splice(watchers.indexOf(w), 1);
          w.found(line);
        }
      for (const cut of cuts)
        if (!cut.counting && cut.direction === direction && cut.afterLine?.test(line)) cut.counting = true;
      if (direction === 'up') {
        const command = /^(\S+) (.*)$/.exec(line);
        if (command) {
          const [, tag, rest] = command as unknown as [string, string, string];
          if (/^(LOGIN|AUTHENTICATE)\b/i.test(rest)) pair.loginTags.add(tag);
          const rule = rewrites.find((r) => r.left > 0 && r.command.test(rest));
          if (rule) {
            rule.left--;
            pair.rewriteTags.set(tag, rule.answer);
          }
        }
        if (/^AUTH /i.test(line)) pair.loginTags.add('smtp');
      } else {
        const tagged = /^(\S+) (OK|NO|BAD)\b/.exec(line);
        if (tagged && pair.loginTags.delete(tagged[1]!) && tagged[2] === 'OK') loggedIn(pair);
        if (/^235[ -]/.test(line) && pair.loginTags.delete('smtp')) loggedIn(pair);
        const answer = tagged && pair.rewriteTags.get(tagged[1]!);
        if (tagged && answer) {
          pair.rewriteTags.delete(tagged[1]!);
          outLine = `${tagged[1]} ${answer}`;
        }
      }
      out.push(outLine);
    }
    // Counting of a line-keyed cut starts with the bytes after the line that armed it.
    return out.map((l) => `${l}\r\n`).join('');
  }

  function loggedIn(pair: Pair) {
    logins++;
    if (dropLogin) dropAfterThisChunk.add(pair);
  }

  async function write(to: net.Socket, chunk: Buffer) {
    if (to.destroyed) throw new Error('peer gone');
    if (rate === null) {
      if (!to.write(chunk)) await once(to, 'drain');
      return;
    }
    // Ten slices a second, each a tenth of the rate.
    for (let at = 0; at < chunk.length;) {
      const step = Math.max(1, Math.floor((rate ?? chunk.length * 10) / 10));
      if (!to.write(chunk.subarray(at, at + step))) await once(to, 'drain');
      at += step;
      if (rate !== null) await new Promise((r) => setTimeout(r, 100));
    }
  }

  const secureContext = plaintext ? tls.createSecureContext(serverCertificate(options.server!)) : undefined;
  const onClient = (clientTcp: net.Socket) => {
    accepted++;
    if (refusing) {
      clientTcp.resetAndDestroy();
      return;
    }
    const upstreamTcp = net.connect(options.targetPort, '127.0.0.1');
    const client = plaintext ? new tls.TLSSocket(clientTcp, { isServer: true, secureContext }) : clientTcp;
    const upstream = plaintext
      ? tls.connect({ socket: upstreamTcp, ca: [options.server!.caPem], servername: 'localhost' })
      : upstreamTcp;
    const pair: Pair = {
      client,
      upstream,
      tcp: [clientTcp, upstreamTcp],
      loginTags: new Set(),
      rewriteTags: new Map(),
    };
    pairs.add(pair);
    const drop = () => kill(pair, 'close');
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    for (const s of pair.tcp) s.on('error', drop);
    void pump(pair, client, upstream, 'up');
    void pump(pair, upstream, client, 'down');
  };

  const server = net.createServer(onClient);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  const needsPlaintext = (what: string) => {
    if (!plaintext) throw new Error(`${what} needs mode 'tls' (the proxy must see the protocol)`);
  };

  return {
    port,
    get accepted() {
      return accepted;
    },
    get logins() {
      return logins;
    },
    cut(fault) {
      if (fault.afterLine) needsPlaintext('a cut after a line');
      return new Promise<void>((done) =>
        cuts.push({ ...fault, counting: !fault.afterLine, remaining: fault.bytes, done }),
      );
    },
    seen(direction, line) {
      needsPlaintext('waiting for a line');
      return new Promise((found) => watchers.push({ direction, line, found }));
    },
    stall() {
      if (stalled) return;
      let release = () => undefined as void;
      const promise = new Promise<void>((r) => (release = r));
      stalled = { promise, release };
    },
    resume() {
      const s = stalled;
      stalled = null;
      s?.release();
    },
    reset() {
      for (const pair of [...pairs]) kill(pair, 'reset');
    },
    throttle(bytesPerSecond) {
      rate = bytesPerSecond;
    },
    dropAfterLogin(on) {
      needsPlaintext('dropping after the login');
      dropLogin = on;
    },
    refuse(on) {
      refusing = on;
    },
    rewrite(fault) {
      needsPlaintext('rewriting an answer');
      rewrites.push({ ...fault, left: fault.times ?? 1 });
    },
    close() {
      const s = stalled;
      stalled = null;
      s?.release();
      for (const pair of [...pairs]) kill(pair, 'close');
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
