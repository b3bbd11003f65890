// Local search (h): a mailbox filled from the synced INBOX (as for the window query, e), its
// snippets copied too; the indexer timed over all of it, then realistic queries timed through
// service.call. The words come from the mail itself, so they match what is there.
import { performance } from 'node:perf_hooks';
import type { Address } from '../../../shared/domain';
import { searchTokens } from '../../../shared/search-query';
import { SearchIndexer } from '../../../electron/core/search/search-indexer';
import { Store } from '../../../electron/core/store/store';
import { openSession } from './engine-session';
import { fillProfile, readSource, type SourceRow } from './window';

export type QueryKind = 'word' | 'twoWords' | 'from' | 'phrase' | 'rareWord';

export interface SearchResult {
  rows: number;
  fillMs: number;
  /** The indexer over every row of the filled mailbox, in one go. */
  indexMs: number;
  queries: { kind: QueryKind; query: string; total: number; samples: number[] }[];
}

type Row = SourceRow & { snippet: string | null };

/** Words of 4+ letters (a person types words, not "re" or "the"), counted over the subjects. */
function subjectWordCounts(rows: readonly Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows)
    for (const word of new Set(searchTokens(row.subject).filter((w) => w.length >= 4 && !/^\d+$/u.test(w))))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Each kind a few times over, with different words, spread from common to uncommon. */
export function realisticQueries(rows: readonly Row[], perKind: number): { kind: QueryKind; query: string }[] {
  const counts = subjectWordCounts(rows);
  const byFrequency = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  const spread = (list: readonly string[]) =>
    Array.from({ length: Math.min(perKind, list.length) }, (_, i) => list[Math.floor((i * list.length) / perKind)]!);
  const out: { kind: QueryKind; query: string }[] = [];
  // single words among the 50 most used: what people look for ("invoice", "meeting")
  for (const word of spread(byFrequency.slice(0, 50))) out.push({ kind: 'word', query: word });
  // the least used words (generated mail repeats its vocabulary: "rare" is relative)
  for (const word of spread(byFrequency.slice(-20))) out.push({ kind: 'rareWord', query: word });
  const senders = new Map<string, number>();
  for (const row of rows)
    for (const from of JSON.parse(row.from_json) as Address[]) {
      const local = from.address.split('@')[0]?.toLowerCase();
      if (local) senders.set(local, (senders.get(local) ?? 0) + 1);
    }
  const topSenders = [...senders.entries()].sort((a, b) => b[1] - a[1]).map(([local]) => local);
  for (const local of spread(topSenders.slice(0, 20))) out.push({ kind: 'from', query: `from:${local}` });
  // two words and a phrase from real subjects, so they have hits
  const subjects = rows
    .map((row) => {
      const tokens = searchTokens(row.subject);
      // a phrase is two words side by side in the subject: a short word between two long ones
      // ("week at acme") made "week acme", which is no phrase of it (found nothing at 1M)
      const at = tokens.findIndex((w, i) => i > 0 && w.length >= 3 && (tokens[i + 1]?.length ?? 0) >= 3);
      return { words: tokens.filter((w) => w.length >= 3), phrase: at > 0 ? `${tokens[at]} ${tokens[at + 1]}` : null };
    })
    .filter(({ words, phrase }) => words.length >= 3 && phrase !== null);
  for (let i = 0; i < Math.min(perKind, subjects.length); i++) {
    const { words, phrase } = subjects[Math.floor((i * subjects.length) / perKind)]!;
    out.push({ kind: 'twoWords', query: `${words[0]} ${words[2]}` });
    out.push({ kind: 'phrase', query: `"${phrase}"` });
  }
  return out;
}

export async function searchQueries(input: {
  sourceDb: string;
  dataDir: string;
  rows: number;
  perKind: number;
  repeats: number;
}): Promise<SearchResult> {
  const source = readSource(input.sourceDb) as Row[];
  const t0 = performance.now();
  const inbox = await fillProfile(input.dataDir, source, input.rows);
  const store = Store.open(input.dataDir);
  let fillMs: number;
  let indexMs: number;
  try {
    // the newest synced messages have previews: their copies get them too
    const snippets = new Map<number, string>();
    for (let i = 0; i < input.rows; i++) {
      const snippet = source[i % source.length]!.snippet;
      if (snippet) snippets.set(i + 1, snippet);
    }
    store.transaction(() => store.messages.setSnippets(inbox, snippets));
    fillMs = performance.now() - t0;
    const started = performance.now();
    new SearchIndexer(store.db).catchUp();
    indexMs = performance.now() - started;
  } finally {
    store.close();
  }
  const session = await openSession(input.dataDir, { offline: true });
  try {
    const queries: SearchResult['queries'] = [];
    for (const { kind, query } of realisticQueries(source, input.perKind)) {
      const call = () =>
        session.service.call('messages.search', {
          query,
          scope: { kind: 'mailbox', mailboxId: inbox },
          offset: 0,
          limit: 50,
        });
      const first = await call(); // warm: the statement caches and pages of this query
      const samples: number[] = [];
      for (let i = 0; i < input.repeats; i++) {
        const start = performance.now();
        await call();
        samples.push(performance.now() - start);
      }
      if (first.total === 0) throw new Error(`the ${kind} query ${query} found nothing`);
      queries.push({ kind, query, total: first.total, samples });
    }
    return { rows: input.rows, fillMs, indexMs, queries };
  } finally {
    await session.close();
  }
}
