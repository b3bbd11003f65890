// Tear-down a test registers as it builds things (a core, a proxy, a temporary folder). After
// each test the steps run newest first, as things were built on one another, and every step
// runs even when one before it failed: one broken close must not leave servers running.
import { afterEach } from 'vitest';

export interface TestCleanup {
  push(step: () => unknown): void;
}

/** Call at the top of a test file; the returned list is emptied after every test. */
export function cleanupAfterEach(): TestCleanup {
  const steps: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse())
      await Promise.resolve()
        .then(step)
        .catch(() => undefined);
  });
  return { push: (step) => void steps.push(step) };
}
