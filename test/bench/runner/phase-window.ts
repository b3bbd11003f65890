// e: the message-list window query on a 100,000-message mailbox, in a worker of its own, and
// the same list in conversation mode (conversations.window) once the mailbox is threaded.
import { atMost } from '../report/figures';
import { median, summary } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';
import { tempDir } from './temp-dir';
import { startEngineWorker } from './worker-client';
import { ORDERED_CASES, type OrderedCase } from '../engine/window';
import path from 'node:path';

export const WINDOW_ROWS = 100_000;
const OFFSETS = [0, 1_000, 10_000, 50_000, 90_000, WINDOW_ROWS - 50];

const MESSAGE_WINDOW_FIGURES = OFFSETS.map((offset) => ({
  id: `e@${offset}`,
  label: `messages.window, 50 rows at offset ${offset.toLocaleString('en-US')} of 100,000 (median)`,
  target: '≤ 5 ms',
}));

/** The conversation-mode window: the top, 1,000 and 10,000 conversations down, the last page. */
const CONVERSATION_POSITIONS = ['top', '1,000', '10,000', 'last page'];
const CONVERSATION_WINDOW_FIGURES = CONVERSATION_POSITIONS.map((position, i) => ({
  id: `e-conv@${i}`,
  label: `conversations.window, 50 conversations at ${position} (100,000 messages, median)`,
  target: '≤ 5 ms',
}));

/** Every figure of phase e: the message list's window, then the conversation mode's. */
export const WINDOW_FIGURES = [...MESSAGE_WINDOW_FIGURES, ...CONVERSATION_WINDOW_FIGURES];

const ORDERED_LABELS: Record<OrderedCase, string> = {
  'sender@0': 'sorted by sender, 50 rows at offset 0 of 100,000 (median)',
  'sender@50000': 'sorted by sender, 50 rows at offset 50,000 of 100,000 (median)',
  'subject-desc@90000': 'sorted by subject Z–A, 50 rows at offset 90,000 of 100,000 (median)',
  'unread@0': 'unread filter, first 50 rows, counted again after a flag change (median)',
  'starred-by-size@0': 'starred filter sorted by size, first 50 rows, counted again after a flag change (median)',
};

export const ORDERED_FIGURES = (Object.keys(ORDERED_CASES) as OrderedCase[]).map((name) => ({
  id: `e-${name}`,
  label: `messages.window ${ORDERED_LABELS[name]}`,
  target: '≤ 5 ms',
}));

export async function measureWindow(ctx: BenchContext): Promise<void> {
  log(`e: filling a ${WINDOW_ROWS.toLocaleString('en-US')}-message profile and timing messages.window`);
  const dataDir = tempDir(ctx.cleanup, 'mail-bench-window-');
  const worker = await startEngineWorker('window', ctx.cleanup);
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
          id: MESSAGE_WINDOW_FIGURES[i]!.id,
          label: MESSAGE_WINDOW_FIGURES[i]!.label,
          value: median(samples),
          unit: 'ms',
          limit: 5,
          note: `p95 ${summary(samples).p95} ms over ${samples.length} calls through service.call (zod + count + window)`,
        }),
      );
    }
    const offsets = Object.keys(result.conversationSamples);
    for (const [i, offset] of offsets.entries()) {
      const samples = result.conversationSamples[offset] ?? [];
      const figure = CONVERSATION_WINDOW_FIGURES[i]!;
      ctx.figures.push(
        atMost({
          id: figure.id,
          label: `${figure.label.replace(/ \(100,000/, ` (offset ${Number(offset).toLocaleString('en-US')} of ${result.conversations.toLocaleString('en-US')}; 100,000`)}`,
          value: median(samples),
          unit: 'ms',
          limit: 5,
          note: `p95 ${summary(samples).p95} ms; threading all 100,000 took ${(result.threadMs / 1000).toFixed(1)} s`,
        }),
      );
    }
    for (const [i, name] of (Object.keys(ORDERED_CASES) as OrderedCase[]).entries()) {
      const samples = result.ordered[name] ?? [];
      ctx.figures.push(
        atMost({
          id: ORDERED_FIGURES[i]!.id,
          label: ORDERED_FIGURES[i]!.label,
          value: median(samples),
          unit: 'ms',
          limit: 5,
          note: `p95 ${summary(samples).p95} ms over ${samples.length} calls; sorted by its own index; unread or starred alone counted by the folder's kept count, other filtered counts and narrow filters by the date index`,
        }),
      );
    }
    ctx.details.window = result;
  } finally {
    await worker.stop();
  }
}
