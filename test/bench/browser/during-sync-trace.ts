// `--cpu-prof` for figure r: each scroll burst during the sync under a Chrome trace (timeline and
// the V8 sampling profiler), keeping the trace of the burst with the longest frame, written to
// .tmp/bench-profiles/ (open it in DevTools' Performance panel). Tracing slows the page down, so
// with it the r figures are for finding the long frame, not for judging it.
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
];

export class BurstTracer {
  private worstFrameMs = 0;

  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly file: string,
  ) {}

  /** Runs `burst` under a trace; keeps the trace when its longest frame is the longest so far. */
  async trace(burst: () => Promise<number[]>): Promise<number[]> {
    await this.browser.startTracing(this.page, { categories: CATEGORIES });
    let frames: number[] = [];
    try {
      frames = await burst();
    } finally {
      const buffer = await this.browser.stopTracing();
      const longest = Math.max(0, ...frames);
      if (longest > this.worstFrameMs) {
        this.worstFrameMs = longest;
        writeFileSync(this.file, buffer);
      }
    }
    return frames;
  }

  get longestFrameMs(): number {
    return this.worstFrameMs;
  }
}
