// A second IMAP connection for a first sync, run in a worker thread with an imapflow of its own:
// imapflow's parsing of a FETCH response (tokenising every byte, building the envelope and the
// body structure, decoding encoded words) is most of what a header costs in JavaScript, and here
// it runs on another core. The thread (fetch-thread-worker.ts) also makes each message its row
// and, for a batch the header writer thread writes, hands the rows straight to that thread over a
// MessagePort: the engine's main thread, which parses the work connection's FETCH, only hears
// how many came. A batch without the writer thread gets its records back here, to write.
//
// The thread's code is a module of its own, built beside the engine's bundle as fetch-thread.cjs
// (threadScript below); where it is not there, the account syncs over its one connection.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { FetchQueryObject } from 'imapflow';
import type { HeaderRecord } from '../../store/messages-repo';
import type {
  FetchThreadOptions,
  ThreadFailure,
  ThreadReply,
  ThreadRequest,
  ThreadStartData,
} from './fetch-thread-protocol';

export type { FetchThreadOptions } from './fetch-thread-protocol';

/** Rows per postMessage: small enough that a chunk dies young on either side. */
const CHUNK_ROWS = 100;

/** The bundle's file name, beside the engine's own bundle in every build. */
export const FETCH_THREAD_FILE = 'fetch-thread.cjs';
/** Where the tests' global setup (which runs the engine from source) puts the bundle. */
export const FETCH_THREAD_ENV = 'MAIL_FETCH_THREAD_SCRIPT';

let scriptPath: string | null | undefined;

/** The thread's script: beside the engine's bundle, or where MAIL_FETCH_THREAD_SCRIPT says; null when there is none. */
export function threadScript(): string | null {
  if (scriptPath !== undefined) return scriptPath;
  const candidates = [
    process.env[FETCH_THREAD_ENV],
    safePath(() => fileURLToPath(new URL(`./${FETCH_THREAD_FILE}`, import.meta.url))),
  ];
  scriptPath = candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate)) ?? null;
  return scriptPath;
}

function safePath(path: () => string): string | undefined {
  try {
    return path();
  } catch {
    return undefined;
  }
}

/** The error a refused or failed login or FETCH of the thread carries, as imapflow's are read (errors.ts). */
export class FetchThreadError extends Error {
  readonly code?: string;
  readonly authenticationFailed: boolean;
  readonly serverResponseCode?: string;
  readonly responseText?: string;
  constructor(error: ThreadFailure) {
    super(error.message);
    this.name = 'FetchThreadError';
    this.code = error.code;
    this.authenticationFailed = error.authenticationFailed === true;
    this.serverResponseCode = error.serverResponseCode;
    this.responseText = error.responseText;
  }
}

/** What one FETCH of the thread is about, and where its rows go. */
export interface ThreadFetch {
  /** A UID set. */
  range: string;
  mailboxId: number;
  mailboxKey: string;
  /** UIDs never to make rows of (a pending local operation holds them). */
  pinned: ReadonlySet<number>;
  /** The header writer thread's port for the batch (StreamedBatch.port); absent: records come to `onRecord`. */
  writer?: MessagePort;
  onRecord?(record: HeaderRecord): void;
}

/** What a FETCH of the thread did. */
export interface ThreadFetched {
  /** Responses, pinned ones included. */
  count: number;
  /** Rows made (sent to the writer's port, or handed to onRecord). */
  rows: number;
  /** The lowest UID among the responses (Infinity for none). */
  lowUid: number;
}

interface RunningFetch {
  id: number;
  onRecord?(record: HeaderRecord): void;
  resolve(fetched: ThreadFetched): void;
  reject(error: Error): void;
}

/** One extra connection, logged in and with the mailbox examined (FetchThread.open). */
export class FetchThread {
  private nextId = 0;
  private running: RunningFetch | null = null;
  private gone: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ThreadReply) => this.receive(reply));
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
    const script = threadScript();
    if (!script) return Promise.reject(new Error(`${FETCH_THREAD_FILE} is not beside the engine`));
    let worker: Worker;
    try {
      const workerData: ThreadStartData = { options, query, chunk: CHUNK_ROWS };
      worker = new Worker(script, { workerData });
    } catch (error) {
      return Promise.reject(error as Error);
    }
    // Never what keeps the process alive.
    worker.unref();
    return new Promise((resolve, reject) => {
      const first = (reply: ThreadReply) => {
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
      worker.postMessage({ type: 'open', path, uidValidity } satisfies ThreadRequest);
    });
  }

  /**
   * FETCHes `request.range` and makes each message a row, sent to the writer's port or handed
   * to onRecord as it arrives. Rejects when the connection fails meanwhile (the caller fetches
   * that batch elsewhere: what was sent or handed of it is to be dropped).
   */
  fetch(request: ThreadFetch): Promise<ThreadFetched> {
    if (this.gone) return Promise.reject(this.gone);
    if (this.running) return Promise.reject(new Error('the extra connection runs one FETCH at a time'));
    return new Promise((resolve, reject) => {
      const id = ++this.nextId;
      this.running = { id, onRecord: request.onRecord, resolve, reject };
      const message: ThreadRequest = {
        type: 'fetch',
        id,
        range: request.range,
        mailboxId: request.mailboxId,
        mailboxKey: request.mailboxKey,
        pinned: [...request.pinned],
        ...(request.writer ? { writer: request.writer } : {}),
      };
      this.worker.postMessage(message, request.writer ? [request.writer] : []);
    });
  }

  /** Logs out and ends the thread (a FETCH still running is rejected). */
  close(): void {
    if (this.gone) return;
    this.end(new Error('the extra connection was closed'), false);
    this.worker.postMessage({ type: 'close' } satisfies ThreadRequest);
  }

  /** Tests: drops the connection as a network fault would, now or once `afterRows` rows of the running FETCH are handed on. */
  cutForTest(afterRows = 0): void {
    this.worker.postMessage({ type: 'cut', afterRows } satisfies ThreadRequest);
  }

  private receive(reply: ThreadReply): void {
    const running = this.running;
    if (reply.type === 'closed') return this.end(new Error('the server closed the extra connection'));
    if (!running || !('id' in reply) || reply.id !== running.id) return;
    if (reply.type === 'records') {
      for (const record of reply.records) running.onRecord?.(record);
      return;
    }
    this.running = null;
    if (reply.type === 'fetched') running.resolve({ count: reply.count, rows: reply.rows, lowUid: reply.lowUid });
    // a failed FETCH leaves the session in doubt: no more of them on it
    else if (reply.type === 'failed') this.end(new FetchThreadError(reply.error), true, running);
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
