// fetchSnippets against a fake client that answers like imapflow does with Dovecot: the list
// previews of many messages with as few FETCHes and bytes as possible.
import { describe, expect, it } from 'vitest';
import { fetchSnippets } from '../../electron/core/imap/body/fetch-snippets';
import type { StructureNode } from '../../electron/core/imap/body/structure';
import { fakeClient } from '../support/fake-imap-fetch';

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
