// A socket that speaks a line protocol (IMAP greetings, SMTP replies) for the short dialogues
// of discovery probes and certificate checks: read a line, write a line, start TLS. Every read
// has a deadline, and a server that sends too much is cut off: these dialogues are a few lines.
// Credentials never pass through here.
import net from 'node:net';
import tls from 'node:tls';

export interface LineSocketOptions {
  host: string;
  port: number;
  /** Implicit TLS from the first byte with these options; plain TCP when absent. */
  tls?: tls.ConnectionOptions;
  /** Deadline of the connection and of each read. */
  timeoutMs: number;
  signal?: AbortSignal;
}

const MAX_LINE = 8 * 1024;
const MAX_TOTAL = 256 * 1024;

export class LineSocketError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'LineSocketError';
  }
}

export class LineSocket {
  private buffer = '';
  private readonly lines: string[] = [];
  private waiting: { resolve: (line: string) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private received = 0;
  private readonly onData = (chunk: Buffer) => this.push(chunk);
  private readonly onError = (error: Error) => this.fail(error);
  private readonly onClose = () =>
    this.fail(new LineSocketError('The server closed the connection.', 'EConnectionClosed'));
  private readonly onAbort = () => this.fail(new LineSocketError('Cancelled.', 'ABORT_ERR'));

  private constructor(
    private socket: net.Socket,
    private readonly options: LineSocketOptions,
  ) {
    this.attach(socket);
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  static open(options: LineSocketOptions): Promise<LineSocket> {
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new LineSocketError('Cancelled.', 'ABORT_ERR'));
        return;
      }
      const ready = options.tls ? 'secureConnect' : 'connect';
      const socket = options.tls
        ? tls.connect({ ...options.tls, host: options.host, port: options.port })
        : net.connect({ host: options.host, port: options.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(
          new LineSocketError(`No connection to ${options.host}:${options.port} within the time limit.`, 'ETIMEDOUT'),
        );
      }, options.timeoutMs);
      const onAbort = () => {
        clearTimeout(timer);
        socket.destroy();
        reject(new LineSocketError('Cancelled.', 'ABORT_ERR'));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('error', (error) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
      socket.once(ready, () => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('error');
        resolve(new LineSocket(socket, options));
      });
    });
  }

  /** The TLS socket once the connection is encrypted (implicit TLS or after startTls). */
  get tlsSocket(): tls.TLSSocket | null {
    return this.socket instanceof tls.TLSSocket ? this.socket : null;
  }

  readLine(): Promise<string> {
    const next = this.lines.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new LineSocketError(`${this.options.host} did not answer within the time limit.`, 'ETIMEDOUT'));
      }, this.options.timeoutMs);
      this.waiting = {
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  write(line: string): void {
    this.socket.write(`${line}\r\n`);
  }

  /** Upgrades the connection in place (STARTTLS); the server must have said yes already. */
  startTls(options: tls.ConnectionOptions): Promise<tls.TLSSocket> {
    const plain = this.socket;
    this.detach(plain);
    this.buffer = '';
    this.lines.length = 0;
    return new Promise((resolve, reject) => {
      const secure = tls.connect({ ...options, socket: plain, host: this.options.host, port: this.options.port });
      const timer = setTimeout(() => {
        secure.destroy();
        reject(new LineSocketError(`No TLS handshake with ${this.options.host} within the time limit.`, 'ETIMEDOUT'));
      }, this.options.timeoutMs);
      secure.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      secure.once('secureConnect', () => {
        clearTimeout(timer);
        secure.removeAllListeners('error');
        this.socket = secure;
        this.attach(secure);
        resolve(secure);
      });
    });
  }

  close(): void {
    this.options.signal?.removeEventListener('abort', this.onAbort);
    this.detach(this.socket);
    this.socket.on('error', () => undefined);
    this.socket.destroy();
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

  private push(chunk: Buffer): void {
    this.received += chunk.length;
    if (this.received > MAX_TOTAL) {
      this.fail(new LineSocketError(`${this.options.host} sent far more than expected.`, 'EPROTOCOL'));
      this.socket.destroy();
      return;
    }
    this.buffer += chunk.toString('latin1');
    for (;;) {
      const end = this.buffer.indexOf('\n');
      if (end < 0) break;
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      this.deliver(line);
    }
    if (this.buffer.length > MAX_LINE) {
      this.fail(new LineSocketError(`${this.options.host} sent an overlong line.`, 'EPROTOCOL'));
      this.socket.destroy();
    }
  }

  private deliver(line: string): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      waiting.resolve(line);
    } else this.lines.push(line);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}
