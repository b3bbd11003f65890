// An .eml file read for its reading window.
import { describe, expect, it } from 'vitest';
import { parseEmlFile } from '../../electron/core/eml-file';

const eml = [
  'From: "Anna Svensson" <anna@partner.example>',
  'To: me@example.test, Bo <bo@example.test>',
  'Cc: cecilia@example.test',
  'Reply-To: list@partner.example',
  'Subject: =?UTF-8?Q?Caf=C3=A9_plans?=',
  'Date: Tue, 03 Mar 2026 10:00:00 +0000',
  'Message-ID: <plans.1@partner.example>',
  'References: <a@x> <b@y>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello <img src="cid:pic@x"></p>',
  '--b1',
  'Content-Type: image/png',
  'Content-ID: <pic@x>',
  'Content-Disposition: inline',
  'Content-Transfer-Encoding: base64',
  '',
  'iVBORw0KGgo=',
  '--b1',
  'Content-Type: application/pdf; name="menu.pdf"',
  'Content-Disposition: attachment; filename="menu.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  'JVBERi0=',
  '--b1--',
  '',
].join('\r\n');

describe('parseEmlFile', () => {
  it('reads headers, body and parts', async () => {
    const message = await parseEmlFile('plans.eml', Buffer.from(eml));
    expect(message).toMatchObject({
      fileName: 'plans.eml',
      subject: 'Café plans',
      from: [{ name: 'Anna Svensson', address: 'anna@partner.example' }],
      to: [
        { name: '', address: 'me@example.test' },
        { name: 'Bo', address: 'bo@example.test' },
      ],
      cc: [{ name: '', address: 'cecilia@example.test' }],
      replyTo: [{ name: '', address: 'list@partner.example' }],
      date: Date.UTC(2026, 2, 3, 10),
      messageId: '<plans.1@partner.example>',
      references: ['<a@x>', '<b@y>'],
    });
    expect(message.html).toContain('<img src="cid:pic@x">');
    expect(message.attachments.map((a) => [a.filename, a.inline, a.contentId])).toEqual([
      ['attachment', true, 'pic@x'],
      ['menu.pdf', false, null],
    ]);
    expect(message.attachments[1]!.dataBase64).toBe('JVBERi0=');
  });

  it('refuses a file that is not a message', async () => {
    await expect(parseEmlFile('photo.eml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
