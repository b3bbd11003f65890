// The UIDs of a folder that match a search, for sync: the rest of a first sync (every UID below
// the first screen) and the comparison that finds messages removed elsewhere (every UID).
//
// A plain UID SEARCH answers with every number spelled out: 50,000 numbers, ~300 KB in one line
// that imapflow's generic parser turns into 50,000 tokens on the engine's thread, just after the
// first screen, when the window asks for its first rows. Where the server has ESEARCH (RFC 4731;
// part of IMAP4rev2), SEARCH RETURN (ALL) answers with the same set in ranges ("1:49950" for a
// folder nobody deleted from), which is read here in a loop. A server without it gets the plain
// SEARCH, as before.
import type { ImapFlow, SearchObject } from 'imapflow';

/** Refused by the server (NO or BAD): never read as "no messages", which would drop the cache. */
export class UidSearchRefused extends Error {
  constructor() {
    super('The server refused to list the messages of the folder.');
    this.name = 'UidSearchRefused';
  }
}

type SearchClient = Pick<ImapFlow, 'search' | 'capabilities'>;

/** The UIDs matching `query` in the selected folder, in no particular order. */
export async function searchUidList(client: SearchClient, query: SearchObject): Promise<number[]> {
  if (client.capabilities.has('ESEARCH')) {
    const found = await client.search(query, { uid: true, returnOptions: ['all'] });
    if (found === false) throw new UidSearchRefused();
    // a server may answer a plain SEARCH after all (imapflow falls back): that list is the answer
    if (Array.isArray(found)) return found;
    return found?.all ? expandSequenceSet(found.all) : [];
  }
  const found = await client.search(query, { uid: true });
  if (found === false) throw new UidSearchRefused();
  return found ?? [];
}

/**
 * The numbers of a sequence set without "*" ("1:5,9,14:12"), each range in either order as RFC
 * 9051 allows. Anything else is a broken answer, and an error: a set read wrong would make sync
 * fetch or drop the wrong messages.
 */
export function expandSequenceSet(set: string): number[] {
  const out: number[] = [];
  for (const part of set.split(',')) {
    const match = /^(\d{1,10})(?::(\d{1,10}))?$/.exec(part);
    if (!match)
      throw new Error(`The server listed the messages in a form this app cannot read: "${set.slice(0, 80)}".`);
    const a = Number(match[1]);
    const b = match[2] === undefined ? a : Number(match[2]);
    if (a === 0 || b === 0 || a > 0xffffffff || b > 0xffffffff)
      throw new Error(`The server listed a message number out of range: "${part}".`);
    for (let n = Math.min(a, b); n <= Math.max(a, b); n++) out.push(n);
  }
  return out;
}
