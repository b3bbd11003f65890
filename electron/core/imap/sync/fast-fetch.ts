// A header FETCH whose answers are read by fetch-line.ts instead of imapflow's parser.
//
// imapflow reads a connection in one loop: its stream frames each response (a line with its
// literals), then `handleResponse` parses it and hands it to the command it belongs to. While a
// header FETCH of ours is on the wire, the connection's handleResponse first offers each
// `* n FETCH` line to fetch-line.ts; a line it reads whole (UID, ENVELOPE and BODYSTRUCTURE: a
// header FETCH's answer) goes straight to the caller, and every other line (a status line, the
// tagged OK, an unsolicited flag update, anything fetch-line.ts is not sure of) goes on to
// imapflow as before; a message imapflow parsed reaches the caller through the FETCH's own
// iterator. So the command itself, its tag, its errors and the connection's state stay
// imapflow's, and only the parsing of the bulk is ours.
//
// The same hook reads the flag changes a QRESYNC SELECT sends before its tagged OK (500-1,000
// `* n FETCH (UID x FLAGS (...) MODSEQ (y))` lines on a reopen after another device changed
// flags; select-changes.ts asks for it while its SELECT runs): a line read here becomes the
// 'flags' event imapflow's own untaggedFetch would have emitted, and anything else (VANISHED,
// the status lines, a FETCH line the reader is not sure of) goes to imapflow. Measured alone,
// 500 such lines took imapflow's path 5-17 ms once warm (165 ms the first time in a process) and
// this reader 0.7-1 ms (39 ms the first time): imapflow tokenizes each line into a tree, turns
// each item's key back into text, hashes an id and awaits two promises a line.
//
// handleResponse is imapflow's own method, not part of its documented interface: a client
// without it (another imapflow version) is used as it is, with every line parsed by imapflow,
// which only costs the speed. test/integration/fast-fetch.test.ts fails should the hook stop
// taking lines.
import type { FetchMessageObject, FetchQueryObject, FlagsEvent, ImapFlow, MailboxObject } from 'imapflow';
import { emitSafe } from 'imapflow/lib/tools.js';
import { readHeaderFetchLine, type HeaderFetchLine } from './fetch-line';

/** One response as imapflow's stream frames it. */
interface FramedResponse {
  payload: Buffer;
  literals: Buffer[];
}

/** The parts of imapflow's connection the hook works with (imapflow/dist/esm/imap-flow.js). */
interface ResponseLoop {
  handleResponse(data: FramedResponse): Promise<boolean>;
  currentRequest?: { command?: string; attributes?: { value?: unknown }[] } | false | null;
  mailbox?: MailboxObject | false;
}

/** Takes one message; a promise holds the connection's reading until it settles. */
export type HeaderSink = (message: FetchMessageObject) => void | Promise<void>;

/** The FETCH a connection's hook is reading for now. */
interface Reading {
  command: string;
  range: string;
  sink: HeaderSink;
  /** UIDs given to the sink: imapflow runs a throttled FETCH again, and a message is taken once. */
  taken: Set<number>;
  failure: { error: unknown } | null;
  /** Lines read here (the rest went to imapflow): for the tests and the bench's notes. */
  lines: number;
  /** Whether a line the reader read is this FETCH's answer (else imapflow gets it). */
  answers(line: HeaderFetchLine): boolean;
}

/** What the hook reads on a connection (imapflow sends one command at a time). */
interface Hook {
  /** The header FETCHes queued or running. */
  readings: Set<Reading>;
  /** The mailbox of the SELECT or EXAMINE whose flag lines are read here, while one is asked for. */
  selectFlags: { path: string; lines: number } | null;
}

const hooks = new WeakMap<object, Hook>();

/** The hook on `client`, installed once; null when this imapflow has no handleResponse to wrap. */
function hookOf(client: ImapFlow): Hook | null {
  const known = hooks.get(client);
  if (known) return known;
  const loop = client as unknown as ResponseLoop;
  const original = loop.handleResponse;
  if (typeof original !== 'function') return null;
  const hook: Hook = { readings: new Set(), selectFlags: null };
  loop.handleResponse = function (this: ResponseLoop, data: FramedResponse): Promise<boolean> {
    const request = this.currentRequest;
    const select = hook.selectFlags;
    if (select && request && (request.command === 'SELECT' || request.command === 'EXAMINE')) {
      if (!readSelectFlags(client, select.path, data)) return original.call(this, data);
      select.lines++;
      return Promise.resolve(true);
    }
    const reading =
      hook.readings.size && request ? readingOf(hook, request.command, request.attributes?.[0]?.value) : undefined;
    if (reading) {
      const line = readHeaderFetchLine(data.payload, data.literals, this.mailbox);
      if (line && reading.answers(line)) {
        reading.lines++;
        // once the caller failed, its answers are dropped; the command's tag still goes to imapflow
        return reading.failure ? Promise.resolve(true) : give(reading, line.message);
      }
    }
    return original.call(this, data);
  };
  hooks.set(client, hook);
  return hook;
}

/** The reading of a command on the wire: the same command over the same range. */
function readingOf(hook: Hook, command: unknown, range: unknown): Reading | undefined {
  for (const reading of hook.readings) if (command === reading.command && range === reading.range) return reading;
  return undefined;
}

async function give(reading: Reading, message: FetchMessageObject): Promise<boolean> {
  if (message.uid !== undefined) {
    if (reading.taken.has(message.uid)) return true;
    reading.taken.add(message.uid);
  }
  try {
    await reading.sink(message);
  } catch (error) {
    reading.failure = { error };
  }
  return true;
}

/**
 * Runs `client.fetch(range, query, { uid })` with each answered message given to `sink`, in the
 * order they arrive; resolves once the FETCH is done, with the number of lines read here. The
 * sink's first error ends the FETCH's delivery and is thrown once the command completes, as
 * imapflow's own iterator would.
 */
export function fetchHeaderMessages(
  client: ImapFlow,
  range: string,
  query: FetchQueryObject,
  options: { uid: boolean },
  sink: HeaderSink,
): Promise<{ readHere: number }> {
  return fetchReadHere(client, range, query, options, sink, (line) => line.complete);
}

/**
 * The same for a FETCH of flags (`{ uid: true, flags: true }`, with CHANGEDSINCE or not): each
 * `* n FETCH (UID x FLAGS (...) [MODSEQ (y)])` line read here is an answer. A line with an item
 * the reader does not know (Gmail's X-GM-LABELS) goes to imapflow and reaches the sink from it.
 */
export function fetchFlagMessages(
  client: ImapFlow,
  range: string,
  query: FetchQueryObject,
  options: { uid: boolean; changedSince?: bigint },
  sink: HeaderSink,
): Promise<{ readHere: number }> {
  return fetchReadHere(
    client,
    range,
    query,
    options,
    sink,
    ({ message }) => message.uid !== undefined && !!message.flags,
  );
}

async function fetchReadHere(
  client: ImapFlow,
  range: string,
  query: FetchQueryObject,
  options: { uid: boolean; changedSince?: bigint },
  sink: HeaderSink,
  answers: (line: HeaderFetchLine) => boolean,
): Promise<{ readHere: number }> {
  const hook = hookOf(client);
  const reading: Reading = {
    command: options.uid ? 'UID FETCH' : 'FETCH',
    range,
    sink,
    taken: new Set(),
    failure: null,
    lines: 0,
    answers,
  };
  // a second FETCH of the same range while the first is still here could not be told apart
  const hooked = hook && !readingOf(hook, reading.command, range) ? hook : null;
  hooked?.readings.add(reading);
  try {
    for await (const message of client.fetch(range, query, options)) {
      if (reading.failure) continue;
      await give(reading, message);
    }
  } finally {
    hooked?.readings.delete(reading);
  }
  if (reading.failure) throw reading.failure.error;
  return { readHere: reading.lines };
}

/**
 * A `* n FETCH` line of a SELECT's answer with the message's flags, read here and emitted as the
 * 'flags' event imapflow's untaggedFetch emits for it (the same fields; `path` the one the
 * caller selects); false for any other line, which imapflow then handles.
 */
function readSelectFlags(client: ImapFlow, path: string, data: FramedResponse): boolean {
  // a cheap test first: most of the other lines are `* OK [...]`, `* VANISHED`, `* n EXISTS`
  const third = data.payload[2];
  if (third === undefined || third < 0x30 || third > 0x39) return false;
  // no mailbox given: imapflow's is a stand-in while the SELECT runs, whose uidNext and
  // highestModseq nobody reads
  const line = readHeaderFetchLine(data.payload, data.literals, undefined);
  const message = line?.message;
  if (!message?.flags) return false;
  // built in imapflow's order, so the event is the same object to a deep comparison
  const event = { path, seq: message.seq } as FlagsEvent;
  if (message.uid) event.uid = message.uid;
  if (message.modseq) event.modseq = message.modseq;
  event.flags = message.flags;
  if (message.flagColor) event.flagColor = message.flagColor;
  emitSafe(client, 'flags', event);
  return true;
}

/**
 * Reads the flag lines of the SELECT or EXAMINE of `path` about to be sent on `client` until the
 * returned function is called, which tells how many it read (select-changes.ts, for a QRESYNC
 * SELECT's changes). With an imapflow that has no handleResponse to wrap, imapflow reads them,
 * as without this.
 */
export function readSelectFlagLines(client: ImapFlow, path: string): () => number {
  const hook = hookOf(client);
  if (!hook) return () => 0;
  const mine = { path, lines: 0 };
  hook.selectFlags = mine;
  return () => {
    if (hook.selectFlags === mine) hook.selectFlags = null;
    return mine.lines;
  };
}
