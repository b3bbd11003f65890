// A second IMAP connection for a first sync, run in a worker thread with an imapflow of its own:
// imapflow's parsing of a FETCH response (tokenising every byte, building the envelope and the
// body structure, decoding encoded words) is most of what a header costs in JavaScript, and here
// it runs on another core. The thread sends each parsed message on to the main thread in chunks;
// structured cloning them costs the main thread a fraction of parsing them (split-fetch.ts then
// makes them rows for the header writer thread).
//
// As in store/header-writer.ts, the thread runs plain JavaScript given as a string: no build
// (Electron's bundle, the browser shell's, the bench's, vitest's) has to know a second entry point.
// It loads imapflow from where the main thread finds it. Nothing in it decides what to fetch or
// what to store: it opens the mailbox read-only (EXAMINE), checks UIDVALIDITY, and answers FETCHes.
import { createRequire } from 'node:module';
import type { ConnectionOptions } from 'node:tls';
import { Worker } from 'node:worker_threads';
import type { FetchMessageObject, FetchQueryObject } from 'imapflow';

const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { ImapFlow } = require(workerData.imapflowModule);
const CHUNK = workerData.chunk;
const client = new ImapFlow({ ...workerData.options, logger: false, emitLogs: false, disableAutoIdle: true });
const failure = (error) => ({
  message: String((error && error.message) || error),
  code: error && error.code,
  authenticationFailed: !!(error && error.authenticationFailed),
  serverResponseCode: error && error.serverResponseCode,
  responseText: error && error.responseText,
});
let closing = false;
client.on('error', () => undefined);
client.on('close', () => {
  if (!closing) parentPort.postMessage({ type: 'closed' });
});
async function open(path, uidValidity) {
  await client.connect();
  const box = await client.mailboxOpen(path, { readOnly: true });
  if (String(box.uidValidity) !== uidValidity) throw new Error('UIDVALIDITY changed under the extra connection');
}
async function fetch(id, range) {
  let chunk = [];
  let count = 0;
  for await (const m of client.fetch(range, workerData.query, { uid: true })) {
    count++;
    chunk.push({
      uid: m.uid,
      flags: m.flags,
      // what header-fields.ts reads of the envelope: the rest would only be cloned for nothing
      envelope: m.envelope && {
        date: m.envelope.date,
        subject: m.envelope.subject,
        from: m.envelope.from,
        to: m.envelope.to,
        cc: m.envelope.cc,
        inReplyTo: m.envelope.inReplyTo,
        messageId: m.envelope.messageId,
      },
      bodyStructure: m.bodyStructure,
      internalDate: m.internalDate,
      size: m.size,
      headers: m.headers,
      threadId: m.threadId,
    });
    if (chunk.length >= CHUNK) {
      parentPort.postMessage({ type: 'messages', id, messages: chunk });
      chunk = [];
    }
  }
  if (chunk.length) parentPort.postMessage({ type: 'messages', id, messages: chunk });
  parentPort.postMessage({ type: 'fetched', id, count });
}
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    closing = true;
    client.logout().catch(() => client.close()).finally(() => parentPort.close());
    return;
  }
  if (message.type === 'cut') {
    // tests: the connection drops as a network would drop it
    client.close();
    return;
  }
  const work = message.type === 'open' ? open(message.path, message.uidValidity) : fetch(message.id, message.range);
  work.then(
    () => message.type === 'open' && parentPort.postMessage({ type: 'opened' }),
    (error) => parentPort.postMessage({ type: 'failed', id: message.id, error: failure(error) }),
  );
});
`;

/** Messages per postMessage: small enough that a chunk dies young on either side. */
const CHUNK_MESSAGES = 100;

/** What the thread's imapflow needs to log in: plain data only (no functions cross threads). */
export interface FetchThreadOptions {
  host: string;
  port: number;
  secure: boolean;
  doSTARTTLS: boolean;
  auth: { user: string; pass: string } | { user: string; accessToken: string };
  /** tls.connect options without functions or a secure context (a pinned certificate's check is a function: no thread then). */
  tls: ConnectionOptions;
  connectionTimeout: number;
  greetingTimeout: number;
}

/** The error a refused or failed login or FETCH of the thread carries, as imapflow's are read (errors.ts). */
export class FetchThreadError extends Error {
  readonly code?: string;
  readonly authenticationFailed: boolean;
  readonly serverResponseCode?: string;
  readonly responseText?: string;
  constructor(error: {
    message: string;
    code?: string;
    authenticationFailed?: boolean;
    serverResponseCode?: string;
    responseText?: string;
  }) {
    super(error.message);
    this.name = 'FetchThreadError';
    this.code = error.code;
    this.authenticationFailed = error.authenticationFailed === true;
    this.serverResponseCode = error.serverResponseCode;
    this.responseText = error.responseText;
  }
}

type Reply =
  | { type: 'opened' }
  | { type: 'closed' }
  | { type: 'messages'; id: number; messages: FetchMessageObject[] }
  | { type: 'fetched'; id: number; count: number }
  | { type: 'failed'; id?: number; error: ConstructorParameters<typeof FetchThreadError>[0] };

let imapflowModule: string | null | undefined;

/** Where imapflow is, for the thread's require(); null when it cannot be told here. */
function imapflowPath(): string | null {
  if (imapflowModule !== undefined) return imapflowModule;
  try {
    imapflowModule = createRequire(import.meta.url).resolve('imapflow');
  } catch {
    imapflowModule = null;
  }
  return imapflowModule;
}

interface RunningFetch {
  onMessage(message: FetchMessageObject): void;
  resolve(count: number): void;
  reject(error: Error): void;
}

/** One extra connection, logged in and with the mailbox examined (FetchThread.open). */
export class FetchThread {
  private nextId = 0;
  private running: (RunningFetch & { id: number }) | null = null;
  private gone: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => this.receive(reply));
    worker.on('error', (error) => this.end(error));
    worker.on('exit', () => this.end(new Error('the extra connection thread ended')));
  }

  /**
   * Starts the thread, logs in and examines `path`. Rejects with a FetchThreadError (a refused
   * login, a server at its connection limit, UIDVALIDITY changed) or when no thread can start;
   * the thread is gone then.
   */
  static open(
    options: FetchThreadOptions,
    query: FetchQueryObject,
    path: string,
    uidValidity: string,
  ): Promise<FetchThread> {
    const module = imapflowPath();
    if (!module) return Promise.reject(new Error('imapflow cannot be located for a thread'));
    let worker: Worker;
    try {
      worker = new Worker(THREAD_SOURCE, {
        eval: true,
        workerData: { imapflowModule: module, options, query, chunk: CHUNK_MESSAGES },
      });
    } catch (error) {
      return Promise.reject(error as Error);
    }
    // Never what keeps the process alive.
    worker.unref();
    return new Promise((resolve, reject) => {
      const first = (reply: Reply) => {
        if (reply.type === 'opened') return settle(() => resolve(new FetchThread(worker)));
        if (reply.type === 'failed') return settle(() => reject(new FetchThreadError(reply.error)), true);
        if (reply.type === 'closed')
          return settle(() => reject(new Error('the server closed the extra connection')), true);
      };
      const died = (error: Error) => settle(() => reject(error), true);
      const exited = () => settle(() => reject(new Error('the extra connection thread ended')), true);
      const settle = (then: () => void, terminate = false) => {
        worker.off('message', first);
        worker.off('error', died);
        worker.off('exit', exited);
        if (terminate) void worker.terminate();
        then();
      };
      worker.on('message', first);
      worker.on('error', died);
      worker.on('exit', exited);
      worker.postMessage({ type: 'open', path, uidValidity });
    });
  }

  /**
   * FETCHes the UID set `range`; each parsed message is handed to `onMessage` as it arrives.
   * Resolves with the number of responses; rejects when the connection fails meanwhile (the
   * caller fetches that batch elsewhere: what it was handed of it is to be dropped).
   */
  fetch(range: string, onMessage: (message: FetchMessageObject) => void): Promise<number> {
    if (this.gone) return Promise.reject(this.gone);
    if (this.running) return Promise.reject(new Error('the extra connection runs one FETCH at a time'));
    return new Promise((resolve, reject) => {
      this.running = { id: ++this.nextId, onMessage, resolve, reject };
      this.worker.postMessage({ type: 'fetch', id: this.running.id, range });
    });
  }

  /** Logs out and ends the thread (a FETCH still running is rejected). */
  close(): void {
    if (this.gone) return;
    this.end(new Error('the extra connection was closed'), false);
    this.worker.postMessage({ type: 'close' });
  }

  /** Tests: drops the connection as a network fault would, in the middle of whatever runs. */
  cutForTest(): void {
    this.worker.postMessage({ type: 'cut' });
  }

  private receive(reply: Reply): void {
    const running = this.running;
    if (reply.type === 'closed') return this.end(new Error('the server closed the extra connection'));
    if (!running || !('id' in reply) || reply.id !== running.id) return;
    if (reply.type === 'messages') {
      for (const message of reply.messages) running.onMessage(revive(message));
      return;
    }
    this.running = null;
    if (reply.type === 'fetched') running.resolve(reply.count);
    // a failed FETCH leaves the session in doubt: no more of them on it
    else this.end(new FetchThreadError(reply.error), true, running);
  }

  /** No more FETCHes: the one running (or `running`) is rejected, and the thread is stopped unless it logs out. */
  private end(error: Error, terminate = true, running = this.running): void {
    this.running = null;
    running?.reject(error);
    if (this.gone) return;
    this.gone = error;
    if (terminate) void this.worker.terminate();
  }
}

/** A Buffer crosses threads as a plain Uint8Array: header-fields.ts reads it as a Buffer. */
function revive(message: FetchMessageObject): FetchMessageObject {
  const headers = message.headers as Uint8Array | undefined;
  if (headers && !Buffer.isBuffer(headers))
    message.headers = Buffer.from(headers.buffer, headers.byteOffset, headers.byteLength);
  return message;
}
