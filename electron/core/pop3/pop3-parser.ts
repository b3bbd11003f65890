// The POP3 reply parser (RFC 1939, RFC 2449): bytes from the server in, whole replies out.
// POP3 replies carry no tag, so which reply is multi-line is known only to the side that sent the
// command: the client tells the parser, in order, what each pending reply is (expect()). A status
// line is "+OK" or "-ERR", optionally with a response code in brackets ([IN-USE], [AUTH],
// [SYS/TEMP]); a multi-line reply that began with +OK runs until a line holding a single dot, and
// a line of data that starts with a dot had one more dot put in front of it by the server
// ("dot-stuffing"), which is taken off here.
//
// Strict on purpose: anything else where a status line belongs, bytes nobody asked for, a status
// line past its limit, a data line or a whole reply past its limit end the connection with
// Pop3ProtocolError. A server that streams without end must not fill the memory.

/** RFC 2449 allows status lines of 512 octets; some servers go further, none this far. */
export const MAX_STATUS_LINE = 2048;
/** A line of a message; RFC 5322 says 998, real mail sometimes far more (unwrapped base64). */
export const MAX_DATA_LINE = 1024 * 1024;
/** The largest multi-line reply (one message) kept in memory. */
export const MAX_REPLY_BYTES = 256 * 1024 * 1024;

export interface Pop3Status {
  ok: boolean;
  /** The response code of RFC 2449 (e.g. "IN-USE", "AUTH", "SYS/TEMP"), upper case; null if none. */
  code: string | null;
  /** The rest of the status line, after the code. */
  text: string;
}

export interface Pop3Reply {
  status: Pop3Status;
  /** The data of a multi-line +OK reply, dot-unstuffed, every line ending in CRLF; null otherwise. */
  data: Buffer | null;
}

export interface Pop3ParserLimits {
  maxStatusLine?: number;
  maxDataLine?: number;
  maxReplyBytes?: number;
}

export class Pop3ProtocolError extends Error {
  readonly code = 'EPROTOCOL';
  constructor(message: string) {
    super(message);
    this.name = 'Pop3ProtocolError';
  }
}

const LF = 0x0a;
const CR = 0x0d;
const DOT = 0x2e;
const CRLF = Buffer.from('\r\n');

/** Parses one status line ("+OK ...", "-ERR [CODE] ..."); throws if it is anything else. */
export function parseStatusLine(line: string): Pop3Status {
  const match = /^(\+OK|-ERR)(?: (.*))?$/s.exec(line);
  if (!match) throw new Pop3ProtocolError(`The server sent "${line.slice(0, 80)}" where +OK or -ERR belongs.`);
  const rest = match[2] ?? '';
  const coded = /^\[([A-Za-z0-9/-]{1,64})\](?: (.*))?$/s.exec(rest);
  return {
    ok: match[1] === '+OK',
    code: coded ? (coded[1] ?? '').toUpperCase() : null,
    text: coded ? (coded[2] ?? '') : rest,
  };
}

export class Pop3Parser {
  /** Bytes of a line not yet complete; never longer than one line's limit. */
  private partial: Buffer = Buffer.alloc(0);
  /** What each reply still to come is: true for a multi-line one. */
  private readonly expected: boolean[] = [];
  /** The reply being read, once its status line said +OK and more lines follow. */
  private collecting: { status: Pop3Status; chunks: Buffer[]; bytes: number } | null = null;
  private readonly maxStatusLine: number;
  private readonly maxDataLine: number;
  private readonly maxReplyBytes: number;

  constructor(limits: Pop3ParserLimits = {}) {
    this.maxStatusLine = limits.maxStatusLine ?? MAX_STATUS_LINE;
    this.maxDataLine = limits.maxDataLine ?? MAX_DATA_LINE;
    this.maxReplyBytes = limits.maxReplyBytes ?? MAX_REPLY_BYTES;
  }

  /** The next reply to come belongs to a command sent now; `multiLine`: data follows a +OK. */
  expect(multiLine: boolean): void {
    this.expected.push(multiLine);
  }

  /** How many replies are still awaited. */
  get pending(): number {
    return this.expected.length;
  }

  /** Bytes of the multi-line reply being read so far (for progress). */
  get collectedBytes(): number {
    return this.collecting?.bytes ?? 0;
  }

  /** Feeds bytes; returns the replies they completed, in order. Throws Pop3ProtocolError. */
  push(chunk: Buffer): Pop3Reply[] {
    const replies: Pop3Reply[] = [];
    let input = this.partial.length ? Buffer.concat([this.partial, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const end = input.indexOf(LF, start);
      if (end < 0) break;
      // a line without its CR is taken as it is (some servers store mail with bare LFs)
      const contentEnd = end > start && input[end - 1] === CR ? end - 1 : end;
      this.checkLength(contentEnd - start);
      const reply = this.line(input.subarray(start, contentEnd));
      if (reply) replies.push(reply);
      start = end + 1;
    }
    input = input.subarray(start);
    this.checkLength(input.length);
    // copied, so a large chunk is not kept alive by the few bytes of its last line
    this.partial = input.length ? Buffer.from(input) : Buffer.alloc(0);
    return replies;
  }

  private checkLength(length: number): void {
    const limit = this.collecting ? this.maxDataLine : this.maxStatusLine;
    if (length > limit)
      throw new Pop3ProtocolError(
        this.collecting
          ? `A line of the server's reply is longer than ${limit} bytes.`
          : `The server's status line is longer than ${limit} bytes.`,
      );
  }

  private line(content: Buffer): Pop3Reply | null {
    const collecting = this.collecting;
    if (collecting) {
      if (content.length === 1 && content[0] === DOT) {
        this.collecting = null;
        return { status: collecting.status, data: Buffer.concat(collecting.chunks, collecting.bytes) };
      }
      const unstuffed = content[0] === DOT ? content.subarray(1) : content;
      collecting.bytes += unstuffed.length + 2;
      if (collecting.bytes > this.maxReplyBytes)
        throw new Pop3ProtocolError(`The server's reply is larger than ${this.maxReplyBytes} bytes.`);
      collecting.chunks.push(unstuffed, CRLF);
      return null;
    }
    const multiLine = this.expected.shift();
    if (multiLine === undefined) throw new Pop3ProtocolError('The server sent a line no command asked for.');
    const status = parseStatusLine(content.toString('latin1'));
    if (!status.ok || !multiLine) return { status, data: null };
    this.collecting = { status, chunks: [], bytes: 0 };
    return null;
  }
}
