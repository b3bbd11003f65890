// fetchBody / fetchPart / fetchSnippets against a fake client that answers like imapflow
// does with Dovecot (sections keyed lowercase, partial origins dropped, missing sections empty),
// to pin down what is asked: how many FETCHes, which sections, which byte ranges.
import type { FetchMessageObject, FetchQueryObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { MessageNotFoundError, PartNotFoundError } from '../../electron/core/imap/body/errors';
import { fetchBody, fetchPart } from '../../electron/core/imap/body/fetch-body';
import { fetchSnippets } from '../../electron/core/imap/body/fetch-snippets';
import type { StructureNode } from '../../electron/core/imap/body/structure';

type Section = string | { key: string; start?: number; maxLength?: number };
type Messages = Record<number, { sections: Record<string, Buffer>; source?: Buffer }>;

/** A fake ImapFlow: records every query, answers sections from `messages`. */
function fakeClient(messages: Messages) {
  const calls: { range: unknown; query: FetchQueryObject }[] = [];
  const answer = (uid: number, query: FetchQueryObject): FetchMessageObject | false => {
    const message = messages[uid];
    if (!message) return false;
    const row = { seq: uid, uid, bodyParts: new Map<string, Buffer>() } as FetchMessageObject;
    for (const section of (query.bodyParts ?? []) as Section[]) {
      const key = (typeof section === 'string' ? section : section.key).toLowerCase();
      let value = message.sections[key] ?? Buffer.alloc(0); // Dovecot: a missing section is ""
      if (typeof section !== 'string')
        value = value.subarray(section.start ?? 0, (section.start ?? 0) + (section.maxLength ?? Infinity));
      if (key === 'header') row.headers = value;
      else row.bodyParts!.set(key, value);
    }
    if (query.source) row.source = message.source;
    return row;
  };
  const client = {
    calls,
    async fetchOne(range: string | number, query: FetchQueryObject) {
      calls.push({ range, query });
      return answer(Number(range), query);
    },
    async fetchAll(range: number[], query: FetchQueryObject) {
      calls.push({ range, query });
      return range.map((uid) => answer(uid, query)).filter((row): row is FetchMessageObject => row !== false);
    },
  };
  return client;
}

const alternative: StructureNode = {
  type: 'multipart/alternative',
  childNodes: [
    { part: '1', type: 'text/plain', parameters: { charset: 'iso-8859-1' }, encoding: 'quoted-printable', size: 16 },
    { part: '2', type: 'text/html', parameters: { charset: 'utf-8' }, encoding: 'base64', size: 20 },
  ],
};

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

describe('fetchPart', () => {
  const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x80]);

  it('decodes by the Content-Transfer-Encoding of the part MIME header, byte-exact, in one fetch', async () => {
    const client = fakeClient({
      5: {
        sections: {
          '2.mime': Buffer.from('Content-Type: application/pdf\r\nContent-Transfer-Encoding: Base64 (comment)\r\n\r\n'),
          '2': Buffer.from(pdf.toString('base64').replace(/(.{4})/g, '$1\r\n')),
        },
      },
    });
    expect((await fetchPart(client, 5, '2')).equals(pdf)).toBe(true);
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]!.query.bodyParts).toEqual(['2.MIME', '2']);
  });

  it('folded MIME headers and quoted-printable parts', async () => {
    const client = fakeClient({
      5: {
        sections: {
          '1.2.mime': Buffer.from(
            'Content-Type: text/plain\r\nContent-Transfer-Encoding:\r\n quoted-printable\r\n\r\n',
          ),
          '1.2': Buffer.from('caf=C3=A9'),
        },
      },
    });
    expect((await fetchPart(client, 5, '1.2')).toString()).toBe('café');
  });

  it('part 1 of a single-part message uses the message header', async () => {
    const client = fakeClient({
      6: {
        sections: {
          header: Buffer.from(
            'Subject: x\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n',
          ),
          '1': Buffer.from(pdf.toString('base64')),
        },
      },
    });
    expect((await fetchPart(client, 6, '1')).equals(pdf)).toBe(true);
  });

  it('part 1 answered empty on a single-part message is fetched again as TEXT', async () => {
    const client = fakeClient({
      6: {
        sections: {
          header: Buffer.from('Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n'),
          text: Buffer.from(pdf.toString('base64')),
        },
      },
    });
    expect((await fetchPart(client, 6, '1')).equals(pdf)).toBe(true);
    expect(client.calls.map((c) => c.query.bodyParts)).toEqual([['1.MIME', '1', 'HEADER'], ['TEXT']]);
  });

  it('a part that does not exist, a bad part name, a vanished message', async () => {
    const client = fakeClient({ 5: { sections: {} } });
    await expect(fetchPart(client, 5, '9')).rejects.toBeInstanceOf(PartNotFoundError);
    await expect(fetchPart(client, 5, '1.MIME')).rejects.toBeInstanceOf(PartNotFoundError);
    await expect(fetchPart(client, 8, '2')).rejects.toBeInstanceOf(MessageNotFoundError);
  });
});

describe('fetchSnippets', () => {
  it('groups messages by section: one FETCH per distinct section, partial ranges only', async () => {
    const plainQp = (part: string): StructureNode => ({
      type: 'multipart/alternative',
      childNodes: [
        { part, type: 'text/plain', parameters: { charset: 'utf-8' }, encoding: 'quoted-printable', size: 5000 },
        { part: '2', type: 'text/html', encoding: '7bit', size: 10 },
      ],
    });
    const client = fakeClient({
      1: { sections: { '1': Buffer.from('Hall=C3=A5 d=C3=A4r\r\n> quoted\r\n') } },
      2: { sections: { '1': Buffer.from('Second =E2=9C=93') } },
      3: { sections: { text: Buffer.from('<style>x</style><p>Only&nbsp;HTML</p>') } },
      4: { sections: {} },
    });
    const snippets = await fetchSnippets(client, [
      { uid: 1, structure: plainQp('1') },
      { uid: 2, structure: plainQp('1') },
      { uid: 3, structure: { type: 'text/html', encoding: '7bit', size: 40 } },
      { uid: 4, structure: { type: 'image/png', size: 10 } },
      { uid: 5, structure: null },
    ]);
    expect(snippets).toEqual(
      new Map([
        [4, ''],
        [1, 'Hallå där'],
        [2, 'Second ✓'],
        [3, 'Only HTML'],
      ]),
    );
    expect(client.calls.map((c) => [c.range, c.query.bodyParts])).toEqual([
      [[1, 2], [{ key: '1', start: 0, maxLength: 2048 }]],
      [[3], [{ key: 'TEXT', start: 0, maxLength: 16384 }]],
    ]);
  });

  it('decodes a prefix cut inside a QP escape, a base64 quantum and a UTF-8 character', async () => {
    const text = 'Grüße aus Köln, schöne Grüße!';
    const qp = Buffer.from('Gr=C3=BC=C3=9Fe aus K=C3=B6ln, sch=C3=B6ne Gr=C3=BC=C3=9Fe!');
    const b64 = Buffer.from(Buffer.from(text).toString('base64'));
    const utf8 = Buffer.from(text);
    const ref = (encoding: string): StructureNode => ({
      type: 'multipart/mixed',
      childNodes: [{ part: '1', type: 'text/plain', parameters: { charset: 'utf-8' }, encoding, size: 9999 }],
    });
    for (const [encoding, raw] of [
      ['quoted-printable', qp],
      ['base64', b64],
      ['8bit', utf8],
    ] as const) {
      for (let cut = 1; cut < raw.length; cut++) {
        const client = fakeClient({ 1: { sections: { '1': raw } } });
        const snippet = (await fetchSnippets(client, [{ uid: 1, structure: ref(encoding) }], { textBytes: cut })).get(
          1,
        )!;
        expect(snippet).not.toMatch(/[\ufffd=]/);
        expect(text.startsWith(snippet.trimEnd())).toBe(true);
      }
    }
  });

  it('batches UIDs', async () => {
    const client = fakeClient({
      1: { sections: { text: Buffer.from('a') } },
      2: { sections: { text: Buffer.from('b') } },
    });
    const structure = { type: 'text/plain', size: 1 };
    const snippets = await fetchSnippets(
      client,
      [
        { uid: 1, structure },
        { uid: 2, structure },
      ],
      { batchSize: 1 },
    );
    expect([...snippets]).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(client.calls.map((c) => c.range)).toEqual([[1], [2]]);
  });
});
