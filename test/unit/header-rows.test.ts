// Hostile headers in header sync (header-fields.ts, structure-depth.ts): a huge subject, a
// recipient list of thousands, a BODYSTRUCTURE nested thousands deep. Each is cut to a cap,
// and none of them can fail the batch its message arrives in.
import type { FetchMessageObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { hasListedAttachments, isBrokenMultipart, planBody } from '../../electron/core/imap/body/structure';
import { limitStructureDepth, MAX_STRUCTURE_DEPTH } from '../../electron/core/imap/body/structure-depth';
import {
  capSubject,
  MAX_ADDRESSES_PER_FIELD,
  MAX_SUBJECT_CHARS,
  toHeaderRecord,
} from '../../electron/core/imap/sync/header-fields';
import { headerRow } from '../../electron/core/store/header-rows';

interface Node {
  type: string;
  part?: string;
  size?: number;
  childNodes?: Node[];
}

/** multipart/mixed nested `depth` levels, a text/plain part at the bottom. Built without recursion. */
function nested(depth: number): Node {
  let node: Node = { type: 'text/plain', part: '1', size: 10 };
  for (let level = 0; level < depth; level++) node = { type: 'multipart/mixed', childNodes: [node] };
  return node;
}

function depthOf(root: Node): number {
  let depth = 0;
  for (let node: Node | undefined = root; node?.childNodes?.length; node = node.childNodes[0]) depth++;
  return depth;
}

const message = (extra: Partial<FetchMessageObject>): FetchMessageObject =>
  ({ uid: 7, seq: 1, flags: new Set<string>(), envelope: {}, ...extra }) as FetchMessageObject;

describe('header caps', () => {
  it('walks and stores a BODYSTRUCTURE nested 100,000 deep, cut at a depth', () => {
    const deep = nested(100_000);
    const record = toHeaderRecord(message({ bodyStructure: deep as never }), 'm', hasListedAttachments);
    const stored = JSON.parse(record.bodystructure ?? 'null') as Node;
    expect(depthOf(stored)).toBe(MAX_STRUCTURE_DEPTH);
    expect(record.hasAttachments).toBe(false);
    // structures stored before the cut, read back for a body: planned the same way, not thrown
    expect(planBody(deep)).toMatchObject({ htmlPart: null, textPart: null });
    // what is left is multiparts with nothing readable in reach: read like a broken multipart,
    // whose whole text is shown as it is
    expect(isBrokenMultipart(deep)).toBe(true);
    expect(depthOf(deep)).toBe(100_000); // the input is left as it was
  });

  it('leaves an ordinary structure untouched (the same object, no copy)', () => {
    const shallow = nested(5);
    expect(limitStructureDepth(shallow)).toBe(shallow);
    expect(planBody(shallow).textPart).toMatchObject({ part: '1' });
  });

  it('cuts a subject at the cap with an ellipsis, never in a surrogate pair', () => {
    const long = 'x'.repeat(MAX_SUBJECT_CHARS - 2) + '😀' + 'y'.repeat(1_000_000);
    const record = toHeaderRecord(message({ envelope: { subject: long } }), 'm', () => false);
    expect(record.subject.length).toBeLessThanOrEqual(MAX_SUBJECT_CHARS);
    expect(record.subject.endsWith('…')).toBe(true);
    expect(record.subject).not.toMatch(/[\ud800-\udbff]…$/);
    expect(capSubject('Hello')).toBe('Hello');
  });

  it('keeps the first addresses of a huge recipient list and counts the rest', () => {
    const to = Array.from({ length: 50_000 }, (_, i) => ({ name: '', address: `r${i}@example.com` }));
    const cc = [{ name: 'Cy', address: 'cy@example.com' }];
    const record = toHeaderRecord(message({ envelope: { to, cc } }), 'm', () => false);
    expect(record.to).toHaveLength(MAX_ADDRESSES_PER_FIELD);
    expect(record.to[0]).toEqual({ name: '', address: 'r0@example.com' });
    expect(record.cc).toEqual(cc);
    expect(record.addressesOmitted).toBe(50_000 - MAX_ADDRESSES_PER_FIELD);
    expect(headerRow(1, record)[18]).toBe(50_000 - MAX_ADDRESSES_PER_FIELD);
  });
});
