// A live view's re-reads: soon after a lone change, spaced out while a first sync pours batches
// in, at once for the batch that completes the folder.
import { describe, expect, it } from 'vitest';
import { RereadPacer } from '../../renderer/app/reread-pacer';

describe('RereadPacer', () => {
  it('reads a lone change after the quiet delay, whenever the last read was', () => {
    const pacer = new RereadPacer(60, 500);
    expect(pacer.delay({}, 1_000)).toBe(60);
    pacer.reading(1_060);
    // new mail right after a read is not held back: only a first sync's batches are spaced
    expect(pacer.delay({}, 1_100)).toBe(60);
    expect(pacer.delay({ firstSync: false }, 1_100)).toBe(60);
  });

  it("spaces a first sync's batches burstMs after the last read", () => {
    const pacer = new RereadPacer(60, 500);
    expect(pacer.delay({ firstSync: true }, 0)).toBe(60);
    pacer.reading(60);
    expect(pacer.delay({ firstSync: true }, 200)).toBe(360);
    expect(pacer.delay({ firstSync: true }, 530)).toBe(60);
    pacer.reading(590);
    expect(pacer.delay({ firstSync: true }, 600)).toBe(490);
  });

  it('reads the batch that completes the folder at once, with no quiet delay, once', () => {
    const pacer = new RereadPacer(60, 500);
    pacer.reading(1_000);
    pacer.progress(49_000, 50_000);
    expect(pacer.delay({ firstSync: true }, 1_100)).toBe(400);
    pacer.progress(50_000, 50_000);
    expect(pacer.delay({ firstSync: true }, 1_100)).toBe(0);
    // the next sync's batches are spaced again
    expect(pacer.delay({ firstSync: true }, 1_100)).toBe(400);
    // a change that is no first sync's reads at the quiet pace even then, and ends the finish
    pacer.progress(50_000, 50_000);
    expect(pacer.delay({}, 1_100)).toBe(60);
    expect(pacer.delay({ firstSync: true }, 1_100)).toBe(400);
  });
});
