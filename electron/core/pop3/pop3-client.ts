// A POP3 client (RFC 1939, CAPA of RFC 2449, STLS of RFC 2595, AUTH PLAIN of RFC 5034): one
// connection, its commands, nothing else. No npm POP3 client fit: the maintained ones lack STLS or
// response codes, buffer whole mailboxes, or parse loosely; this one is small and its parser
// (pop3-parser.ts) is tested byte by byte.
//
// Never a cleartext login: with 'starttls' the password goes out only after STLS succeeded, and a
// server without STLS is refused before any credential is sent; 'plain' is for loopback bridges
// and passes only when the caller's policy (net/plaintext.ts) allowed it.
//
// Commands are pipelined when the server says PIPELINING (RFC 2449): the replies come back in
// order and the parser is told in that order what each one is. Without it, each command waits for
// the previous reply. Every command has a deadline of silence: a reply that stops arriving for
// `timeoutMs` ends the connection.
import net from 'node:net';
import tls from 'node:tls';
import { Pop3Parser, type Pop3ParserLimits, type Pop3Reply, type Pop3Status } from './pop3-parser';

export type Pop3Security = 'tls' | 'starttls' | 'plain';

export interface Pop3ConnectOptions {
  host: string;
  port: number;
  security: Pop3Security;
  /** TLS options (trust store, pins: net/tls-options.ts's tlsConnectOptions). */
  tls?: tls.ConnectionOptions;
  /** 'plain' is refused unless this says a cleartext login is allowed (loopback, confirmed). */
  allowPlaintext?: boolean;
  /** Silence that ends the connection: no connect, no greeting, no reply bytes for this long. */
  timeoutMs?: number;
  limits?: Pop3ParserLimits;
}

export const DEFAULT_POP3_TIMEOUT_MS = 30_000;

/** What went wrong, for the caller to decide: retry, tell the user, or ask for a password. */
export type Pop3ErrorKind =
  /** The server refused the login (wrong user or password): never retried by itself. */
  | 'auth'
  /** Another POP3 session holds the mailbox ([IN-USE]): temporary, try again later. */
  | 'in-use'
  /** The server has a temporary problem ([SYS/TEMP]). */
  | 'temporary'
  /** STLS missing or refused, or cleartext not allowed: no password was sent. */
  | 'no-tls'
  /** Any other -ERR. */
  | 'refused';

export class Pop3Error extends Error {
  readonly code: string;
  constructor(
    readonly kind: Pop3ErrorKind,
    message: string,
    /** The server's response code, if it gave one. */
    readonly responseCode: string | null = null,
  ) {
    super(message);
    this.name = 'Pop3Error';
    this.code = `EPOP3_${kind.toUpperCase().replace('-', '_')}`;
  }
}

export class Pop3ConnectionError extends Error {
  constructor(
    message: string,
    /** A network code of net/network-failure.ts (ETIMEDOUT, EConnectionClosed, ...). */
    readonly code: string,
  ) {
    super(message);
    this.name = 'Pop3ConnectionError';
  }
}

/** One message of the mailbox as UIDL lists it. */
export interface Pop3Listing {
  /** The message number of this session (1-based). */
  number: number;
  uidl: string;
}

interface PendingCommand {
  multiLine: boolean;
  resolve: (reply: Pop3Reply) => void;
  reject: (error: Error) => void;
}

export class Pop3Client {
  private readonly parser: Pop3Parser;
  private readonly inFlight: PendingCommand[] = [];
  /** Commands waiting for the previous reply (no PIPELINING). */
  private readonly queued: { line: string; command: PendingCommand }[] = [];
  private failure: Error | null = null;
  private timer: NodeJS.Timeout | null = null;
  private capabilities = new Map<string, string>();
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onError = (error: Error) => this.fail(error);
  private readonly onClose = () =>
    this.fail(new Pop3ConnectionError(`${this.options.host} closed the connection.`, 'EConnectionClosed'));

  private constructor(
    private socket: net.Socket,
    private readonly options: Pop3ConnectOptions,
  ) {
    this.parser = new Pop3Parser(options.limits);
    this.attach(socket);
  }

  /** Connects, reads the greeting, asks CAPA and (for 'starttls') upgrades with STLS. */
  static async connect(options: Pop3ConnectOptions): Promise<Pop3Client> {
    if (options.security === 'plain' && !options.allowPlaintext)
      throw new Pop3Error('no-tls', `Refusing to log in to ${options.host} without encryption.`);
    const socket = await openSocket(options);
    const client = new Pop3Client(socket, options);
    try {
      const greeting = await client.command(null, false);
      if (!greeting.status.ok) throw refusal('The greeting', greeting.status);
      await client.readCapabilities();
      if (options.security === 'starttls') await client.startTls();
      return client;
    } catch (error) {
      client.close();
      throw error;
    }
  }

  /** CAPA's answer: capability name (upper case) to its arguments. Empty if the server has no CAPA. */
  get capa(): ReadonlyMap<string, string> {
    return this.capabilities;
  }

  get encrypted(): boolean {
    return this.socket instanceof tls.TLSSocket;
  }

  /** Logs in: SASL PLAIN when the server offers it, USER/PASS otherwise. A refusal is kind 'auth'. */
  async login(user: string, password: string): Promise<void> {
    const sasl = (this.capabilities.get('SASL') ?? '').toUpperCase().split(/\s+/);
    try {
      if (sasl.includes('PLAIN')) {
        const token = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
        await this.ok(`AUTH PLAIN ${token}`, 'AUTH PLAIN');
      } else {
        await this.ok(`USER ${safeArgument(user)}`, 'USER');
        await this.ok(`PASS ${safeArgument(password, true)}`, 'PASS');
      }
    } catch (error) {
      throw loginFailure(error);
    }
    // The capabilities may change after login (RFC 2449 section 5); PIPELINING matters from here on.
    await this.readCapabilities();
  }

  /** The mailbox size: message count and octets. */
  async stat(): Promise<{ count: number; octets: number }> {
    const status = await this.ok('STAT', 'STAT');
    const match = /^(\d+) (\d+)/.exec(status.text);
    if (!match) throw new Pop3Error('refused', `Unreadable STAT answer "${status.text.slice(0, 80)}".`);
    return { count: Number(match[1]), octets: Number(match[2]) };
  }

  /** Every message's unique id, in message-number order. */
  async uidl(): Promise<Pop3Listing[]> {
    const data = await this.multi('UIDL', 'UIDL');
    return listingLines(data).map((line) => {
      const match = /^(\d+) ([\x21-\x7e]{1,70})$/.exec(line);
      if (!match) throw new Pop3Error('refused', `Unreadable UIDL line "${line.slice(0, 80)}".`);
      return { number: Number(match[1]), uidl: match[2] ?? '' };
    });
  }

  /** Every message's size in octets, by message number. */
  async list(): Promise<Map<number, number>> {
    const data = await this.multi('LIST', 'LIST');
    const sizes = new Map<number, number>();
    for (const line of listingLines(data)) {
      const match = /^(\d+) (\d+)/.exec(line);
      if (!match) throw new Pop3Error('refused', `Unreadable LIST line "${line.slice(0, 80)}".`);
      sizes.set(Number(match[1]), Number(match[2]));
    }
    return sizes;
  }

  /** The header of message `n` and its first `lines` body lines (TOP n 0: the header alone). */
  top(n: number, lines = 0): Promise<Buffer> {
    return this.multi(`TOP ${positive(n)} ${Math.max(0, Math.floor(lines))}`, 'TOP');
  }

  /** The whole message `n`, dot-unstuffed, lines ending in CRLF. */
  retr(n: number): Promise<Buffer> {
    return this.multi(`RETR ${positive(n)}`, 'RETR');
  }

  /**
   * Runs `sendAll`, which sends several commands, so that they leave as one write: with
   * PIPELINING, a window of RETRs is one TLS record instead of one per command (each of which the
   * client encrypts and the server decrypts on its own).
   */
  together(sendAll: () => void): void {
    const socket = this.socket;
    socket.cork();
    try {
      sendAll();
    } finally {
      socket.uncork();
    }
  }

  /** Marks message `n` deleted; the server removes it only at a clean QUIT. */
  async dele(n: number): Promise<void> {
    await this.ok(`DELE ${positive(n)}`, 'DELE');
  }

  async noop(): Promise<void> {
    await this.ok('NOOP', 'NOOP');
  }

  /** Ends the session cleanly: the server applies the DELEs now (and only now). */
  async quit(): Promise<void> {
    try {
      await this.ok('QUIT', 'QUIT');
    } finally {
      this.close();
    }
  }

  /** Drops the connection without QUIT: the server forgets every DELE of this session. */
  close(): void {
    this.stopTimer();
    this.detach(this.socket);
    this.socket.on('error', () => undefined);
    this.socket.destroy();
    this.fail(new Pop3ConnectionError('The connection was closed.', 'EConnectionClosed'));
  }

  private async readCapabilities(): Promise<void> {
    const reply = await this.command('CAPA', true);
    this.capabilities = new Map();
    if (!reply.status.ok || !reply.data) return; // a server without CAPA: USER/PASS, no pipelining
    for (const line of listingLines(reply.data)) {
      const space = line.indexOf(' ');
      const name = (space < 0 ? line : line.slice(0, space)).toUpperCase();
      this.capabilities.set(name, space < 0 ? '' : line.slice(space + 1).trim());
    }
  }

  private async startTls(): Promise<void> {
    if (!this.capabilities.has('STLS'))
      throw new Pop3Error('no-tls', `${this.options.host} does not offer STLS; no password was sent.`);
    const reply = await this.command('STLS', false);
    if (!reply.status.ok)
      throw new Pop3Error('no-tls', `${this.options.host} refused STLS: ${reply.status.text}`, reply.status.code);
    const plain = this.socket;
    this.detach(plain);
    this.socket = await upgrade(plain, this.options);
    this.attach(this.socket);
    // RFC 2595: what was learnt before TLS is forgotten and asked again.
    await this.readCapabilities();
  }

  private get pipelining(): boolean {
    return this.capabilities.has('PIPELINING');
  }

  private async ok(line: string, name: string): Promise<Pop3Status> {
    const reply = await this.command(line, false);
    if (!reply.status.ok) throw refusal(name, reply.status);
    return reply.status;
  }

  private async multi(line: string, name: string): Promise<Buffer> {
    const reply = await this.command(line, true);
    if (!reply.status.ok || !reply.data) throw refusal(name, reply.status);
    return reply.data;
  }

  /** Sends `line` (null: only awaits the greeting) and resolves with its reply. */
  private command(line: string | null, multiLine: boolean): Promise<Pop3Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const command = { multiLine, resolve, reject };
      if (line === null || this.pipelining || (this.inFlight.length === 0 && this.queued.length === 0))
        this.send(line, command);
      else this.queued.push({ line, command });
    });
  }

  private send(line: string | null, command: PendingCommand): void {
    this.inFlight.push(command);
    this.parser.expect(command.multiLine);
    if (line !== null) this.socket.write(`${line}\r\n`);
    this.armTimer();
  }

  private receive(chunk: Buffer): void {
    if (this.failure) return;
    let replies: Pop3Reply[];
    try {
      replies = this.parser.push(chunk);
    } catch (error) {
      this.fail(error as Error);
      this.socket.destroy();
      return;
    }
    this.armTimer();
    for (const reply of replies) {
      this.inFlight.shift()?.resolve(reply);
      const next = this.queued.shift();
      if (next) this.send(next.line, next.command);
    }
    if (this.inFlight.length === 0) this.stopTimer();
  }

  private armTimer(): void {
    this.stopTimer();
    const ms = this.options.timeoutMs ?? DEFAULT_POP3_TIMEOUT_MS;
    this.timer = setTimeout(() => {
      this.fail(new Pop3ConnectionError(`${this.options.host} did not answer within ${ms} ms.`, 'ETIMEDOUT'));
      this.socket.destroy();
    }, ms);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.stopTimer();
    for (const command of this.inFlight.splice(0)) command.reject(error);
    for (const { command } of this.queued.splice(0)) command.reject(error);
  }

  private attach(socket: net.Socket): void {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  private detach(socket: net.Socket): void {
    socket.off('data', this.onData);
    socket.off('error', this.onError);
    socket.off('close', this.onClose);
  }
}

/** The lines of a listing (CAPA, UIDL, LIST) without their CRLF. */
function listingLines(data: Buffer): string[] {
  return data
    .toString('latin1')
    .split('\r\n')
    .filter((line) => line.length > 0);
}

function positive(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Not a message number: ${n}`);
  return n;
}

/** A user name or password may not end the command early or start another one. */
function safeArgument(value: string, secret = false): string {
  if (/[\r\n\0]/.test(value))
    throw new Pop3Error(
      'auth',
      secret ? 'The password contains a line break.' : 'The user name contains a line break.',
    );
  return value;
}

function refusal(command: string, status: Pop3Status): Pop3Error {
  const code = status.code;
  const text = status.text || '(no reason given)';
  if (code === 'IN-USE') return new Pop3Error('in-use', `The mailbox is in use by another POP3 session: ${text}`, code);
  if (code === 'SYS/TEMP') return new Pop3Error('temporary', `The server has a temporary problem: ${text}`, code);
  if (code === 'AUTH' || code === 'SYS/PERM' || code === 'LOGIN-DELAY')
    return new Pop3Error(code === 'AUTH' ? 'auth' : 'refused', `${command} refused: ${text}`, code);
  return new Pop3Error('refused', `${command} refused: ${text}`, code);
}

/**
 * A -ERR to USER, PASS or AUTH is a refused login unless its response code says otherwise: most
 * servers give no code for a wrong password, and [IN-USE] or [SYS/TEMP] are not the password's fault.
 */
function loginFailure(error: unknown): unknown {
  if (!(error instanceof Pop3Error) || error.kind !== 'refused') return error;
  if (error.responseCode === 'LOGIN-DELAY') return new Pop3Error('temporary', error.message, error.responseCode);
  if (error.responseCode === 'SYS/PERM') return error;
  return new Pop3Error('auth', error.message, error.responseCode);
}

function openSocket(options: Pop3ConnectOptions): Promise<net.Socket> {
  const ms = options.timeoutMs ?? DEFAULT_POP3_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const implicit = options.security === 'tls';
    const socket = implicit
      ? tls.connect({ ...options.tls, host: options.host, port: options.port })
      : net.connect({ host: options.host, port: options.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Pop3ConnectionError(`No connection to ${options.host}:${options.port} within ${ms} ms.`, 'ETIMEDOUT'));
    }, ms);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.once(implicit ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

function upgrade(plain: net.Socket, options: Pop3ConnectOptions): Promise<tls.TLSSocket> {
  const ms = options.timeoutMs ?? DEFAULT_POP3_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const secure = tls.connect({ ...options.tls, socket: plain, host: options.host, port: options.port });
    const timer = setTimeout(() => {
      secure.destroy();
      reject(new Pop3ConnectionError(`No TLS handshake with ${options.host} within ${ms} ms.`, 'ETIMEDOUT'));
    }, ms);
    secure.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      secure.removeAllListeners('error');
      resolve(secure);
    });
  });
}
