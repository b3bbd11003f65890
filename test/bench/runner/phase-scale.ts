// s: does a large mailbox cost what a small one does, per message? The list window at offsets
// across the whole synced mailbox (not the 100,000-row copy of e), and — in a run of another size
// than 100,000 — each per-message figure beside the last 100k run's (bench/results-100000.json):
// within 10 % of it, or inside the figure's own target, whichever is looser.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { atLeast, atMost, type Figure, type Unit } from '../report/figures';
import { resultsFileFor, type BenchResults } from '../report/results-file';
import { median, summary } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';
import { tempDir } from './temp-dir';
import { startEngineWorker } from './worker-client';

/** The run every other size is compared with. */
export const SCALE_BASE = 100_000;
/** How far a per-message figure may drift from the base run's. */
const DRIFT = 0.1;

interface Compared {
  id: string;
  /** The figure of both runs it compares. */
  from: string;
  what: string;
  /** Lower is better (a time, a size) or higher is (a rate). */
  better: 'lower' | 'higher';
  /** The figure's own target, when it has one: the looser of the two limits is the limit. */
  target?: number;
}

const COMPARED: readonly Compared[] = [
  { id: 's-rate', from: 'a6', what: 'engine header sync rate', better: 'higher' },
  { id: 's-bytes', from: 'f3', what: 'mail.db bytes per message', better: 'lower', target: 2048 },
  { id: 's-rss', from: 'f1', what: 'engine RSS after sync', better: 'lower', target: 300 },
  { id: 's-list', from: 's-window', what: 'slowest list window of the whole mailbox', better: 'lower', target: 5 },
  { id: 's-search', from: 'h', what: 'local search of the whole mailbox', better: 'lower', target: 50 },
  { id: 's-first50', from: 'b', what: 'first 50 headers in the store', better: 'lower', target: 500 },
  { id: 's-resync', from: 'c1', what: 'resync of the unchanged INBOX', better: 'lower', target: 300 },
];

const versus = (size: number) => `${size.toLocaleString('en-US')} vs ${SCALE_BASE.toLocaleString('en-US')}`;

export function scaleFigures(size: number) {
  return [
    {
      id: 's-window',
      label: `messages.window, 50 rows anywhere in all ${size.toLocaleString('en-US')}`,
      target: '≤ 5 ms',
    },
    ...(size === SCALE_BASE
      ? []
      : COMPARED.map((c) => ({
          id: c.id,
          label: `Scale ${versus(size)}: ${c.what}`,
          target: 'within 10 % or target',
        }))),
  ];
}

/** The window query at the top, the middle and the last page of the synced mailbox itself. */
async function measureWholeWindow(ctx: BenchContext): Promise<Figure> {
  const size = ctx.args.size;
  const offsets = [0, Math.floor(size / 2), size - 50];
  log(`s: messages.window across all ${size.toLocaleString('en-US')} messages (offsets ${offsets.join(', ')})`);
  const worker = await startEngineWorker('scale-window', ctx.cleanup);
  try {
    const result = await worker.call('windowQueries', {
      sourceDb: path.join(ctx.profileDir, 'mail.db'),
      dataDir: tempDir(ctx.cleanup, 'mail-bench-scale-'),
      rows: size,
      offsets,
      repeats: 30,
    });
    const medians = offsets.map((offset) => median(result.samples[String(offset)] ?? []));
    const worst = Math.max(...medians);
    const at = offsets[medians.indexOf(worst)]!;
    return atMost({
      id: 's-window',
      label: scaleFigures(size)[0]!.label,
      value: worst,
      unit: 'ms',
      limit: 5,
      note:
        `the slowest median of offsets ${offsets.map((o, i) => `${o.toLocaleString('en-US')}: ${medians[i]!.toFixed(2)}`).join(', ')} ms ` +
        `(p95 at ${at.toLocaleString('en-US')}: ${summary(result.samples[String(at)] ?? []).p95} ms); filled in ${(result.fillMs / 1000).toFixed(0)} s`,
    });
  } finally {
    await worker.stop();
  }
}

/** One per-message figure of this run beside the base run's. */
function compare(c: Compared, size: number, now: Figure | undefined, base: Figure | undefined): Figure {
  const label = `Scale ${versus(size)}: ${c.what}`;
  const value = now?.value ?? Number.NaN;
  const was = base?.value ?? Number.NaN;
  const unit: Unit = now?.unit ?? base?.unit ?? 'ms';
  const note = `${SCALE_BASE.toLocaleString('en-US')}: ${base?.shown ?? 'n/a'} (${c.from}); this run: ${now?.shown ?? 'n/a'}`;
  if (c.better === 'higher') return atLeast({ id: c.id, label, value, unit, limit: was * (1 - DRIFT), note });
  const limit = Math.max(was * (1 + DRIFT), c.target ?? 0);
  return atMost({ id: c.id, label, value, unit, limit, note: `${note}; limit the looser of +10 % and the target` });
}

export async function measureScale(ctx: BenchContext): Promise<void> {
  const size = ctx.args.size;
  ctx.figures.push(await measureWholeWindow(ctx));
  if (size === SCALE_BASE) return;
  const file = resultsFileFor(ctx.root, SCALE_BASE);
  if (!existsSync(file))
    throw new Error(
      `no ${path.relative(ctx.root, file)}: run npm run bench -- --size ${SCALE_BASE} --only c,h,s first`,
    );
  const base = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  const find = (figures: readonly Figure[], id: string) => figures.find((f) => f.id === id && f.value !== null);
  for (const c of COMPARED) ctx.figures.push(compare(c, size, find(ctx.figures, c.from), find(base.figures, c.from)));
  ctx.details.scale = { base: path.relative(ctx.root, file), baseStartedAt: base.startedAt };
}
