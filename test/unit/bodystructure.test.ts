// The header FETCH reader's BODYSTRUCTURE (sync/bodystructure.ts) against imapflow's
// parseBodystructure: each structure is tokenized by imapflow's own parser, as a server's answer
// is, then interpreted both ways; the trees must be the same, key for key and in key order (the
// structure is stored as JSON).
import { describe, expect, it } from 'vitest';
import parser from 'imapflow/lib/handler/imap-parser.js';
import { parseBodystructure as imapflowStructure } from 'imapflow/lib/tools.js';
import { parseBodystructure } from '../../electron/core/imap/sync/bodystructure';

async function tokens(structure: string, literals: Buffer[] = []): Promise<never> {
  const parsed = await parser(Buffer.from(`* 1 FETCH (BODYSTRUCTURE ${structure})`), { literals });
  return (parsed.attributes as unknown as [unknown, [unknown, never]])[1][1];
}

const text = (params = '("charset" "utf-8")', rest = '"7BIT" 120 4 NIL NIL NIL NIL') =>
  `("text" "plain" ${params} NIL NIL ${rest})`;
const html = '("text" "html" ("charset" "UTF-8") NIL NIL "QUOTED-PRINTABLE" 2048 40 NIL NIL NIL NIL)';
const file = (disposition: string, params = '("name" "report.pdf")') =>
  `("application" "pdf" ${params} "<id@x>" "Quarterly" "BASE64" 40000 NIL ${disposition} NIL NIL)`;
const envelope =
  '("Mon, 2 Mar 2026 09:00:00 +0100" "=?utf-8?B?w4Vy?=" (("Ann" NIL "ann" "x.test")) NIL NIL NIL NIL NIL NIL "<m@x>")';

const shapes: [string, string][] = [
  ['a plain text part', text()],
  ['a text part without extension data', '("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 10 1)'],
  [
    'a text part without its line count (11 fields)',
    '("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 10 NIL ("inline" NIL) NIL NIL)',
  ],
  ['NIL parameters, id, description, encoding and size', '("text" "plain" NIL NIL NIL NIL NIL 1)'],
  ['multipart/alternative with extension data', `(${text()}${html} "alternative" ("boundary" "----=_b1") NIL NIL NIL)`],
  ['multipart/alternative without extension data', `(${text()}${html} "ALTERNATIVE")`],
  [
    'multipart/mixed with an attachment and its disposition parameters',
    `((${text()}${html} "alternative" ("boundary" "b2")) ${file('("attachment" ("filename" "report.pdf" "size" "40000"))')} "mixed" ("boundary" "b1") NIL ("en" "SV") "http://x.test/")`,
  ],
  ['an encoded parameter value', text('("charset" "utf-8" "name" "=?utf-8?B?w6VyZW4udHh0?=")')],
  [
    'RFC 2231 continuations with a charset',
    file('("attachment" ("filename*0*" "utf-8\'\'%C3%A5r" "filename*1*" "%20rapport.pdf"))'),
  ],
  ['an RFC 2231 value in a plain filename', file('("attachment" ("filename" "utf-8\'sv\'%C3%A5r.pdf"))')],
  ['a name ending in a star', text('("charset" "utf-8" "title*" "us-ascii\'en\'Hello%20there")')],
  ['an unsafe parameter name', text('("__proto__" "x" "charset" "utf-8" "constructor" "y")')],
  ['a parameter name left without a value', text('("charset" "utf-8" "format")')],
  ['a parameter where a list should be', '("text" "plain" "charset" NIL NIL "7bit" 10 1)'],
  ['duplicate parameter names (the last wins)', text('("charset" "utf-8" "CHARSET" "iso-8859-1")')],
  ['an empty disposition list', file('()')],
  ['a disposition without parameters', file('("inline" NIL)')],
  ['an embedded message', `("message" "rfc822" NIL NIL NIL "7bit" 900 ${envelope} ${text()} 30 NIL NIL NIL NIL)`],
  ['an embedded message with NIL envelope and structure', '("message" "rfc822" NIL NIL NIL "7bit" 900 NIL NIL NIL)'],
  [
    'a language as one string, md5 and location',
    '("image" "png" NIL NIL NIL "base64" 100 "ABCDEF" ("inline" NIL) "EN" "cid:x")',
  ],
  ['upper case types and encodings', '("TEXT" "HTML" ("CHARSET" "UTF-8") NIL NIL "BASE64" 10 1 NIL NIL NIL NIL)'],
  ['a size that is not a number', '("text" "plain" NIL NIL NIL "7bit" "lots" "many")'],
];

describe('parseBodystructure', () => {
  it.each(shapes)('equals imapflow on %s', async (_what, structure) => {
    const fields = await tokens(structure);
    const mine = parseBodystructure(fields);
    const theirs = imapflowStructure(fields);
    expect(mine).toEqual(theirs);
    expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
  });

  it('equals imapflow on literal parameter values (raw UTF-8, an encoded word)', async () => {
    const name = Buffer.from('Årsrapport =?utf-8?B?w6Vy?=.pdf');
    const fields = await tokens(
      `("application" "pdf" ("name" {${name.length}}\r\n) NIL NIL "base64" 10 NIL NIL NIL NIL)`,
      [name],
    );
    const mine = parseBodystructure(fields);
    expect(JSON.stringify(mine)).toBe(JSON.stringify(imapflowStructure(fields)));
    expect(mine.parameters).toEqual({ name: 'Årsrapport år.pdf' });
  });

  it('reads the parts a mail client needs from a real shape', async () => {
    const fields = await tokens(
      `((${text()}${html} "alternative" ("boundary" "b2")) ${file('("attachment" ("filename" "report.pdf"))')} "mixed" ("boundary" "b1"))`,
    );
    const tree = parseBodystructure(fields);
    expect(tree.type).toBe('multipart/mixed');
    expect(tree.childNodes?.map((n) => n.part)).toEqual(['1', '2']);
    expect(tree.childNodes?.[0]?.childNodes?.map((n) => `${n.part} ${n.type}`)).toEqual([
      '1.1 text/plain',
      '1.2 text/html',
    ]);
    expect(tree.childNodes?.[1]).toMatchObject({
      disposition: 'attachment',
      dispositionParameters: { filename: 'report.pdf' },
    });
  });
});
