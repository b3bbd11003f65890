// r, the measurement: while the side channel's first sync runs, the bench reads with j (k on the way
// back, so it stays among the messages whose bodies are cached) and scrolls the list in bursts,
// round after round, until the sync has stored its last batch. Only presses and frames that began
// before that moment count.
import type { Page } from '@playwright/test';
import { keyLatencyProbe, scrollProbe, type KeySample } from './page-probes';
import type { BurstTracer } from './during-sync-trace';
import { sideSync, type SideSync } from './side-channel';

export interface DuringSyncResult {
  /**
   * `sentAtUs`: when the bench sent the press, on the monotonic clock (process.hrtime) that V8's CPU
   * profiles and Chrome's traces also use, so a slow press can be found in the engine's --cpu-prof.
   */
  keys: (KeySample & { key: 'j' | 'k'; sentAtUs: number })[];
  frames: number[];
  /** The sync's progress when the first press came and when the last measurement ended. */
  progressAtStart: SideSync;
  progressAtEnd: SideSync;
  rounds: number;
}

type KeysWindow = { __benchKeys?: { samples: KeySample[] } };

/** Presses per direction: fewer than the prewarmed bodies, so j never waits on a body fetch. */
const PRESSES_PER_RUN = 100;
const PRESSES_PER_ROUND = 25;
const REST_MS = 100;
/** A scroll burst per round: 1,000 rows, 10 a frame in bursts of 20 frames (the g3 pattern, shorter). */
const SCROLL_BURST = { rows: 1_000, rowsPerFrame: 10, burstFrames: 20, pauseMs: 150 };

const syncing = (s: SideSync) => s.finishedAt === null && s.error === null;

export async function measureDuringSync(
  page: Page,
  timeoutMs: number,
  tracer?: BurstTracer,
): Promise<DuringSyncResult> {
  const keys: DuringSyncResult['keys'] = [];
  const frames: number[] = [];
  const progressAtStart = await sideSync(page);
  const deadline = Date.now() + timeoutMs;
  let key: 'j' | 'k' = 'j';
  let inRun = 0;
  let rounds = 0;
  let state = progressAtStart;
  while (syncing(state)) {
    if (Date.now() > deadline) throw new Error(`the first sync did not finish in ${timeoutMs / 1000} s`);
    rounds++;
    const pressing = key;
    await page.evaluate(keyLatencyProbe, pressing);
    const sentAtUs: number[] = [];
    for (let i = 0; i < PRESSES_PER_ROUND && syncing(state); i++) {
      sentAtUs.push(Number(process.hrtime.bigint() / 1000n));
      await page.keyboard.press(pressing);
      await page.waitForFunction((n) => ((window as KeysWindow).__benchKeys?.samples.length ?? 0) > n, i, {
        timeout: 15_000,
      });
      await page.waitForTimeout(REST_MS);
      state = await sideSync(page);
      if (++inRun === PRESSES_PER_RUN) {
        key = key === 'j' ? 'k' : 'j';
        inRun = 0;
        break;
      }
    }
    const pressed = await page.evaluate(() => (window as KeysWindow).__benchKeys!.samples);
    keys.push(...pressed.map((sample, i) => ({ ...sample, key: pressing, sentAtUs: sentAtUs[i] ?? Number.NaN })));
    if (!syncing(state)) break;
    const burst = async () => (await page.evaluate(scrollProbe, SCROLL_BURST)).frames;
    frames.push(...(tracer ? await tracer.trace(burst) : await burst()));
    state = await sideSync(page);
  }
  if (state.error) throw new Error(`the side channel failed: ${state.error}`);
  return { keys, frames, progressAtStart, progressAtEnd: state, rounds };
}
