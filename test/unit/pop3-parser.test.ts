import { describe, expect, it } from 'vitest';
import { parseStatusLine, Pop3Parser, Pop3ProtocolError } from '../../electron/core/pop3/pop3-parser';

const bytes = (text: string) => Buffer.from(text, 'latin1');

/** Feeds `text` in pieces of `size` bytes and returns every reply. */
function feed(parser: Pop3Parser, text: string, size = text.length) {
  const input = bytes(text);
  const replies = [];
  for (let i = 0; i < input.length; i += size) replies.push(...parser.push(input.subarray(i, i + size)));
  return replies;
}

describe('parseStatusLine', () => {
  it('reads +OK and -ERR with and without text', () => {
    expect(parseStatusLine('+OK')).toEqual({ ok: true, code: null, text: '' });
    expect(parseStatusLine('+OK 2 320')).toEqual({ ok: true, code: null, text: '2 320' });
    expect(parseStatusLine('-ERR no such message')).toEqual({ ok: false, code: null, text: 'no such message' });
  });

  it('reads the response codes of RFC 2449 and RFC 3206', () => {
    expect(parseStatusLine('-ERR [IN-USE] Mailbox is locked by another POP3 session')).toEqual({
      ok: false,
      code: 'IN-USE',
      text: 'Mailbox is locked by another POP3 session',
    });
    expect(parseStatusLine('-ERR [sys/temp] later')).toMatchObject({ code: 'SYS/TEMP', text: 'later' });
    expect(parseStatusLine('-ERR [AUTH]')).toMatchObject({ code: 'AUTH', text: '' });
  });

  it('refuses anything that is not a status line', () => {
    for (const line of ['OK', '+ok', '+OKAY', '* OK', '', '-ER', '250 ok'])
      expect(() => parseStatusLine(line), line).toThrow(Pop3ProtocolError);
  });
});

describe('Pop3Parser', () => {
  it('answers single-line replies in the order they were expected', () => {
    const parser = new Pop3Parser();
    parser.expect(false);
    parser.expect(false);
    const replies = feed(parser, '+OK first\r\n-ERR second\r\n');
    expect(replies.map((r) => [r.status.ok, r.status.text, r.data])).toEqual([
      [true, 'first', null],
      [false, 'second', null],
    ]);
    expect(parser.pending).toBe(0);
  });

  it('collects a multi-line reply and takes the stuffed dots off', () => {
    const parser = new Pop3Parser();
    parser.expect(true);
    const wire = '+OK message follows\r\nSubject: x\r\n\r\n..leading dot\r\n...two dots\r\n.\r\n';
    const [reply] = feed(parser, wire);
    expect(reply?.status.ok).toBe(true);
    expect(reply?.data?.toString('latin1')).toBe('Subject: x\r\n\r\n.leading dot\r\n..two dots\r\n');
  });

  it('gives the same result however the bytes are split, even inside CRLF and the final dot', () => {
    const wire = '+OK\r\nA: b\r\n\r\nline one\r\n..x\r\n.\r\n+OK 1 2\r\n';
    for (const size of [1, 2, 3, 5, 7, 13]) {
      const parser = new Pop3Parser();
      parser.expect(true);
      parser.expect(false);
      const replies = feed(parser, wire, size);
      expect(
        replies.map((r) => r.data?.toString('latin1') ?? r.status.text),
        `pieces of ${size}`,
      ).toEqual(['A: b\r\n\r\nline one\r\n.x\r\n', '1 2']);
    }
  });

  it('ends a multi-line reply at -ERR without reading data', () => {
    const parser = new Pop3Parser();
    parser.expect(true);
    parser.expect(false);
    const replies = feed(parser, '-ERR [IN-USE] locked\r\n+OK\r\n');
    expect(replies[0]).toEqual({ status: { ok: false, code: 'IN-USE', text: 'locked' }, data: null });
    expect(replies[1]?.status.ok).toBe(true);
  });

  it('keeps a line that is only a dot inside the message (stuffed as "..")', () => {
    const parser = new Pop3Parser();
    parser.expect(true);
    const [reply] = feed(parser, '+OK\r\nbefore\r\n..\r\nafter\r\n.\r\n');
    expect(reply?.data?.toString('latin1')).toBe('before\r\n.\r\nafter\r\n');
  });

  it('returns an empty body for an empty listing', () => {
    const parser = new Pop3Parser();
    parser.expect(true);
    const [reply] = feed(parser, '+OK 0 messages\r\n.\r\n');
    expect(reply?.data?.length).toBe(0);
  });

  it('ends lines with CRLF in the data even where the server sent a bare LF', () => {
    const parser = new Pop3Parser();
    parser.expect(true);
    const [reply] = feed(parser, '+OK\nA: b\n\nbody\n.\n');
    expect(reply?.data?.toString('latin1')).toBe('A: b\r\n\r\nbody\r\n');
  });

  it('keeps 8-bit bytes as they came', () => {
    const parser = new Pop3Parser();
    parser.expect(true);
    const body = Buffer.from('Subject: räksmörgås\r\n', 'utf8');
    const [reply] = parser.push(Buffer.concat([bytes('+OK\r\n'), body, bytes('.\r\n')]));
    expect(reply?.data?.equals(body)).toBe(true);
  });

  it('refuses bytes no command asked for', () => {
    const parser = new Pop3Parser();
    expect(() => parser.push(bytes('+OK surprise\r\n'))).toThrow(/no command asked for/);
  });

  it('refuses a status line past its limit, before the line has ended', () => {
    const parser = new Pop3Parser({ maxStatusLine: 32 });
    parser.expect(false);
    expect(() => parser.push(bytes(`+OK ${'x'.repeat(40)}`))).toThrow(/status line is longer than 32/);
  });

  it('refuses a data line past its limit, and a reply past its limit', () => {
    const long = new Pop3Parser({ maxDataLine: 16 });
    long.expect(true);
    expect(() => long.push(bytes(`+OK\r\n${'y'.repeat(17)}`))).toThrow(/line of the server's reply is longer/);

    const large = new Pop3Parser({ maxReplyBytes: 20 });
    large.expect(true);
    expect(() => large.push(bytes('+OK\r\n0123456789\r\n0123456789\r\n'))).toThrow(/reply is larger than 20/);
  });

  it('accepts a data line exactly at its limit', () => {
    const parser = new Pop3Parser({ maxDataLine: 16 });
    parser.expect(true);
    const [reply] = parser.push(bytes(`+OK\r\n${'y'.repeat(16)}\r\n.\r\n`));
    expect(reply?.data?.length).toBe(18);
  });

  it('refuses garbage where a status line belongs', () => {
    const parser = new Pop3Parser();
    parser.expect(false);
    expect(() => parser.push(bytes('HTTP/1.1 400 Bad Request\r\n'))).toThrow(Pop3ProtocolError);
  });

  it('counts the bytes of a reply still arriving, for progress', () => {
    const parser = new Pop3Parser();
    parser.expect(true);
    parser.push(bytes('+OK\r\nabc\r\nde'));
    expect(parser.collectedBytes).toBe(5);
  });
});
