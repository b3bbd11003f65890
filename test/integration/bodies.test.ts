// Lazy bodies against the real Dovecot: sample messages are APPENDed to carol's own
// "BodyTests" mailbox, their BODYSTRUCTURE is fetched the way header sync does, and
// planBody / fetchBody / fetchPart / fetchSnippets must give the exact text and bytes.
import { createHash, randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageNotFoundError, PartNotFoundError } from '../../electron/core/imap/body/errors';
import { fetchBody, fetchPart, MAX_TEXT_BYTES, sectionFor } from '../../electron/core/imap/body/fetch-body';
import { fetchSnippets } from '../../electron/core/imap/body/fetch-snippets';
import { planBody, type StructureNode } from '../../electron/core/imap/body/structure';
import { connectImap } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { buildMessage, SAMPLE_KINDS, type BuiltMessage, type SampleKind } from '../mailserver/message-samples';
import { encodeCharset } from '../mailserver/mime';

const MAILBOX = 'BodyTests';
const server = getMailServer();
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

// ---- sample messages -------------------------------------------------------------------

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
/** A message from header lines and a body that may hold raw 8-bit bytes. */
const message = (head: string, body: Buffer | string): Buffer =>
  Buffer.concat([
    Buffer.from(
      crlf(
        `From: Sender <sender@example.test>\nTo: carol@example.test\nDate: Tue, 03 Mar 2026 10:00:00 +0000\nMIME-Version: 1.0\n${head}\n\n`,
      ),
    ),
    typeof body === 'string' ? Buffer.from(crlf(body)) : body,
  ]);
const wrap76 = (b64: string): string => b64.replace(/.{76}/g, '$&\r\n');

const RAKSMORGAS = 'Räksmörgås';
const JAPANESE = '日本語のテキストです。\nこんにちは、世界！';
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  randomBytes(40_000),
]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(3000)]);
const NOTES = Buffer.from(crlf('line one\nline two = not QP\n\tend\n'));
const INNER = Buffer.from(
  crlf('From: inner@example.test\nSubject: Inner news\nContent-Type: text/plain\n\nInner body\n'),
);

const samples = {
  win1252Qp: message(
    'Subject: windows-1252 QP\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable',
    'R=E4ksm=F6rg=E5s =80 =96 done\n',
  ),
  latin1Raw: message(
    'Subject: latin1 8bit\nContent-Type: text/plain; charset="ISO-8859-1"\nContent-Transfer-Encoding: 8bit',
    Buffer.concat([iconv.encode(RAKSMORGAS, 'latin1'), Buffer.from('\r\n')]),
  ),
  japanese: message(
    'Subject: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=\nContent-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit',
    Buffer.concat([encodeCharset(crlf(JAPANESE), 'iso-2022-jp'), Buffer.from('\r\n')]),
  ),
  alternative: message(
    'Subject: alternative\nContent-Type: multipart/alternative; boundary="alt"',
    `--alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${RAKSMORGAS.replace('ä', '=C3=A4').replace('ö', '=C3=B6').replace('å', '=C3=A5')} =E2=9C=93 plain\n--alt\nContent-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n${wrap76(iconv.encode(`<p>${RAKSMORGAS} html</p>`, 'latin1').toString('base64'))}\n--alt--\n`,
  ),
  rich: message(
    'Subject: rich\nContent-Type: multipart/mixed; boundary="mix"',
    `--mix
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

See the picture.
--alt
Content-Type: multipart/related; boundary="rel"; type="text/html"

--rel
Content-Type: text/html; charset=utf-8

<p>See <img src="cid:logo@example.test"></p>
--rel
Content-Type: image/png; name="logo.png"
Content-ID: <logo@example.test>
Content-Disposition: inline; filename="logo.png"
Content-Transfer-Encoding: base64

${wrap76(PNG.toString('base64'))}
--rel--
--alt--
--mix
Content-Type: application/pdf; name="=?UTF-8?Q?R=C3=A4ksm=C3=B6rg=C3=A5s.pdf?="
Content-Disposition: attachment; filename*=UTF-8''R%C3%A4ksm%C3%B6rg%C3%A5s%20report.pdf
Content-Transfer-Encoding: base64

${wrap76(PDF.toString('base64'))}
--mix
Content-Type: text/plain; charset=us-ascii; name="notes.txt"
Content-Disposition: attachment; filename="../../etc/notes.txt"

${NOTES.toString()}
--mix
Content-Type: message/rfc822

${INNER.toString()}
--mix--
`,
  ),
  pdfOnly: message(
    'Subject: pdf only\nContent-Type: application/pdf; name="only.pdf"\nContent-Disposition: attachment; filename="only.pdf"\nContent-Transfer-Encoding: base64',
    wrap76(PDF.toString('base64')) + '\r\n',
  ),
  // no charset parameter (Dovecot then reports us-ascii): the document's <meta> decides
  htmlMeta: message(
    'Subject: html meta\nContent-Type: text/html\nContent-Transfer-Encoding: 8bit',
    Buffer.concat([
      Buffer.from('<html><head><meta charset="koi8-r"></head><body>'),
      iconv.encode('Привет', 'koi8-r'),
      Buffer.from('</body></html>\r\n'),
    ]),
  ),
  unknownCharsetUtf8: message(
    'Subject: x-foo utf8\nContent-Type: text/plain; charset=x-foo\nContent-Transfer-Encoding: 8bit',
    `${RAKSMORGAS} 日本\n`,
  ),
  unknownCharsetLatin1: message(
    'Subject: x-foo latin1\nContent-Type: text/plain; charset=x-foo\nContent-Transfer-Encoding: 8bit',
    Buffer.concat([iconv.encode(RAKSMORGAS, 'latin1'), Buffer.from('\r\n')]),
  ),
  brokenBoundary: message(
    'Subject: broken boundary\nContent-Type: multipart/mixed; boundary="declared"',
    '--other\nContent-Type: text/plain\n\nText under a boundary that was never declared.\n--other--\n',
  ),
  unterminated: message(
    'Subject: unterminated\nContent-Type: multipart/mixed; boundary="b"',
    '--b\nContent-Type: text/plain; charset=utf-8\n\nFirst part survives.\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nAAEC',
  ),
  huge: message(
    'Subject: huge\nContent-Type: multipart/mixed; boundary="h"',
    Buffer.concat([
      Buffer.from(crlf('--h\nContent-Type: text/plain; charset=utf-8\n\n')),
      Buffer.from(`${'0123456789abcdef'.repeat(6)}\r\n`.repeat(Math.ceil((8 * 1024 * 1024) / 98))),
      Buffer.from(crlf('\n--h--\n')),
    ]),
  ),
};
const legacy: [string, string, string][] = [
  ['koi8-r', 'koi8-r', 'Привет, мир'],
  ['gb2312', 'gbk', '中文邮件测试'],
  ['Shift_JIS', 'shift_jis', '日本語のメール'],
  ['euc-kr', 'euc-kr', '한국어 메일'],
  ['big5', 'big5', '中文郵件'],
];

// ---- the mailbox ------------------------------------------------------------------------

let client: ImapFlow;
const uids = {} as Record<keyof typeof samples, number>;
// the test bed's shared samples, one of each kind
const shared = new Map<SampleKind, { uid: number; built: BuiltMessage }>();
const legacyUids: number[] = [];
const structures = new Map<number, unknown>();

async function append(raw: Buffer): Promise<number> {
  const result = await client.append(MAILBOX, raw, []);
  if (!result || !result.uid) throw new Error('APPEND gave no UID (UIDPLUS expected from Dovecot)');
  return result.uid;
}

/** Flags of every message in the mailbox, by UID. */
async function flagsByUid(): Promise<Map<number, Set<string>>> {
  const rows: FetchMessageObject[] = await client.fetchAll('1:*', { uid: true, flags: true });
  return new Map(rows.map((row) => [row.uid, row.flags ?? new Set<string>()]));
}

beforeAll(async () => {
  client = await connectImap(server, 'carol');
  if ((await client.list()).some((box) => box.path === MAILBOX)) await client.mailboxDelete(MAILBOX);
  await client.mailboxCreate(MAILBOX);
  for (const [name, raw] of Object.entries(samples)) uids[name as keyof typeof samples] = await append(raw);
  for (const [label, codec, text] of legacy) {
    legacyUids.push(
      await append(
        message(
          `Subject: ${label}\nContent-Type: text/plain; charset=${label}\nContent-Transfer-Encoding: 8bit`,
          Buffer.concat([iconv.encode(text, codec), Buffer.from('\r\n')]),
        ),
      ),
    );
  }
  for (const kind of SAMPLE_KINDS) {
    const built = buildMessage(kind, 3);
    shared.set(kind, { uid: await append(built.raw), built });
  }
  await client.mailboxOpen(MAILBOX);
  // what header sync stores: imapflow's parsed bodyStructure, through JSON
  for (const row of await client.fetchAll('1:*', { uid: true, bodyStructure: true })) {
    structures.set(row.uid, JSON.parse(JSON.stringify(row.bodyStructure ?? null)));
  }
});

afterAll(async () => {
  await client?.logout().catch(() => undefined);
});

const structureOf = (uid: number): unknown => structures.get(uid);
const body = (name: keyof typeof samples) => fetchBody(client, uids[name], structureOf(uids[name]));

// ---- tests ------------------------------------------------------------------------------

describe('fetchBody decodes text exactly', () => {
  it('windows-1252 quoted-printable', async () => {
    expect(await body('win1252Qp')).toEqual({ html: null, text: `${RAKSMORGAS} € – done\n`, truncated: false });
  });

  it('ISO-8859-1 raw 8-bit', async () => {
    expect((await body('latin1Raw')).text).toBe(`${RAKSMORGAS}\n`);
  });

  it('ISO-2022-JP', async () => {
    expect((await body('japanese')).text).toBe(`${JAPANESE}\n`);
  });

  it.each(legacy.map(([label, , text], i) => [label, text, i] as const))('%s', async (_label, text, i) => {
    const uid = legacyUids[i]!;
    expect((await fetchBody(client, uid, structureOf(uid))).text).toBe(`${text}\n`);
  });

  it('multipart/alternative: HTML from base64 ISO-8859-1, plain from UTF-8 QP, in one FETCH', async () => {
    const spy = {
      calls: 0,
      fetchOne: (...args: Parameters<ImapFlow['fetchOne']>) => (spy.calls++, client.fetchOne(...args)),
    };
    const result = await fetchBody(spy, uids.alternative, structureOf(uids.alternative));
    expect(result.html).toBe(`<p>${RAKSMORGAS} html</p>`);
    expect(result.text).toBe(`${RAKSMORGAS} ✓ plain`);
    expect(spy.calls).toBe(1);
  });

  it('agrees with mailparser on the whole source (an independent decoder)', async () => {
    for (const name of ['win1252Qp', 'latin1Raw', 'japanese', 'alternative'] as const) {
      const parsed = await simpleParser(samples[name]);
      const ours = await body(name);
      expect(ours.text?.trim()).toBe(parsed.text?.trim());
    }
  });

  it('HTML without a charset parameter goes by its <meta charset>', async () => {
    expect(planBody(structureOf(uids.htmlMeta)).htmlPart?.charset).toBe('us-ascii');
    expect((await body('htmlMeta')).html).toContain('<body>Привет</body>');
  });

  it('without a BODYSTRUCTURE it parses the full source and gets the same text', async () => {
    for (const name of ['win1252Qp', 'japanese', 'alternative'] as const) {
      const planned = await body(name);
      const fallback = await fetchBody(client, uids[name], null);
      expect(fallback.text?.trim()).toBe(planned.text?.trim());
      expect(fallback.html?.trim() ?? null).toBe(planned.html?.trim() ?? null);
    }
  });
});

describe('shared samples (test/mailserver/message-samples.ts)', () => {
  const sample = (kind: SampleKind) => shared.get(kind)!;

  it.each(SAMPLE_KINDS)('%s: body text and HTML hold what the sample promises', async (kind) => {
    const { uid, built } = sample(kind);
    const result = await fetchBody(client, uid, structureOf(uid));
    expect(result.truncated).toBe(false);
    // an HTML-only sample promises its text inside the HTML
    for (const fragment of built.expected.text) expect(result.text ?? result.html).toContain(fragment);
    for (const fragment of built.expected.html) expect(result.html).toContain(fragment);
    expect(`${result.text ?? ''}${result.html ?? ''}`).not.toContain('\ufffd');
  });

  it.each(SAMPLE_KINDS)('%s: attachments are listed and their bytes are exact', async (kind) => {
    const { uid, built } = sample(kind);
    const plan = planBody(structureOf(uid));
    const expected = built.expected.attachments;
    expect(plan.attachments.map((a) => [a.filename, a.contentType, a.inline, a.contentId])).toEqual(
      expected.map((e) => [
        e.filename,
        e.contentType,
        e.disposition === 'inline' && e.contentId !== undefined,
        e.contentId?.replace(/^<|>$/g, '') ?? null,
      ]),
    );
    expect(plan.hasAttachments).toBe(expected.some((e) => e.disposition === 'attachment'));
    for (const [n, attachment] of plan.attachments.entries()) {
      expect(sha256(await fetchPart(client, uid, attachment.part))).toBe(sha256(expected[n]!.bytes));
    }
  });

  it('snippets: readable, no quoted reply, no script text', async () => {
    const snippets = await fetchSnippets(
      client,
      [...shared.values()].map(({ uid }) => ({ uid, structure: structureOf(uid) })),
    );
    for (const kind of SAMPLE_KINDS) {
      const snippet = snippets.get(sample(kind).uid);
      expect(snippet, kind).toBeTruthy();
      expect(snippet, kind).not.toMatch(/[\ufffd<>]|alert\(/);
    }
    expect(snippets.get(sample('reply').uid)).toBe('Thanks Alice, sounds good to me (reply 3).');
    expect(snippets.get(sample('iso2022jp').uid)).toContain('明日の会議は午後三時からです。');
    expect(snippets.get(sample('win1252').uid)).toContain('The price is €3.50 — “quoted” text… and ‘single’ quotes.');
    expect(snippets.get(sample('latin1').uid)).toContain('Smörgåsbordet på Älvsborgs fästning');
  });
});

describe('attachments', () => {
  it('planBody lists them with decoded, sanitised names; the cid image is inline', () => {
    const plan = planBody(structureOf(uids.rich));
    expect(plan.htmlPart?.part).toBe('1.2.1');
    expect(plan.textPart?.part).toBe('1.1');
    expect(plan.hasAttachments).toBe(true);
    expect(
      plan.attachments.map(({ part, filename, contentType, contentId, inline }) => ({
        part,
        filename,
        contentType,
        contentId,
        inline,
      })),
    ).toEqual([
      { part: '1.2.2', filename: 'logo.png', contentType: 'image/png', contentId: 'logo@example.test', inline: true },
      { part: '2', filename: 'Räksmörgås report.pdf', contentType: 'application/pdf', contentId: null, inline: false },
      { part: '3', filename: 'notes.txt', contentType: 'text/plain', contentId: null, inline: false },
      { part: '4', filename: 'Inner news.eml', contentType: 'message/rfc822', contentId: null, inline: false },
    ]);
    // the size shown is the decoded size, estimated from the encoded one within a line
    const pdf = plan.attachments[1]!;
    expect(Math.abs(pdf.size - PDF.length)).toBeLessThan(60);
  });

  it('fetchPart returns the original bytes exactly (sha256)', async () => {
    const uid = uids.rich;
    expect(sha256(await fetchPart(client, uid, '1.2.2'))).toBe(sha256(PNG));
    expect(sha256(await fetchPart(client, uid, '2'))).toBe(sha256(PDF));
    expect(sha256(await fetchPart(client, uid, '3'))).toBe(sha256(NOTES));
    // a message/rfc822 part is the encapsulated message itself, ready to save as .eml
    expect((await fetchPart(client, uid, '4')).toString()).toBe(INNER.toString());
  });

  it('part 1 of a single-part message (a bare PDF) is exact too', async () => {
    const plan = planBody(structureOf(uids.pdfOnly));
    expect(plan.attachments.map((a) => [a.part, a.filename])).toEqual([['1', 'only.pdf']]);
    expect(sha256(await fetchPart(client, uids.pdfOnly, '1'))).toBe(sha256(PDF));
  });

  it('matches what imapflow download() yields for the same binary part', async () => {
    const download = await client.download(String(uids.rich), '2', { uid: true });
    const chunks: Buffer[] = [];
    for await (const chunk of download.content!) chunks.push(chunk as Buffer);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(PDF));
  });

  it('a missing part and a vanished message are clear errors', async () => {
    await expect(fetchPart(client, uids.rich, '9')).rejects.toBeInstanceOf(PartNotFoundError);
    await expect(fetchPart(client, 999_999, '1')).rejects.toBeInstanceOf(MessageNotFoundError);
    await expect(fetchBody(client, 999_999, structureOf(uids.rich))).rejects.toBeInstanceOf(MessageNotFoundError);
  });
});

describe('malformed messages give a clear result, not a crash', () => {
  it('unknown charset x-foo: UTF-8 bytes read as UTF-8, Latin-1 bytes as windows-1252', async () => {
    expect((await body('unknownCharsetUtf8')).text).toBe(`${RAKSMORGAS} 日本\n`);
    expect((await body('unknownCharsetLatin1')).text).toBe(`${RAKSMORGAS}\n`);
  });

  it('a boundary that never appears: the body is shown unparsed, as plain text', async () => {
    // Dovecot reports one empty phantom part; the content is only in the body TEXT
    expect(planBody(structureOf(uids.brokenBoundary)).textPart?.size).toBe(0);
    const result = await body('brokenBoundary');
    expect(result.html).toBeNull();
    expect(result.text).toContain('Text under a boundary that was never declared.');
    expect(result.truncated).toBe(false);
  });

  it('a multipart cut before its closing boundary keeps the first part', async () => {
    expect((await body('unterminated')).text).toContain('First part survives.');
  });

  it('an 8 MB text part is cut at the cap with a note', async () => {
    const plan = planBody(structureOf(uids.huge));
    expect(plan.textPart!.size).toBeGreaterThan(8 * 1024 * 1024);
    const started = Date.now();
    const result = await body('huge');
    expect(result.truncated).toBe(true);
    // 5 MB of the wire form; each 98-byte line loses its CR to the \n normalisation
    expect(result.text!.length).toBeGreaterThan(MAX_TEXT_BYTES * (97 / 98) - 100);
    expect(result.text!.length).toBeLessThan(MAX_TEXT_BYTES + 500);
    expect(result.text!.startsWith('0123456789abcdef')).toBe(true);
    expect(result.text).toMatch(/only the first 5\.0 MB of 8\.\d MB are shown\.\]$/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('snippets', () => {
  it('come from the first bytes of the text part of every message', async () => {
    const all = [...structures].map(([uid, structure]) => ({ uid, structure }));
    let fetches = 0;
    const spy = { fetchAll: (...args: Parameters<ImapFlow['fetchAll']>) => (fetches++, client.fetchAll(...args)) };
    const snippets = await fetchSnippets(spy, all);
    expect(snippets.get(uids.win1252Qp)).toBe(`${RAKSMORGAS} € – done`);
    expect(snippets.get(uids.japanese)).toBe(JAPANESE.replace('\n', ' '));
    expect(snippets.get(uids.alternative)).toBe(`${RAKSMORGAS} ✓ plain`);
    expect(snippets.get(uids.rich)).toBe('See the picture.');
    expect(snippets.get(uids.pdfOnly)).toBe('');
    expect(snippets.get(uids.htmlMeta)).toBe('Привет');
    expect(snippets.get(uids.huge)).toMatch(/^0123456789abcdef/);
    expect(snippets.get(uids.huge)!.length).toBeLessThanOrEqual(200);
    legacy.forEach(([, , text], i) => expect(snippets.get(legacyUids[i]!)).toBe(text));
    // one FETCH per distinct (section, text or HTML), not one per message
    const groups = new Set(
      all.map(({ structure }) => {
        const plan = planBody(structure);
        const ref = plan.textPart ?? plan.htmlPart;
        return ref && `${sectionFor(structure as StructureNode, ref)} ${ref === plan.textPart}`;
      }),
    );
    groups.delete(null);
    expect(fetches).toBe(groups.size);
    expect(fetches).toBeLessThan(all.length / 4);
  });
});

describe('\\Seen', () => {
  it('is never set by fetching bodies, parts, sources or snippets', async () => {
    const before = await flagsByUid();
    expect([...before.values()].some((flags) => flags.has('\\Seen'))).toBe(false);
    for (const [uid, structure] of structures) {
      await fetchBody(client, uid, structure);
      await fetchBody(client, uid, null);
      for (const attachment of planBody(structure).attachments) await fetchPart(client, uid, attachment.part);
    }
    await fetchSnippets(
      client,
      [...structures].map(([uid, structure]) => ({ uid, structure })),
    );
    const after = await flagsByUid();
    expect(after.size).toBe(structures.size);
    for (const [uid, flags] of after) expect({ uid, seen: flags.has('\\Seen') }).toEqual({ uid, seen: false });
  });
});
