// The header FETCH line reader (sync/fetch-line.ts) against imapflow itself: each response is
// framed by imapflow's own stream (so the reader sees the payload and literals it sees in a
// session), then read both ways, by the reader and by imapflow's parser + formatMessageResponse.
// What the reader reads must be the same message, down to the mailbox state it moves; what it
// does not read (null) imapflow reads as before.
import { describe, expect, it } from 'vitest';
import type { FetchMessageObject, MailboxObject } from 'imapflow';
import { ImapStream } from 'imapflow/lib/handler/imap-stream.js';
import parser from 'imapflow/lib/handler/imap-parser.js';
import { formatMessageResponse } from 'imapflow/lib/tools.js';
import { readHeaderFetchLine } from '../../electron/core/imap/sync/fetch-line';
import { toHeaderRecord } from '../../electron/core/imap/sync/header-fields';
import { hasListedAttachments } from '../../electron/core/imap/body/structure';

interface Framed {
  payload: Buffer;
  literals: Buffer[];
}

/** The responses in `wire` as imapflow's stream frames them. */
async function frame(wire: string | Buffer): Promise<Framed[]> {
  const stream = new ImapStream({ logger: false });
  const out: Framed[] = [];
  stream.on('data', (item: Framed & { next(): void }) => {
    out.push({ payload: Buffer.from(item.payload), literals: item.literals.map((l) => Buffer.from(l)) });
    item.next();
  });
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.end(typeof wire === 'string' ? Buffer.from(wire) : wire, () => resolve());
  });
  await new Promise((resolve) => setImmediate(resolve));
  return out;
}

const mailbox = (): MailboxObject =>
  ({ path: 'INBOX', uidValidity: 7n, uidNext: 5, highestModseq: 10n, exists: 4 }) as unknown as MailboxObject;

/** imapflow's message without its id (an MD5 that header sync never reads, and the reader does not make). */
function withoutId(message: FetchMessageObject): Omit<FetchMessageObject, 'id'> {
  const { id: _id, ...rest } = message;
  return rest;
}

async function bothWays(line: string | Buffer) {
  const [framed] = await frame(Buffer.concat([Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\r\n')]));
  const mine = mailbox();
  const theirs = mailbox();
  const read = readHeaderFetchLine(framed!.payload, framed!.literals, mine);
  const parsed = await parser(framed!.payload, { literals: framed!.literals });
  const formatted = await formatMessageResponse(parsed, theirs);
  return { read, formatted, mine, theirs };
}

/** A literal of `text` as a server sends it: its length in bytes, CRLF, the bytes. */
const lit = (text: string) => `{${Buffer.byteLength(text)}}\r\n${text}`;

const ENVELOPE =
  '("Tue, 3 Mar 2026 10:00:00 +0100" "=?utf-8?q?Gr=C3=BC=C3=9Fe?= and \\"quotes\\" \\\\ back" ' +
  '(("Ann \\"A\\" Smith" NIL "ann" "example.test")) (("Ann" NIL "ann" "example.test")) NIL ' +
  '((NIL NIL "undisclosed-recipients" NIL)(NIL NIL NIL NIL)("=?iso-8859-1?q?J=F6rg?=" NIL "jorg" "example.test")) ' +
  'NIL NIL "<parent@example.test> <other@example.test>" "<msg-1@example.test>")';
const STRUCTURE =
  '(("text" "plain" ("charset" "utf-8") NIL NIL "quoted-printable" 120 4 NIL NIL NIL NIL)' +
  '("application" "pdf" ("name*0*" "utf-8\'\'%C3%A5r" "name*1" ".pdf") "<cid@x>" "a \\"desc\\"" "base64" 5000 NIL ' +
  '("attachment" ("filename" "=?utf-8?b?w6Vy?=.pdf")) NIL NIL)' +
  '("message" "rfc822" NIL NIL NIL "7bit" 900 ("Mon, 2 Mar 2026 09:00:00 +0000" "inner" NIL NIL NIL NIL NIL NIL NIL NIL) ' +
  '("text" "html" ("charset" "windows-1252") NIL NIL "8bit" 300 10 NIL NIL NIL NIL) 20 NIL NIL NIL NIL)' +
  ' "mixed" ("boundary" "b1") NIL NIL NIL)';

describe('readHeaderFetchLine', () => {
  const readable: [string, string | Buffer][] = [
    [
      'a header FETCH answer with escapes, encoded words, a group and parameters split by RFC 2231',
      `* 3 FETCH (UID 4 FLAGS (\\Seen $Forwarded \\Flagged) INTERNALDATE "03-Mar-2026 10:00:01 +0100" RFC822.SIZE 6020 ENVELOPE ${ENVELOPE} BODYSTRUCTURE ${STRUCTURE} MODSEQ (12) BODY[HEADER.FIELDS (REFERENCES)] ${lit('References: <parent@example.test>\r\n <r2@x>\r\n\r\n')})`,
    ],
    [
      'a subject and a name sent as literals, NIL for every optional field, lower-case nil, quoted field names (Courier)',
      `* 1 FETCH (UID 9 FLAGS () INTERNALDATE "01-Jan-2026 00:00:00 +0000" RFC822.SIZE 10 ENVELOPE (NIL ${lit('L\u00e4ngd')} ((${lit('Bob')} NIL "bob" "example.test")) nil NIL NIL NIL NIL NIL NIL NIL) BODYSTRUCTURE ("TEXT" "PLAIN" NIL NIL NIL "7BIT" 0 0) BODY[HEADER.FIELDS ("references")] NIL)`,
    ],
    [
      'raw UTF-8 in quoted strings, a zero-length literal, an invalid date and an empty subject',
      `* 2 FETCH (UID 10 FLAGS (\\Seen) INTERNALDATE "not a date" RFC822.SIZE 33 ENVELOPE ("yesterday" "" (("Zoë Ümlaut" NIL "zoe" "example.test")) NIL NIL NIL NIL NIL NIL "<id@x>") BODYSTRUCTURE ("text" "plain" ("charset" "utf-8") NIL NIL "8bit" 33 1 NIL NIL NIL NIL) BODY[HEADER.FIELDS (REFERENCES)] {0}\r\n)`,
    ],
    [
      'extra spaces, the items in another order, EMAILID and THREADID',
      `* 5 FETCH (FLAGS (\\Answered)  UID 77 EMAILID (M123) THREADID (T9) BODYSTRUCTURE ("text" "plain" NIL NIL NIL "7bit" 1 1) ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) RFC822.SIZE 1 INTERNALDATE "05-May-2026 05:05:05 -0700")`,
    ],
    [
      'a UID too long to be one and a size with letters (imapflow drops both)',
      `* 6 FETCH (UID 123456789012 RFC822.SIZE 12a FLAGS (\\Seen) ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) BODYSTRUCTURE ("text" "plain" NIL NIL NIL "7bit" 1 1))`,
    ],
  ];

  for (const [what, line] of readable) {
    it(`reads ${what} as imapflow does`, async () => {
      const { read, formatted, mine, theirs } = await bothWays(line);
      expect(read).not.toBeNull();
      expect(read!.message).toEqual(withoutId(formatted));
      expect(mine).toEqual(theirs);
      // and so the stored row
      if (formatted.uid)
        expect(toHeaderRecord(read!.message, '1', hasListedAttachments)).toEqual(
          toHeaderRecord(formatted, '1', hasListedAttachments),
        );
    });
  }

  it('marks a line complete only with UID, ENVELOPE and BODYSTRUCTURE: a flag update is not a header', async () => {
    expect((await bothWays(readable[0]![1])).read!.complete).toBe(true);
    const update = await bothWays('* 3 FETCH (UID 4 FLAGS (\\Seen) MODSEQ (99))');
    expect(update.read!.complete).toBe(false);
    expect(update.read!.message).toEqual(withoutId(update.formatted));
    expect(update.mine).toEqual(update.theirs);
  });

  const leftToImapflow: [string, string][] = [
    ['an item it does not know', '* 1 FETCH (UID 1 X-GM-THRID 123 ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL))'],
    ['a partial section', '* 1 FETCH (UID 1 BODY[HEADER]<0> {2}\r\nab)'],
    ['a body part', '* 1 FETCH (UID 1 BODY[1] {2}\r\nab)'],
    ['a literal8', '* 1 FETCH (UID 1 BODY[HEADER] ~{2}\r\nab)'],
    ['an item twice', '* 1 FETCH (UID 1 UID 2)'],
    ['an 8-bit atom', '* 1 FETCH (UID 1 FLAGS (\\Seen k\u00e4se))'],
    ['a line cut short', '* 1 FETCH (UID 1 FLAGS (\\Seen'],
    ['text after the list', '* 1 FETCH (UID 1) trailing'],
    ['an empty FETCH', '* 1 FETCH ()'],
    ['a status line', '* 5 EXISTS'],
    ['a tagged line', 'A12 OK FETCH completed'],
  ];
  for (const [what, line] of leftToImapflow) {
    it(`leaves ${what} to imapflow`, async () => {
      const [framed] = await frame(`${line}\r\n`);
      const before = mailbox();
      expect(readHeaderFetchLine(framed!.payload, framed!.literals, before)).toBeNull();
      expect(before).toEqual(mailbox());
    });
  }

  it('leaves a structure nested deeper than it reads to imapflow, and reads one just within', async () => {
    const nested = (depth: number) =>
      `* 1 FETCH (UID 1 ENVELOPE (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) BODYSTRUCTURE ${'('.repeat(depth)}"text" "plain" NIL NIL NIL "7bit" 1 1)${' "mixed")'.repeat(depth - 1)})`;
    const deep = await frame(`${nested(60)}\r\n`);
    expect(readHeaderFetchLine(deep[0]!.payload, deep[0]!.literals, mailbox())).toBeNull();
    const within = await bothWays(nested(40));
    expect(within.read!.message).toEqual(withoutId(within.formatted));
  });

  it('reads a literal only when the stream gave its bytes, never past them', async () => {
    const [framed] = await frame(
      '* 1 FETCH (UID 1 ENVELOPE (NIL {3}\r\nabc NIL NIL NIL NIL NIL NIL NIL NIL) BODYSTRUCTURE ("text" "plain" NIL NIL NIL "7bit" 1 1))\r\n',
    );
    expect(readHeaderFetchLine(framed!.payload, framed!.literals, mailbox())).not.toBeNull();
    expect(readHeaderFetchLine(framed!.payload, [], mailbox())).toBeNull();
    expect(readHeaderFetchLine(framed!.payload, [Buffer.from('ab')], mailbox())).toBeNull();
  });
});
