// g4: cold start on the synced profile, process start → first message row painted (see
// browser/cold-start.ts). Runs after g, when dist/ is built and no other shell holds the profile.
import { measureColdStart } from '../browser/cold-start';
import { launchChromium } from '../browser/launch';
import { atMost } from '../report/figures';
import { median } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';

const STARTS = 5;
/**
 * What a person waits from `npm run web` (the build already there) to their newest mail: the
 * shell opening the profile and listening, then a first paint (≤ 600 ms, g1) with the engine's
 * first queries answered by a process that is still starting its accounts' connections.
 */
const LIMIT_MS = 1_500;

export const COLD_START_FIGURES = [
  {
    id: 'g4',
    label: `Cold start: shell process start → first message row painted (median of ${STARTS})`,
    target: '≤ 1.50 s',
  },
] as const;

export async function measureColdStartPhase(ctx: BenchContext): Promise<void> {
  const { browser, close } = await launchChromium(ctx.cleanup);
  try {
    log(`g4: cold start, ${STARTS} starts of the browser shell`);
    const input = { root: ctx.root, profileDir: ctx.profileDir, caFile: ctx.bed.server.caFile, cleanup: ctx.cleanup };
    const starts = await measureColdStart(browser, input, STARTS);
    const each = (pick: (s: (typeof starts)[number]) => number) => starts.map((s) => pick(s).toFixed(0)).join(', ');
    ctx.figures.push(
      atMost({
        id: 'g4',
        label: `Cold start: shell process start → first message row painted (median of ${STARTS})`,
        value: median(starts.map((s) => s.coldMs)),
        unit: 'ms',
        limit: LIMIT_MS,
        note: `starts ${each((s) => s.coldMs)} ms; of which process start → address printed ${each((s) => s.shellReadyMs)} ms, navigation → first row ${each((s) => s.firstPaintMs)} ms`,
      }),
    );
    ctx.details.coldStart = starts;
  } finally {
    await close();
  }
}
