import { describe, expect, it } from 'vitest';
import { DEFAULT_UNDO_SECONDS, parseUndoSeconds } from '../../renderer/composer/undo-delay';

describe('the undo delay setting', () => {
  it('reads whole seconds from 0 to 30, and the default for anything else', () => {
    expect(parseUndoSeconds('0')).toBe(0);
    expect(parseUndoSeconds('30')).toBe(30);
    expect(parseUndoSeconds(' 12 ')).toBe(12);
    expect(DEFAULT_UNDO_SECONDS).toBe(5);
    for (const bad of [null, '', '31', '-1', '2.5', 'ten', '999'])
      expect(parseUndoSeconds(bad), String(bad)).toBe(DEFAULT_UNDO_SECONDS);
  });
});
