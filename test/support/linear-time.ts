// Timing checks for hostile input: what a crafted message costs must stay close to what ordinary
// text of the same length costs, whatever the machine's speed.
import { expect } from 'vitest';

/** Milliseconds `run` takes (the best of three, so one scheduler hiccup does not count). */
export function elapsed(run: () => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Hostile input must cost about what ordinary input of the same length costs. The bound is loose
 * (50 ms, or 20 times the ordinary input on a slow machine); the quadratic paths it guards took
 * seconds to minutes on the inputs the tests use.
 */
export function expectLinear(hostile: () => unknown, ordinary: () => unknown): void {
  const baseline = elapsed(ordinary);
  expect(elapsed(hostile)).toBeLessThan(Math.max(50, 20 * baseline));
}
