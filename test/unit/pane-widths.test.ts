import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PANE_WIDTHS,
  PANE_LIMITS,
  clampWidths,
  parsePaneWidths,
  setPaneWidth,
} from '../../renderer/layout/pane-widths';

describe('pane widths', () => {
  it('keeps each pane within its limits and leaves room for the reading pane', () => {
    expect(setPaneWidth(DEFAULT_PANE_WIDTHS, 'sidebar', 10, 1400).sidebar).toBe(PANE_LIMITS.sidebar.min);
    expect(setPaneWidth(DEFAULT_PANE_WIDTHS, 'sidebar', 5000, 1400).sidebar).toBe(PANE_LIMITS.sidebar.max);
    const list = setPaneWidth(DEFAULT_PANE_WIDTHS, 'list', 5000, 1100).list;
    expect(list).toBe(1100 - DEFAULT_PANE_WIDTHS.sidebar - PANE_LIMITS.readingMin);
  });

  it('shrinks the list when the window shrinks', () => {
    const widths = clampWidths({ sidebar: 300, list: 700 }, 1000);
    expect(widths.sidebar).toBe(300);
    expect(widths.list).toBe(1000 - 300 - PANE_LIMITS.readingMin);
  });

  it('reads saved widths defensively', () => {
    expect(parsePaneWidths('{"sidebar":250,"list":420}')).toEqual({ sidebar: 250, list: 420 });
    expect(parsePaneWidths('{"sidebar":"wide"}')).toEqual(DEFAULT_PANE_WIDTHS);
    expect(parsePaneWidths('not json')).toEqual(DEFAULT_PANE_WIDTHS);
    expect(parsePaneWidths(null)).toEqual(DEFAULT_PANE_WIDTHS);
  });
});
