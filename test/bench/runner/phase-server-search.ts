// h-server: search with the server's half, on the engine that just synced the INBOX (its
// connection is up), before that engine is closed.
import { info } from '../report/figures';
import { median } from '../report/stats';
import { SERVER_QUERIES } from '../engine/server-search';
import type { BenchContext } from './context';
import { log } from './log';

export const SERVER_SEARCH_FIGURES = [
  {
    id: 'h-server',
    label: 'Search with server fallback: local answer + IMAP SEARCH of the INBOX + merged answer (median)',
    target: '—',
  },
];

export async function measureServerSearch(ctx: BenchContext): Promise<void> {
  log('h-server: local search, then messages.serverSearch, then the merged results');
  const samples = await ctx.engine.call('serverSearchQueries', { queries: SERVER_QUERIES });
  const totals = samples.map((s) => s.localMs + s.serverMs + s.mergedMs);
  const each = samples
    .map(
      (s) =>
        `${s.query}: local ${s.localMs.toFixed(1)} ms (${s.localTotal}), server ${s.serverMs.toFixed(0)} ms ` +
        `(${s.matched} matched, ${s.fetched} fetched), merged ${s.mergedMs.toFixed(1)} ms (${s.mergedTotal})`,
    )
    .join('; ');
  ctx.figures.push(
    info({
      id: SERVER_SEARCH_FIGURES[0]!.id,
      label: SERVER_SEARCH_FIGURES[0]!.label,
      value: median(totals),
      unit: 'ms',
      note: `${ctx.args.size.toLocaleString('en-US')} messages, Dovecot without an FTS plugin; ${each}`,
    }),
  );
  ctx.details.serverSearch = samples;
}
