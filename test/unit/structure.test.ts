// planBody() over BODYSTRUCTURE objects shaped exactly as imapflow 2.10 parses Dovecot's
// answers (captured from the test bed's Dovecot: root without `part`, a message/rfc822's
// child with the wrapper's part number, RFC 2231/2047 already decoded in parameters).
import { describe, expect, it } from 'vitest';
import {
  hasListedAttachments,
  isBrokenMultipart,
  planBody as plan,
  type StructureNode,
} from '../../electron/core/imap/body/structure';
import { MAX_STRUCTURE_DEPTH } from '../../electron/core/imap/body/structure-depth';

/** Every plan below also checks that header sync's shortcut gives the same answer. */
function planBody(structure: unknown): ReturnType<typeof plan> {
  const result = plan(structure);
  expect(hasListedAttachments(structure)).toBe(result.hasAttachments);
  return result;
}

const singleWin1252: StructureNode = {
  type: 'text/plain',
  parameters: { charset: 'windows-1252' },
  encoding: 'quoted-printable',
  size: 18,
};

// multipart/mixed [ alternative [ plain, related [ html, cid image ] ], pdf, message/rfc822 ]
const nested: StructureNode = {
  childNodes: [
    {
      part: '1',
      childNodes: [
        { part: '1.1', type: 'text/plain', parameters: { charset: 'utf-8' }, encoding: '7bit', size: 10 },
        {
          part: '1.2',
          childNodes: [
            { part: '1.2.1', type: 'text/html', parameters: { charset: 'iso-8859-1' }, encoding: 'base64', size: 24 },
            {
              part: '1.2.2',
              type: 'image/png',
              parameters: { name: 'pic.png' },
              id: '<pic1@x>',
              encoding: 'base64',
              size: 12,
              disposition: 'inline',
              dispositionParameters: { filename: 'pic.png' },
            },
          ],
          type: 'multipart/related',
          parameters: { boundary: 'R', type: 'text/html' },
        },
      ],
      type: 'multipart/alternative',
      parameters: { boundary: 'A' },
    },
    {
      part: '2',
      type: 'application/pdf',
      parameters: { name: 'Räksmörgås.pdf' },
      encoding: 'base64',
      size: 780,
      disposition: 'attachment',
      dispositionParameters: { filename: 'Räksmörgås long.pdf' },
    },
    {
      part: '3',
      type: 'message/rfc822',
      encoding: '7bit',
      size: 84,
      envelope: { subject: 'inner subject' },
      childNodes: [{ part: '3', type: 'text/plain', parameters: { charset: 'us-ascii' }, encoding: '7bit', size: 10 }],
    },
  ],
  type: 'multipart/mixed',
  parameters: { boundary: 'M' },
};

describe('planBody', () => {
  it('reads a single-part message as part 1', () => {
    const plan = planBody(singleWin1252);
    expect(plan.textPart).toEqual({
      part: '1',
      charset: 'windows-1252',
      encoding: 'quoted-printable',
      type: 'text/plain',
      size: 18,
    });
    expect(plan.htmlPart).toBeNull();
    expect(plan.attachments).toEqual([]);
    expect(plan.hasAttachments).toBe(false);
  });

  it('prefers HTML in alternative, keeps the plain part, lists cid images as inline', () => {
    const plan = planBody(nested);
    expect(plan.htmlPart?.part).toBe('1.2.1');
    expect(plan.htmlPart?.charset).toBe('iso-8859-1');
    expect(plan.htmlPart?.encoding).toBe('base64');
    expect(plan.textPart?.part).toBe('1.1');
    expect(plan.attachments).toEqual([
      { part: '1.2.2', filename: 'pic.png', contentType: 'image/png', size: 8, contentId: 'pic1@x', inline: true },
      {
        part: '2',
        filename: 'Räksmörgås long.pdf',
        contentType: 'application/pdf',
        size: 570, // estimated decoded size of 780 base64 bytes
        contentId: null,
        inline: false,
      },
      {
        part: '3',
        filename: 'inner subject.eml',
        contentType: 'message/rfc822',
        size: 84,
        contentId: null,
        inline: false,
      },
    ]);
    expect(plan.hasAttachments).toBe(true);
  });

  it('takes the last renderable alternative even after an unknown one', () => {
    const plan = planBody({
      type: 'multipart/alternative',
      childNodes: [
        { part: '1', type: 'text/plain', encoding: '7bit', size: 1 },
        { part: '2', type: 'text/html', encoding: '7bit', size: 1 },
        { part: '3', type: 'text/x-amp-html', encoding: '7bit', size: 1 },
        { part: '4', type: 'text/watch-html', encoding: '7bit', size: 1 },
      ],
    });
    expect(plan.htmlPart?.part).toBe('2');
    expect(plan.textPart?.part).toBe('1');
    // the other alternatives are copies of the same content, not attachments
    expect(plan.attachments).toEqual([]);
  });

  it('only a plain alternative: text, no html', () => {
    const plan = planBody({
      type: 'multipart/alternative',
      childNodes: [{ part: '1', type: 'text/plain', encoding: '7bit', size: 1 }],
    });
    expect(plan.textPart?.part).toBe('1');
    expect(plan.htmlPart).toBeNull();
  });

  it('multipart/related: the root named by start, other parts with Content-ID inline', () => {
    const plan = planBody({
      childNodes: [
        { part: '1', type: 'image/gif', id: '<img@x>', encoding: 'base64', size: 8 },
        {
          part: '2',
          type: 'text/html',
          parameters: { charset: 'utf-8' },
          id: '<root@x>',
          encoding: '7bit',
          size: 31,
        },
      ],
      type: 'multipart/related',
      parameters: { boundary: 'R', type: 'text/html', start: '<root@x>' },
    });
    expect(plan.htmlPart?.part).toBe('2');
    expect(plan.attachments).toEqual([
      { part: '1', filename: 'attachment.gif', contentType: 'image/gif', size: 5, contentId: 'img@x', inline: true },
    ]);
    expect(plan.hasAttachments).toBe(false);
  });

  it('multipart/related without start: the first part is the root; parts without Content-ID are attachments', () => {
    const plan = planBody({
      type: 'multipart/related',
      childNodes: [
        { part: '1', type: 'text/html', encoding: '7bit', size: 3 },
        { part: '2', type: 'image/jpeg', encoding: 'base64', size: 78, parameters: { name: 'x.jpg' } },
      ],
    });
    expect(plan.htmlPart?.part).toBe('1');
    expect(plan.attachments).toEqual([
      { part: '2', filename: 'x.jpg', contentType: 'image/jpeg', size: 57, contentId: null, inline: false },
    ]);
    expect(plan.hasAttachments).toBe(true);
  });

  it('multipart/signed: the signed text is the body, the signature an attachment', () => {
    const plan = planBody({
      childNodes: [
        { part: '1', type: 'text/plain', parameters: { charset: 'utf-8' }, encoding: '8bit', size: 11 },
        {
          part: '2',
          type: 'application/pgp-signature',
          parameters: { name: 'signature.asc' },
          encoding: '7bit',
          size: 29,
          disposition: 'attachment',
          dispositionParameters: { filename: 'signature.asc' },
        },
      ],
      type: 'multipart/signed',
      parameters: { protocol: 'application/pgp-signature', micalg: 'pgp-sha256', boundary: 'S' },
    });
    expect(plan.textPart?.part).toBe('1');
    expect(plan.attachments.map((a) => a.filename)).toEqual(['signature.asc']);
  });

  it('multipart/mixed: the first text part is the body; text attachments, calendars and unknown types are attachments', () => {
    const plan = planBody({
      childNodes: [
        { part: '1', type: 'text/plain', parameters: { charset: 'us-ascii' }, encoding: '7bit', size: 4 },
        {
          part: '2',
          type: 'text/plain',
          parameters: { name: 'bad', charset: 'us-ascii' },
          encoding: '7bit',
          size: 5,
          disposition: 'attachment',
        },
        {
          part: '3',
          type: 'text/calendar',
          parameters: { method: 'REQUEST', charset: 'utf-8' },
          encoding: '7bit',
          size: 15,
        },
        {
          part: '4',
          type: 'application/octet-stream',
          parameters: { name: 'Räksmörgås.bin' },
          encoding: '7bit',
          size: 2,
        },
        { part: '5', type: 'application/x-never-heard-of', encoding: 'base64', size: 4 },
      ],
      type: 'multipart/mixed',
      parameters: { boundary: 'M' },
    });
    expect(plan.textPart?.part).toBe('1');
    expect(plan.attachments.map((a) => [a.part, a.filename, a.inline])).toEqual([
      ['2', 'bad', false],
      ['3', 'attachment.ics', false],
      ['4', 'Räksmörgås.bin', false],
      ['5', 'attachment', false],
    ]);
  });

  it('multipart/mixed: a text part marked attachment before the body does not become the body', () => {
    const plan = planBody({
      type: 'multipart/mixed',
      childNodes: [
        {
          part: '1',
          type: 'text/plain',
          encoding: '7bit',
          size: 1,
          disposition: 'attachment',
          dispositionParameters: { filename: 'a.txt' },
        },
        { part: '2', type: 'text/html', encoding: '7bit', size: 1 },
      ],
    });
    expect(plan.htmlPart?.part).toBe('2');
    expect(plan.textPart).toBeNull();
    expect(plan.attachments.map((a) => a.filename)).toEqual(['a.txt']);
  });

  it('a single-part attachment (PDF only) is part 1 and there is no body', () => {
    const plan = planBody({
      type: 'application/pdf',
      parameters: { name: 'a.pdf' },
      encoding: 'base64',
      size: 14,
      disposition: 'attachment',
      dispositionParameters: { filename: '日本long name.pdf' },
    });
    expect(plan.htmlPart).toBeNull();
    expect(plan.textPart).toBeNull();
    expect(plan.attachments).toEqual([
      {
        part: '1',
        filename: '日本long name.pdf',
        contentType: 'application/pdf',
        size: 10,
        contentId: null,
        inline: false,
      },
    ]);
    expect(plan.hasAttachments).toBe(true);
  });

  it('a single-part text/plain with disposition attachment is an attachment', () => {
    const plan = planBody({ type: 'text/plain', encoding: '7bit', size: 3, disposition: 'attachment' });
    expect(plan.textPart).toBeNull();
    expect(plan.attachments[0]?.filename).toBe('attachment.txt');
  });

  it('message/rfc822 without subject is message.eml and is never walked into', () => {
    const plan = planBody({
      type: 'multipart/mixed',
      childNodes: [
        { part: '1', type: 'text/plain', encoding: '7bit', size: 1 },
        {
          part: '2',
          type: 'message/rfc822',
          encoding: '7bit',
          size: 50,
          envelope: {},
          childNodes: [{ part: '2', type: 'text/html', encoding: '7bit', size: 5 }],
        },
      ],
    });
    expect(plan.htmlPart).toBeNull();
    expect(plan.attachments).toEqual([
      { part: '2', filename: 'message.eml', contentType: 'message/rfc822', size: 50, contentId: null, inline: false },
    ]);
  });

  it('a subject with path characters still makes a safe .eml name', () => {
    const plan = planBody({
      type: 'multipart/mixed',
      childNodes: [
        { part: '1', type: 'text/plain', size: 1 },
        { part: '2', type: 'message/rfc822', size: 5, envelope: { subject: 'Re: a/b <c>' } },
      ],
    });
    expect(plan.attachments[0]?.filename).toBe('Re_ a-b _c_.eml');
  });

  it('a nested multipart after the body is flattened into attachments', () => {
    const plan = planBody({
      type: 'multipart/mixed',
      childNodes: [
        { part: '1', type: 'text/plain', size: 1 },
        {
          part: '2',
          type: 'multipart/mixed',
          childNodes: [
            { part: '2.1', type: 'image/png', size: 78, encoding: 'base64', parameters: { name: 'a.png' } },
            { part: '2.2', type: 'image/png', size: 78, encoding: 'base64', parameters: { name: 'b.png' } },
          ],
        },
      ],
    });
    expect(plan.attachments.map((a) => a.part)).toEqual(['2.1', '2.2']);
  });

  it('a part without Content-Type is text/plain (RFC 2045)', () => {
    const plan = planBody({ type: 'multipart/mixed', childNodes: [{ part: '1', type: '', size: 2 }] });
    expect(plan.textPart).toMatchObject({ part: '1', type: 'text/plain', encoding: '7bit', charset: null });
  });

  it('missing or garbage structure gives an empty plan, never a throw', () => {
    for (const junk of [
      null,
      undefined,
      42,
      'text/plain',
      [],
      {},
      { type: 7 },
      { type: 'multipart/mixed', childNodes: 'x' },
    ]) {
      expect(planBody(junk)).toEqual({ htmlPart: null, textPart: null, attachments: [], hasAttachments: false });
    }
    // junk inside a valid root is skipped, not thrown on
    const junkChildren = { type: 'multipart/mixed', childNodes: [null, 3, { part: '2', type: 7, size: 1 }] };
    expect(planBody(junkChildren).textPart?.part).toBe('2');
    const junkFields = {
      type: 'multipart/mixed',
      childNodes: [
        { part: '1', type: 'text/plain', parameters: { charset: 5 }, encoding: {}, size: 'x' },
        { part: '2', type: 'image/png', id: 9, parameters: { name: [] }, dispositionParameters: { filename: 1 } },
        { part: '3', type: 'message/rfc822', envelope: { subject: 42 }, disposition: 7 },
      ],
    };
    const plan = planBody(junkFields);
    expect(plan.textPart).toEqual({ part: '1', charset: null, encoding: '7bit', type: 'text/plain', size: 0 });
    expect(plan.attachments.map((a) => [a.filename, a.contentId])).toEqual([
      ['attachment.png', null],
      ['message.eml', null],
    ]);
    // an empty multipart is valid but has nothing in it
    expect(planBody({ type: 'multipart/mixed', childNodes: [] }).attachments).toEqual([]);
  });

  it('survives a JSON round trip (as stored by header sync)', () => {
    expect(planBody(JSON.parse(JSON.stringify(nested)))).toEqual(planBody(nested));
  });
});

describe('isBrokenMultipart', () => {
  it("recognises Dovecot's phantom part for a boundary that never occurs", () => {
    const phantom = (type: string): StructureNode => ({
      type,
      childNodes: [{ part: '1', type: 'text/plain', parameters: { charset: 'us-ascii' }, encoding: '7bit', size: 0 }],
    });
    expect(isBrokenMultipart(phantom('multipart/mixed'))).toBe(true);
    expect(isBrokenMultipart(phantom('multipart/alternative'))).toBe(true);
    expect(isBrokenMultipart(nested)).toBe(false);
    expect(isBrokenMultipart(singleWin1252)).toBe(false);
    expect(isBrokenMultipart({ type: 'text/plain', size: 0 })).toBe(false);
    expect(isBrokenMultipart(null)).toBe(false);
  });
});

// hasListedAttachments() walks on its own, without building what planBody() builds (it runs for
// every header of a sync): it must answer as planBody() does for every shape, not only those above.
describe('hasListedAttachments', () => {
  /** A small seeded generator (a linear congruential one): the same trees on every run. */
  function randomTrees(count: number, seed: number): StructureNode[] {
    let state = seed;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(state / 2 ** 16) % n; // the low bits of this generator repeat too soon
    };
    const pick = <T>(items: readonly T[]): T => items[next(items.length)]!;
    const multiparts = ['multipart/mixed', 'multipart/alternative', 'multipart/related', 'multipart/signed'];
    const leaves = ['text/plain', 'text/html', 'image/png', 'application/pdf', 'message/rfc822', 'text/calendar'];
    const tree = (depth: number, part: string): StructureNode => {
      const node: StructureNode = { part, encoding: '7bit', size: next(3) === 0 ? 0 : 100 };
      if (depth < 4 && next(3) === 0) {
        node.type = pick(multiparts);
        node.childNodes = Array.from({ length: next(4) }, (_, i) => tree(depth + 1, `${part}.${i + 1}`));
        if (node.type === 'multipart/related' && next(2) === 0) node.parameters = { start: `<c${next(3)}@x>` };
      } else {
        // a part without Content-Type is text/plain; Content-IDs repeat, so start sometimes names one
        if (next(8) !== 0) node.type = pick(leaves);
        if (next(3) === 0) node.id = `<c${next(3)}@x>`;
        if (next(3) === 0) node.disposition = pick(['attachment', 'inline', 'ATTACHMENT']);
      }
      return node;
    };
    return Array.from({ length: count }, () => tree(0, '1'));
  }

  it('answers as planBody() does for 3,000 generated structures, both ways', () => {
    const answers = randomTrees(3_000, 23).map((tree) => {
      const expected = plan(tree).hasAttachments;
      expect(hasListedAttachments(tree), JSON.stringify(tree)).toBe(expected);
      return expected;
    });
    // the generator makes both kinds, so the agreement is not one answer given every time
    expect(answers.filter(Boolean).length).toBeGreaterThan(300);
    expect(answers.filter((answer) => !answer).length).toBeGreaterThan(300);
  });

  it('cuts the structure where planBody() does: a body nested too deep is not the body', () => {
    // mixed [ mixed [ mixed [ … text ] ], text ]: the first text is the body only if the cut
    // leaves it in; past the cut the second text is the body and nothing is attached.
    const chain = (levels: number): StructureNode => {
      let node: StructureNode = { type: 'text/plain', size: 10 };
      for (let i = 0; i < levels; i++) node = { type: 'multipart/mixed', childNodes: [node] };
      return node;
    };
    const shallow: StructureNode = { type: 'multipart/mixed', childNodes: [chain(3), { type: 'text/plain', size: 5 }] };
    const deep: StructureNode = {
      type: 'multipart/mixed',
      childNodes: [chain(MAX_STRUCTURE_DEPTH + 5), { type: 'text/plain', size: 5 }],
    };
    expect(planBody(shallow).hasAttachments).toBe(true);
    expect(planBody(deep).hasAttachments).toBe(false);
    // 100,000 levels: no stack overflow, and the same answer
    expect(hasListedAttachments({ type: 'multipart/mixed', childNodes: [chain(100_000)] })).toBe(false);
  });
});
