// The messages between the engine (fetch-thread.ts) and an extra connection's thread
// (fetch-thread-worker.ts): plain data, since only what structured cloning copies crosses.
import type { ConnectionOptions } from 'node:tls';
import type { MessagePort } from 'node:worker_threads';
import type { FetchQueryObject } from 'imapflow';
import type { HeaderRecord } from '../../store/messages-repo';

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

/** The thread's workerData. */
export interface ThreadStartData {
  options: FetchThreadOptions;
  query: FetchQueryObject;
  /** Rows (or records) per message posted. */
  chunk: number;
}

export type ThreadRequest =
  | { type: 'open'; path: string; uidValidity: string }
  | {
      type: 'fetch';
      id: number;
      /** A UID set. */
      range: string;
      mailboxId: number;
      /** The fallback thread key's prefix (new-messages.ts: the mailbox id). */
      mailboxKey: string;
      /** UIDs a pending local operation holds: fetched and counted, never made rows. */
      pinned: number[];
      /** The header writer thread's port for this batch's rows; absent: records go to the engine. */
      writer?: MessagePort;
    }
  | { type: 'close' }
  /** Tests: drop the connection now (0) or once that many rows of the running FETCH are handed on. */
  | { type: 'cut'; afterRows: number };

/** A failed login or FETCH, as imapflow's errors are read (errors.ts). */
export interface ThreadFailure {
  message: string;
  code?: string;
  authenticationFailed?: boolean;
  serverResponseCode?: string;
  responseText?: string;
}

export type ThreadReply =
  | { type: 'opened' }
  | { type: 'closed' }
  | { type: 'records'; id: number; records: HeaderRecord[] }
  /** `count` responses (pinned ones included), `rows` of them made rows, the lowest UID among them. */
  | { type: 'fetched'; id: number; count: number; rows: number; lowUid: number }
  | { type: 'failed'; id?: number; error: ThreadFailure };
