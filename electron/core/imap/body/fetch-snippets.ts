// Preview lines for many messages at once, cheaply: only the first couple of KB of each
// message's text part (BODY.PEEK[1.1]<0.2048>, never \Seen), decoded and cut to a snippet.
//
// One UID FETCH can ask only the same sections of every message it names, and messages keep
// their text in different sections (TEXT, 1, 1.1, 1.1.1...), so messages are grouped by
// section: a handful of FETCHes per batch, each answering many messages.
// The mailbox must be selected. Messages without a usable BODYSTRUCTURE are left out.
import type { ImapFlow } from 'imapflow';
import { decodeText, partCharset } from './decode';
import { sectionFor } from './fetch-body';
import { makeSnippet } from './snippet';
import { isStructure, planBody, type PartRef } from './structure';
import { decodeTransfer } from './transfer';

export interface SnippetItem {
  uid: number;
  structure: unknown;
}

export interface FetchSnippetsOptions {
  /** Bytes asked of a text/plain part. */
  textBytes?: number;
  /** Bytes asked of an HTML part: a long <style> block often comes before any text. */
  htmlBytes?: number;
  /** UIDs per FETCH command, to keep command lines short. */
  batchSize?: number;
}

export type SnippetClient = Pick<ImapFlow, 'fetchAll'>;

interface Group {
  section: string;
  maxLength: number;
  refs: Map<number, PartRef>;
}

/** Decodes the first bytes of a part into a snippet; `raw` may end in the middle of anything. */
export function snippetFromPrefix(raw: Buffer, ref: PartRef, maxLength: number): string {
  const truncated = raw.length >= maxLength || ref.size > raw.length;
  const bytes = decodeTransfer(raw, ref.encoding);
  const text = decodeText(bytes, partCharset(ref.type, ref.charset, bytes), { truncated });
  return ref.type === 'text/html' ? makeSnippet(null, text) : makeSnippet(text, null);
}

function groupBySection(
  items: SnippetItem[],
  textBytes: number,
  htmlBytes: number,
  result: Map<number, string>,
): Group[] {
  const groups = new Map<string, Group>();
  for (const { uid, structure } of items) {
    if (!isStructure(structure)) continue;
    const plan = planBody(structure);
    const ref = plan.textPart ?? plan.htmlPart;
    if (!ref) {
      result.set(uid, ''); // nothing readable (an attachment-only message): an empty preview
      continue;
    }
    const section = sectionFor(structure, ref);
    const maxLength = ref === plan.textPart ? textBytes : htmlBytes;
    const key = `${section}<${maxLength}>`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { section, maxLength, refs: new Map() }));
    group.refs.set(uid, ref);
  }
  return [...groups.values()];
}

/** Fetches and builds snippets for `items` (messages of the selected mailbox), keyed by UID. */
export async function fetchSnippets(
  client: SnippetClient,
  items: SnippetItem[],
  options: FetchSnippetsOptions = {},
): Promise<Map<number, string>> {
  const { textBytes = 2048, htmlBytes = 16 * 1024, batchSize = 500 } = options;
  const result = new Map<number, string>();
  for (const group of groupBySection(items, textBytes, htmlBytes, result)) {
    const uids = [...group.refs.keys()];
    for (let start = 0; start < uids.length; start += batchSize) {
      const batch = uids.slice(start, start + batchSize);
      const query = { uid: true, bodyParts: [{ key: group.section, start: 0, maxLength: group.maxLength }] };
      // fetchAll collects every row before we decode: no work runs inside the FETCH
      const rows = await client.fetchAll(batch, query, { uid: true });
      for (const row of rows) {
        const ref = group.refs.get(row.uid);
        // the answer is keyed by the lowercased section, without the <0> origin
        const raw = row.bodyParts?.get(group.section.toLowerCase());
        if (ref && raw) result.set(row.uid, snippetFromPrefix(raw, ref, group.maxLength));
      }
    }
  }
  return result;
}
