// Malformed and unusual messages of the kinds found in real mailboxes that once opened to a
// blank pane: no body, a multipart with no parts, binary transfer encoding, a misspelled
// charset parameter, an unparseable date, a forwarded message whose text is one level down,
// only an attachment. Raw bytes, CRLF line ends, for APPEND.

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

function message(head: string, body: string | Buffer): Buffer {
  const headers = crlf(`From: Sender <sender@example.test>\nTo: carol@example.test\nMIME-Version: 1.0\n${head}\n\n`);
  return Buffer.concat([Buffer.from(headers), typeof body === 'string' ? Buffer.from(crlf(body)) : body]);
}

const DATE = 'Date: Tue, 03 Mar 2026 10:00:00 +0000';

const INNER = crlf(
  'From: Inner <inner@example.test>\nSubject: The original\nContent-Type: text/plain; charset=utf-8\n\nThe text of the forwarded message.\n',
);

const INNER_HTML = crlf(
  'From: Inner <inner@example.test>\nSubject: The original\nContent-Type: text/html; charset=utf-8\n\n<p>Forwarded HTML body</p>\n',
);

export const MALFORMED_SAMPLES = {
  binaryEncoding: message(
    `${DATE}\nSubject: binary\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: binary`,
    'Binär överföring fungerar.\n',
  ),
  misspelledCharset: message(
    `${DATE}\nSubject: charest\nContent-Type: text/plain; charest=utf-8\nContent-Transfer-Encoding: 8bit`,
    'Räksmörgås utan teckenuppsättning.\n',
  ),
  badDate: message(
    'Date: the day after tomorrow\nSubject: bad date\nContent-Type: text/plain',
    'The date above is nonsense.\n',
  ),
  forwardOnly: message(`${DATE}\nSubject: Fwd: only\nContent-Type: message/rfc822`, INNER),
  forwardInMixed: message(
    `${DATE}\nSubject: Fwd: in mixed\nContent-Type: multipart/mixed; boundary="m"`,
    `--m\nContent-Type: message/rfc822\n\n${INNER_HTML}\n--m--\n`,
  ),
  noBody: message(`${DATE}\nSubject: no body\nContent-Type: text/plain`, ''),
  emptyMultipart: message(`${DATE}\nSubject: empty multipart\nContent-Type: multipart/mixed; boundary="e"`, '--e--\n'),
  attachmentOnly: message(
    `${DATE}\nSubject: attachment only\nContent-Type: multipart/mixed; boundary="a"`,
    '--a\nContent-Type: application/octet-stream; name="data.bin"\nContent-Disposition: attachment; filename="data.bin"\nContent-Transfer-Encoding: base64\n\nAAECAwQ=\n--a--\n',
  ),
} satisfies Record<string, Buffer>;

export type MalformedSample = keyof typeof MALFORMED_SAMPLES;
