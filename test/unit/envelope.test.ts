// The header FETCH reader's ENVELOPE (sync/envelope.ts) against imapflow's parseEnvelope: each
// envelope is tokenized by imapflow's own parser, as a server's answer is, then interpreted both
// ways; the objects must be the same, key for key.
import { describe, expect, it } from 'vitest';
import parser from 'imapflow/lib/handler/imap-parser.js';
import { parseEnvelope as imapflowEnvelope } from 'imapflow/lib/tools.js';
import libmime from 'libmime';
import { decodeMimeWords, parseEnvelope } from '../../electron/core/imap/sync/envelope';

/** The ENVELOPE's tokens as imapflow parses `* 1 FETCH (ENVELOPE <text>)`, literals given apart. */
async function tokens(envelope: string, literals: Buffer[] = []): Promise<never> {
  const parsed = await parser(Buffer.from(`* 1 FETCH (ENVELOPE ${envelope})`), { literals });
  return (parsed.attributes as unknown as [unknown, [unknown, never]])[1][1];
}

async function bothWays(envelope: string, literals: Buffer[] = []) {
  const fields = await tokens(envelope, literals);
  return { mine: parseEnvelope(fields), theirs: imapflowEnvelope(fields) };
}

const addr = (name: string, mailbox: string, host: string) => `(${name} NIL ${mailbox} ${host})`;

describe('parseEnvelope', () => {
  const shapes: [string, string, Buffer[]?][] = [
    [
      'every field, encoded names repeated in From, Sender and Reply-To, two recipients',
      `("Mon, 2 Mar 2026 09:00:00 +0100" "=?utf-8?B?TcO2dGUgcMOlIGZyZWRhZw==?=" (${addr('"=?utf-8?B?w4VzYSDDlmJlcmc=?="', '"asa"', '"example.se"')}) (${addr('"=?utf-8?B?w4VzYSDDlmJlcmc=?="', '"asa"', '"example.se"')}) (${addr('"=?utf-8?B?w4VzYSDDlmJlcmc=?="', '"asa"', '"example.se"')}) (${addr('"Bob"', '"bob"', '"example.test"')}${addr('NIL', '"carol"', '"example.test"')}) NIL NIL " <parent@x> " "<id@x>")`,
    ],
    ['every field NIL', '(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)'],
    ['empty strings where a date, subject and ids go', '("" "" NIL NIL NIL NIL NIL NIL "" "")'],
    ['a date no one can read, kept as text', '("yesterday at noon" "x" NIL NIL NIL NIL NIL NIL NIL NIL)'],
    [
      'group syntax: a named group, its member, its end, and an encoded group name',
      `(NIL NIL NIL NIL NIL (${addr('NIL', '"undisclosed-recipients"', 'NIL')}${addr('NIL', 'NIL', 'NIL')}${addr('NIL', '"=?iso-8859-1?q?J=F6rg?="', 'NIL')}${addr('"Ann"', '"ann"', '"x.test"')}) NIL NIL NIL NIL)`,
    ],
    [
      'quoted names, a name of two quotes only, an empty name and mailbox',
      `(NIL NIL (${addr('"\\"Ann Smith\\""', '"ann"', '"x.test"')}${addr('"\\"\\""', '"q"', '"x.test"')}${addr('""', '""', '"x.test"')}) NIL NIL NIL NIL NIL NIL NIL)`,
    ],
    [
      'NIL and an atom inside an address list',
      `(NIL NIL (NIL ${addr('"Bob"', '"bob"', '"x.test"')}) NIL NIL (FOO) NIL NIL NIL NIL)`,
    ],
    [
      'adjacent encoded words (joined), Q with underscores, lower case, a word mid-text',
      '(NIL "=?utf-8?Q?Hej_d=C3=A4r?= =?utf-8?Q?_v=C3=A4rlden?= and =?UTF-8?b?w6Vy?= again =?ISO-8859-1?Q?H=E4lsningar?=" NIL NIL NIL NIL NIL NIL NIL NIL)',
    ],
    [
      'an unknown charset, a broken word and ISO-2022-JP',
      '(NIL "=?x-unknown?Q?abc?= =?utf-8?B?not*base64?= =?ISO-2022-JP?B?GyRCMnFEP0RqTz8bKEI=?=" NIL NIL NIL NIL NIL NIL NIL NIL)',
    ],
  ];
  for (const [what, envelope] of shapes) {
    it(`reads ${what} as imapflow does`, async () => {
      const { mine, theirs } = await bothWays(envelope);
      expect(mine).toStrictEqual(theirs);
    });
  }

  it('reads a subject and names sent as literals (raw UTF-8) as imapflow does', async () => {
    const subject = Buffer.from('Längd på =?utf-8?B?w6Vy?= raw');
    const name = Buffer.from('Zoë "Z" Ümlaut');
    const { mine, theirs } = await bothWays(
      `("Tue, 3 Mar 2026 10:00:00 +0000" {${subject.length}}\r\n (({${name.length}}\r\n NIL "zoe" "x.test")) NIL NIL NIL NIL NIL NIL NIL)`,
      [subject, name],
    );
    expect(mine).toStrictEqual(theirs);
    expect(mine.subject).toBe('Längd på år raw');
  });

  it('reads a NUL in text the way libmime does (its join marker taken out), past the shortcut', async () => {
    const text = 'a __\0JOIN\0__ b';
    expect(decodeMimeWords(text)).toBe(libmime.decodeWords(text));
    expect(decodeMimeWords(text)).not.toBe(text);
  });
});

describe('decodeMimeWords', () => {
  it('gives back a string without encoded words as it is, and libmime for anything else', () => {
    const plain = 'Weekly sync notes #12';
    expect(decodeMimeWords(plain)).toBe(plain);
    expect(decodeMimeWords(false)).toBe(libmime.decodeWords(false as never));
    expect(decodeMimeWords(undefined)).toBe('');
  });

  it('decodes each encoded text as libmime does, the same again when remembered, past the memory filling up', () => {
    const words = Array.from({ length: 5000 }, (_, n) => `=?utf-8?B?${Buffer.from(`Åsa ${n}`).toString('base64')}?=`);
    for (const word of words) expect(decodeMimeWords(word)).toBe(libmime.decodeWords(word));
    // once more: the early ones were forgotten when the memory filled, the late ones remembered
    for (const word of [words[0]!, words[4999]!]) expect(decodeMimeWords(word)).toBe(libmime.decodeWords(word));
    expect(decodeMimeWords(words[4999]!)).toBe('Åsa 4999');
  });
});
