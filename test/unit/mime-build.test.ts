// The message as it is built once for the outbox: Bcc only in the envelope, IDN in ASCII form,
// a rich body with its plain alternative, attachments byte for byte.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { bccHeaderLine, buildMime, envelopeOf, type MessageParts } from '../../electron/core/smtp/mime-build';

const parts: MessageParts = {
  from: { name: 'Anna Åberg', address: 'anna@example.test' },
  to: [{ name: 'Doe, J', address: 'j@bücher.de' }],
  cc: [{ name: '', address: 'carol@example.test' }],
  bcc: [{ name: 'Secret', address: 'secret@example.test' }],
  replyTo: [{ name: 'Team Å', address: 'team@example.test' }],
  subject: 'Re: Hej – åäö',
  format: 'plain',
  body: 'Hello\n\n-- \nAnna',
  inReplyTo: '<orig@x>',
  references: ['<root@x>', '<orig@x>'],
  attachments: [
    { filename: 'plan ö.bin', contentType: 'application/octet-stream', content: Buffer.from([0, 1, 2, 255]) },
  ],
  messageId: '<fixed@example.test>',
  date: new Date(Date.UTC(2026, 2, 3, 9, 0)),
};

describe('building the outgoing message', () => {
  it('fixes Message-ID and Date, threads, sets Reply-To, and carries no Bcc header', async () => {
    const raw = await buildMime(parts);
    const text = raw.toString('utf8');
    expect(text).not.toMatch(/^Bcc:/im);
    expect(text).not.toContain('secret@example.test');
    const mail = await simpleParser(raw);
    expect(mail.messageId).toBe('<fixed@example.test>');
    expect(mail.date?.getTime()).toBe(parts.date.getTime());
    expect(mail.inReplyTo).toBe('<orig@x>');
    expect(mail.references).toEqual(['<root@x>', '<orig@x>']);
    expect(mail.subject).toBe('Re: Hej – åäö');
    expect(mail.replyTo?.value).toEqual([{ name: 'Team Å', address: 'team@example.test' }]);
    expect(mail.text).toBe('Hello\n\n-- \nAnna');
    expect(mail.attachments[0]!.content.equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
    expect(mail.attachments[0]!.filename).toBe('plan ö.bin');
    // The IDN domain goes in its ASCII form, which every server understands.
    expect(text).toContain('j@xn--bcher-kva.de');
  });

  it('is the same bytes when built twice from the same parts, bar the MIME boundaries', async () => {
    const strip = (b: Buffer) => b.toString().replace(/_NmP-[0-9a-f-]+Part_\d+/g, 'B');
    expect(strip(await buildMime(parts))).toBe(strip(await buildMime(parts)));
  });

  it('writes Bcc only into copies that stay with the user', async () => {
    expect((await buildMime(parts, { keepBcc: true })).toString()).toMatch(/^Bcc: Secret <secret@example\.test>$/m);
    expect(bccHeaderLine(parts.bcc)).toBe('Bcc: Secret <secret@example.test>\r\n');
    expect(bccHeaderLine([])).toBe('');
  });

  it('sends a rich body as HTML with a plain-text alternative', async () => {
    const raw = await buildMime({
      ...parts,
      format: 'html',
      body: '<p>Hello <b>Bob</b></p><blockquote>earlier</blockquote>',
    });
    const mail = await simpleParser(raw);
    expect(mail.html).toContain('<p>Hello <b>Bob</b></p>');
    expect(mail.text?.trim()).toBe('Hello Bob\n\n> earlier');
    expect(raw.toString()).toMatch(/multipart\/alternative/);
  });

  it('sends a pasted picture as a multipart/related part the HTML names by cid:', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const raw = await buildMime({
      ...parts,
      format: 'html',
      body: `<p>See <img src="data:image/png;base64,${png.toString('base64')}"></p>`,
    });
    expect(raw.toString()).toMatch(/multipart\/related/);
    const mail = await simpleParser(raw, { keepCidLinks: true });
    const image = mail.attachments.find((a) => a.contentType === 'image/png');
    expect(image?.content.equals(png)).toBe(true);
    expect(image?.contentDisposition).toBe('inline');
    expect(mail.html).toContain(`src="cid:${image!.cid}"`);
    // the file attached the ordinary way is still an attachment
    expect(mail.attachments.find((a) => a.filename === 'plan ö.bin')?.contentDisposition).toBe('attachment');
  });

  it('puts every recipient in the envelope once, Bcc included, domains in ASCII', () => {
    expect(
      envelopeOf(parts.from, [
        ...parts.to,
        ...parts.cc,
        ...parts.bcc,
        { name: 'again', address: 'CAROL@example.test' },
      ]),
    ).toEqual({
      from: 'anna@example.test',
      to: ['j@xn--bcher-kva.de', 'carol@example.test', 'secret@example.test'],
    });
  });

  it('never reads a file or URL named in an attachment name', async () => {
    const raw = await buildMime({
      ...parts,
      attachments: [{ filename: '/etc/passwd', contentType: 'text/plain', content: Buffer.from('x') }],
    });
    const mail = await simpleParser(raw);
    expect(mail.attachments[0]!.content.toString()).toBe('x');
    expect(mail.attachments[0]!.filename).toBe('_etc_passwd');
  });
});
