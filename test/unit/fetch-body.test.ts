// fetchBody against a fake client that answers like imapflow does with Dovecot, to pin down
// what is asked: how many FETCHes, which sections, which byte ranges.
import type { FetchMessageObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { MessageNotFoundError } from '../../electron/core/imap/body/errors';
import { fetchBody } from '../../electron/core/imap/body/fetch-body';
import type { StructureNode } from '../../electron/core/imap/body/structure';
import { alternative, fakeClient } from '../support/fake-imap-fetch';

describe('fetchBody', () => {
  it('asks both parts in ONE fetch and decodes each by its own charset and encoding', async () => {
    const client = fakeClient({
      7: {
        sections: {
          '1': Buffer.from('R=E4ksm=F6rg=E5s'),
          '2': Buffer.from(Buffer.from('<b>Räksmörgås</b>').toString('base64')),
        },
      },
    });
    const body = await fetchBody(client, 7, alternative);
    expect(body).toEqual({ html: '<b>Räksmörgås</b>', text: 'Räksmörgås', truncated: false });
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]!.range).toBe('7');
    expect(client.calls[0]!.query.bodyParts).toEqual(['2', '1']);
  });

  it('asks a single-part body as TEXT', async () => {
    const client = fakeClient({ 3: { sections: { text: Buffer.from('hello') } } });
    const body = await fetchBody(client, 3, { type: 'text/plain', encoding: '7bit', size: 5 });
    expect(body).toEqual({ html: null, text: 'hello', truncated: false });
    expect(client.calls[0]!.query.bodyParts).toEqual(['TEXT']);
  });

  it('asks a part larger than the cap as a partial fetch and says it is cut', async () => {
    const big = Buffer.from('x'.repeat(5000));
    const client = fakeClient({ 1: { sections: { '1': big } } });
    const structure: StructureNode = {
      type: 'multipart/mixed',
      childNodes: [{ part: '1', type: 'text/plain', encoding: '8bit', size: 5000 }],
    };
    const body = await fetchBody(client, 1, structure, { maxTextBytes: 1000 });
    expect(client.calls[0]!.query.bodyParts).toEqual([{ key: '1', start: 0, maxLength: 1000 }]);
    expect(body.truncated).toBe(true);
    expect(body.text!.startsWith('x'.repeat(1000) + '\n\n[This message is too large')).toBe(true);
  });

  it('cuts a part the server sent whole although it was asked partially', async () => {
    const client = {
      async fetchOne() {
        return { seq: 1, uid: 1, bodyParts: new Map([['1', Buffer.from('y'.repeat(3000))]]) } as FetchMessageObject;
      },
    };
    const structure: StructureNode = {
      type: 'multipart/mixed',
      childNodes: [{ part: '1', type: 'text/html', size: 10 }],
    };
    const body = await fetchBody(client, 1, structure, { maxTextBytes: 100 });
    expect(body.html!.startsWith('y'.repeat(100) + '<hr>')).toBe(true);
    expect(body.truncated).toBe(true);
  });

  it('normalises line breaks to \\n', async () => {
    const client = fakeClient({ 3: { sections: { text: Buffer.from('a\r\nb\rc\n') } } });
    expect((await fetchBody(client, 3, { type: 'text/plain', size: 7 })).text).toBe('a\nb\nc\n');
  });

  it('a multipart whose boundary never occurs (an empty phantom part) shows the body text unparsed', async () => {
    const client = fakeClient({ 2: { sections: { text: Buffer.from('--other\r\n\r\nReal text\r\n') } } });
    const structure: StructureNode = {
      type: 'multipart/mixed',
      childNodes: [{ part: '1', type: 'text/plain', parameters: { charset: 'us-ascii' }, encoding: '7bit', size: 0 }],
    };
    expect(await fetchBody(client, 2, structure, { maxTextBytes: 100 })).toEqual({
      html: null,
      text: '--other\n\nReal text\n',
      truncated: false,
    });
    expect(client.calls[0]!.query.bodyParts).toEqual([{ key: 'TEXT', start: 0, maxLength: 101 }]);
    const cut = await fetchBody(client, 2, structure, { maxTextBytes: 14 });
    expect(cut.truncated).toBe(true);
    expect(cut.text).toBe(
      '--other\n\nRea\n\n[This message is too large to show in full: only the first 0.0 MB are shown.]',
    );
  });

  it('a message without a text part fetches nothing', async () => {
    const client = fakeClient({});
    expect(await fetchBody(client, 1, { type: 'application/pdf', size: 9 })).toEqual({
      html: null,
      text: null,
      truncated: false,
    });
    expect(client.calls).toHaveLength(0);
  });

  it('without a usable BODYSTRUCTURE, parses the full source', async () => {
    const source = Buffer.from(
      'Subject: x\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\n' +
        'Content-Transfer-Encoding: quoted-printable\r\n\r\nR=E4ksm=F6rg=E5s\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--b--\r\n',
    );
    const client = fakeClient({ 4: { sections: {}, source } });
    for (const structure of [null, undefined, '{broken', { type: 5 }]) {
      const body = await fetchBody(client, 4, structure);
      expect(body.text?.trim()).toBe('Räksmörgås');
      expect(body.html?.trim()).toBe('<p>hi</p>');
    }
    expect(client.calls[0]!.query.source).toEqual({ start: 0, maxLength: 25 * 1024 * 1024 });
  });

  it('a vanished message is a MessageNotFoundError', async () => {
    await expect(fetchBody(fakeClient({}), 9, alternative)).rejects.toBeInstanceOf(MessageNotFoundError);
    await expect(fetchBody(fakeClient({}), 9, null)).rejects.toBeInstanceOf(MessageNotFoundError);
  });
});
