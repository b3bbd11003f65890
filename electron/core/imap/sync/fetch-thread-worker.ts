// The code that runs inside an extra connection's thread (fetch-thread.ts starts it): an imapflow
// of its own that logs in, examines the mailbox and answers FETCHes. It is a module of its own,
// bundled beside the engine as fetch-thread.cjs by every build (scripts/build.mjs, the bench's,
// the tests' global setup), so the thread runs the same header-fields.ts and header-rows.ts code
// as the work connection: each message becomes its `messages` row here, and a batch meant for
// the header writer thread goes straight there over a MessagePort of its own. The engine's main
// thread then receives only a count per batch, where it used to receive every parsed message,
// structured-cloned, to make it a row and clone it once more for the writer (most of what an
// extra connection cost the main thread).
//
// Nothing in it decides what to fetch or what to store: it examines the mailbox read-only,
// checks UIDVALIDITY, and turns each message into a row exactly as new-messages.ts would.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { ImapFlow, type FetchQueryObject } from 'imapflow';
import { hasListedAttachments } from '../body/structure';
import { headerRow, type HeaderRow } from '../../store/header-rows';
import type { HeaderRecord } from '../../store/messages-repo';
import type { ThreadFailure, ThreadReply, ThreadRequest, ThreadStartData } from './fetch-thread-protocol';
import { fetchHeaderMessages } from './fast-fetch';
import { toHeaderRecord } from './header-fields';

const port = parentPort!;
const data = workerData as ThreadStartData;
const client = new ImapFlow({ ...data.options, logger: false, emitLogs: false, disableAutoIdle: true });
const reply = (message: ThreadReply) => port.postMessage(message);

const failure = (error: unknown): ThreadFailure => {
  const e = error as Partial<ThreadFailure> | null;
  return {
    message: String(e?.message ?? error),
    code: e?.code,
    authenticationFailed: !!e?.authenticationFailed,
    serverResponseCode: e?.serverResponseCode,
    responseText: e?.responseText,
  };
};

let closing = false;
/** Tests: the connection drops once this many rows of the running FETCH were handed on. */
let cutAfterRows: number | null = null;
client.on('error', () => undefined);
client.on('close', () => {
  if (!closing) reply({ type: 'closed' });
});

async function open(path: string, uidValidity: string): Promise<void> {
  await client.connect();
  const box = await client.mailboxOpen(path, { readOnly: true });
  if (String(box.uidValidity) !== uidValidity) throw new Error('UIDVALIDITY changed under the extra connection');
}

/** Where a FETCH's rows go: the header writer thread's port (rows), or the main thread (records). */
type Sink = { rows: HeaderRow[]; writer: MessagePort } | { records: HeaderRecord[] };

async function fetch(request: Extract<ThreadRequest, { type: 'fetch' }>): Promise<void> {
  const { id, range, mailboxId, mailboxKey } = request;
  const pinned = new Set(request.pinned);
  const sink: Sink = request.writer ? { rows: [], writer: request.writer } : { records: [] };
  let count = 0;
  let rows = 0;
  let lowUid = Infinity;
  const flush = () => {
    if ('writer' in sink) {
      if (!sink.rows.length) return;
      // the writer thread's own message for a chunk of streamed rows (store/header-writer.ts)
      sink.writer.postMessage({ rows: sink.rows });
      sink.rows = [];
    } else if (sink.records.length) {
      reply({ type: 'records', id, records: sink.records });
      sink.records = [];
    }
  };
  try {
    await fetchHeaderMessages(client, range, data.query as FetchQueryObject, { uid: true }, (message) => {
      count++;
      lowUid = Math.min(lowUid, message.uid);
      if (pinned.has(message.uid)) return;
      const record = toHeaderRecord(message, mailboxKey, hasListedAttachments);
      rows++;
      if ('writer' in sink) sink.rows.push(headerRow(mailboxId, record));
      else sink.records.push(record);
      if (rows % data.chunk === 0) flush();
      if (cutAfterRows !== null && rows >= cutAfterRows) {
        flush();
        cutAfterRows = null;
        client.close();
      }
    });
    flush();
  } finally {
    // the writer thread closes its end once the batch is committed or aborted
    if ('writer' in sink) sink.writer.unref();
  }
  reply({ type: 'fetched', id, count, rows, lowUid });
}

port.on('message', (request: ThreadRequest) => {
  if (request.type === 'close') {
    closing = true;
    client
      .logout()
      .catch(() => client.close())
      .finally(() => port.close());
    return;
  }
  if (request.type === 'cut') {
    // tests: the connection drops as a network would drop it, at once or after some rows
    if (request.afterRows > 0) cutAfterRows = request.afterRows;
    else client.close();
    return;
  }
  const work = request.type === 'open' ? open(request.path, request.uidValidity) : fetch(request);
  work.then(
    () => request.type === 'open' && reply({ type: 'opened' }),
    (error: unknown) =>
      reply({ type: 'failed', ...(request.type === 'fetch' ? { id: request.id } : {}), error: failure(error) }),
  );
});
