import addressparser from 'nodemailer/lib/addressparser';
import { describe, expect, it } from 'vitest';
import {
  decodeWords,
  headerBlock,
  headerFields,
  headerHash,
  pop3HeaderRecord,
  ROW_FIELDS,
  simpleAddress,
} from '../../electron/core/pop3/pop3-header';

const message = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\nbody text\r\n`, 'utf8');

describe('pop3HeaderRecord', () => {
  it('reads the list row from raw header lines: folded, encoded, with addresses', () => {
    const record = pop3HeaderRecord(
      message([
        'From: =?UTF-8?Q?R=C3=A4ksm=C3=B6rg=C3=A5s_AB?= <info@example.se>',
        'To: Ada <ada@example.org>, bob@example.org',
        'Cc: "Carol, C." <carol@example.org>',
        'Subject: =?ISO-8859-1?Q?Hall=E5?=',
        '  =?UTF-8?B?IHbDpHJsZGVu?=',
        'Date: Mon, 2 Mar 2026 09:30:00 +0100 (CET)',
        'Message-ID: <m1@example.se>',
        'In-Reply-To: <m0@example.se> (the first)',
        'References: <root@example.se>',
        ' <m0@example.se>',
        'Content-Type: multipart/mixed; boundary=x',
      ]),
      1234,
      0,
      'fallback',
    );
    expect(record).toMatchObject({
      subject: 'Hallå världen',
      from: [{ name: 'Räksmörgås AB', address: 'info@example.se' }],
      to: [
        { name: 'Ada', address: 'ada@example.org' },
        { name: '', address: 'bob@example.org' },
      ],
      cc: [{ name: 'Carol, C.', address: 'carol@example.org' }],
      date: Date.parse('2026-03-02T08:30:00Z'),
      size: 1234,
      messageId: '<m1@example.se>',
      inReplyTo: '<m0@example.se>',
      threadKey: '<root@example.se>',
      hasAttachments: true,
      flags: { seen: false, flagged: false, answered: false, draft: false },
    });
  });

  it('dates a message without a Date by its newest Received line, else by the download', () => {
    const received = pop3HeaderRecord(
      message([
        'Received: from a by b; Tue, 3 Mar 2026 10:00:00 +0000',
        'Received: older; Mon, 2 Mar 2026 10:00:00 +0000',
      ]),
      1,
      42,
      'k',
    );
    expect(received.date).toBe(Date.parse('2026-03-03T10:00:00Z'));
    const neither = pop3HeaderRecord(message(['Subject: x', 'Date: not a date']), 1, 42, 'k');
    expect(neither.date).toBe(42);
    expect(neither.threadKey).toBe('k');
  });

  it('keeps a raw 8-bit header readable, as UTF-8 when it is, else as Latin-1', () => {
    expect(pop3HeaderRecord(message(['Subject: smörgås']), 1, 0, 'k').subject).toBe('smörgås');
    const latin1 = Buffer.concat([Buffer.from('Subject: sm', 'latin1'), Buffer.from([0xf6]), Buffer.from('r\r\n\r\n')]);
    expect(pop3HeaderRecord(latin1, 1, 0, 'k').subject).toBe('smör');
  });

  it('cuts the address lists at 100 per field and counts the rest', () => {
    const many = Array.from({ length: 130 }, (_, i) => `u${i}@example.org`).join(', ');
    const record = pop3HeaderRecord(message([`To: ${many}`]), 1, 0, 'k');
    expect(record.to).toHaveLength(100);
    expect(record.addressesOmitted).toBe(30);
  });
});

describe('headerFields', () => {
  it('reads only the fields asked for, passing over the others with their folded lines', () => {
    const raw = message([
      'Received: from a.example.org',
      '\tby b.example.org; Mon, 7 Dec 2026 10:00:00 +0000',
      'DKIM-Signature: v=1; a=rsa-sha256;',
      ' b=AAAA',
      ' bh=BBBB',
      'Subject: one',
      '  two',
      'X-Other: kept out',
    ]);
    const all = headerFields(raw);
    expect([...all.keys()]).toEqual(['received', 'dkim-signature', 'subject', 'x-other']);
    const row = headerFields(raw, ROW_FIELDS);
    expect([...row.keys()]).toEqual(['received', 'subject']);
    expect(row.get('subject')).toEqual(['one two']);
    expect(row.get('received')).toEqual(['from a.example.org by b.example.org; Mon, 7 Dec 2026 10:00:00 +0000']);
  });
});

describe('decodeWords', () => {
  it('leaves an unknown charset or a broken word as it came', () => {
    expect(decodeWords('=?x-unknown?Q?abc?=')).toBe('=?x-unknown?Q?abc?=');
    expect(decodeWords('plain text')).toBe('plain text');
  });
});

describe('headerHash', () => {
  it('is the same for the same header whatever follows it, and differs for another header', () => {
    const a = message(['Subject: a', 'Message-ID: <1@x>']);
    const b = Buffer.concat([headerBlock(a), Buffer.from('\r\nanother body\r\n')]);
    expect(headerHash(a)).toBe(headerHash(b));
    expect(headerHash(message(['Subject: b', 'Message-ID: <1@x>']))).not.toBe(headerHash(a));
  });

  it('is the base64 SHA-256 of the header block, so hashes stored by earlier versions still match', () => {
    // the value a Hash object gave before headerHash became one-shot; a stored message whose UIDL
    // the server changed is recognised only while the two agree
    expect(headerHash(message(['Subject: a', 'Message-ID: <1@x>']))).toBe(
      'Z3N0BCb26pCpHn4b7qN3fxHelHPvFi6zT9GrLWyn/mk=',
    );
  });
});

describe('simpleAddress', () => {
  it('reads the common one-mailbox shapes exactly as addressparser does', () => {
    const values = [
      'alice@example.test',
      'Alice Andersson <alice@example.test>',
      '"Alice Andersson" <alice@example.test>',
      "Dave O'Neil <dave@partner.example>",
      '"O\'Neil, Dave" <dave@partner.example>',
      '=?utf-8?q?=C3=85sa_=C3=96berg?= <asa.oberg@example.se>',
      '"=?utf-8?b?5bGx55SwIOWkqumDjg==?=" <taro.yamada@example.jp>',
      'Person 12<person12@example.org>',
      'first.last+tag@sub.example.org',
      "o'brien!#$%&*/=?^_`{|}~-x@example.org",
      'Åsa Öberg <asa@example.se>',
    ];
    for (const value of values) {
      const simple = simpleAddress(value);
      expect(simple, value).not.toBeNull();
      const [parsed] = addressparser(value, { flatten: true });
      expect(simple, value).toEqual({ name: parsed?.name ?? '', address: parsed?.address ?? '' });
    }
  });

  it('leaves every other shape to addressparser', () => {
    for (const value of [
      'a@example.test, b@example.test',
      'Group: a@example.test;',
      'alice@example.test (Alice)',
      '"Alice \\"A\\"" <alice@example.test>',
      '" Alice " <alice@example.test>',
      '"Alice  A" <alice@example.test>',
      'Alice  A <alice@example.test>',
      '<alice@example.test>',
      'Alice <alice@[127.0.0.1]>',
      'Alice (work) <alice@example.test>',
      'not an address',
      '',
    ])
      expect(simpleAddress(value), value).toBeNull();
  });
});
