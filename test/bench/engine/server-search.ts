// Search with the server's half (h-server): on the synced engine, each query answered locally,
// then by messages.serverSearch (IMAP SEARCH of the INBOX on the bench's Dovecot, which has no
// full-text index: it reads every message), then locally again with the server's hits merged.
import { performance } from 'node:perf_hooks';
import type { EngineSession } from './engine-session';

export interface ServerSearchSample {
  query: string;
  localMs: number;
  serverMs: number;
  mergedMs: number;
  localTotal: number;
  matched: number;
  fetched: number;
  mergedTotal: number;
}

/** Words of the generated bodies (a few past any snippet), a phrase, and a word nowhere. */
export const SERVER_QUERIES = ['thursday', 'backlog', '"migration plan"', 'zebrafish'];

export async function serverSearchQueries(
  session: EngineSession,
  input: { queries: readonly string[] },
): Promise<ServerSearchSample[]> {
  const inbox = session.inboxId();
  if (inbox === null) throw new Error('no INBOX synced');
  const scope = { kind: 'mailbox' as const, mailboxId: inbox };
  const local = (query: string) => session.service.call('messages.search', { query, scope, offset: 0, limit: 50 });
  const out: ServerSearchSample[] = [];
  for (const query of input.queries) {
    let t = performance.now();
    const first = await local(query);
    const localMs = performance.now() - t;
    t = performance.now();
    const server = await session.service.call('messages.serverSearch', { query, scope });
    const serverMs = performance.now() - t;
    if (server.outcome !== 'done') throw new Error(`server search of ${query}: ${server.outcome}`);
    t = performance.now();
    const merged = await local(query);
    const mergedMs = performance.now() - t;
    out.push({
      query,
      localMs,
      serverMs,
      mergedMs,
      localTotal: first.total,
      matched: server.matched,
      fetched: server.fetched,
      mergedTotal: merged.total,
    });
  }
  return out;
}
