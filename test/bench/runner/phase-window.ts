// e: the message-list window query on a 100,000-message mailbox, in a worker of its own.
import { atMost } from '../report/figures';
import { median, summary } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';
import { tempDir } from './temp-dir';
import { startWorker } from './worker-client';
import path from 'node:path';

export const WINDOW_ROWS = 100_000;
const OFFSETS = [0, 1_000, 10_000, 50_000, 90_000, WINDOW_ROWS - 50];

export const WINDOW_FIGURES = OFFSETS.map((offset) => ({
  id: `e@${offset}`,
  label: `messages.window, 50 rows at offset ${offset.toLocaleString('en-US')} of 100,000 (median)`,
  target: '≤ 5 ms',
}));

export async function measureWindow(ctx: BenchContext): Promise<void> {
  log(`e: filling a ${WINDOW_ROWS.toLocaleString('en-US')}-message profile and timing messages.window`);
  const dataDir = tempDir(ctx.cleanup, 'mail-bench-window-');
  const worker = await startWorker('window', ctx.cleanup);
  try {
    const result = await worker.call('windowQueries', {
      sourceDb: path.join(ctx.profileDir, 'mail.db'),
      dataDir,
      rows: WINDOW_ROWS,
      offsets: OFFSETS,
      repeats: 30,
    });
    for (const [i, offset] of OFFSETS.entries()) {
      const samples = result.samples[String(offset)] ?? [];
      ctx.figures.push(
        atMost({
          id: WINDOW_FIGURES[i]!.id,
          label: WINDOW_FIGURES[i]!.label,
          value: median(samples),
          unit: 'ms',
          limit: 5,
          note: `p95 ${summary(samples).p95} ms over ${samples.length} calls through service.call (zod + count + window)`,
        }),
      );
    }
    ctx.details.window = result;
  } finally {
    await worker.stop();
  }
}
