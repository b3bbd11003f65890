import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  clampWindowState,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  saveWindowState,
  windowStateOf,
  type Rect,
} from '../../electron/shell/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight: Rect = { x: 1440, y: -200, width: 2560, height: 1415 };

describe('clampWindowState', () => {
  it('keeps a window that is on a present display', () => {
    const state = { x: 100, y: 80, width: 1000, height: 700, maximized: false };
    expect(clampWindowState(state, [laptop])).toEqual(state);
  });

  it('keeps a window on a secondary display, even at negative coordinates', () => {
    const state = { x: 1600, y: -150, width: 1800, height: 1000, maximized: true };
    expect(clampWindowState(state, [laptop, monitorRight])).toEqual(state);
  });

  it('drops the position when the monitor it was on is gone, so the OS centres it', () => {
    const state = { x: 2000, y: 100, width: 1800, height: 1000, maximized: false };
    expect(clampWindowState(state, [laptop])).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('drops the position when only a sliver of the title bar would show', () => {
    expect(clampWindowState({ x: 1400, y: 10, width: 800, height: 600, maximized: false }, [laptop]).x).toBeUndefined();
    expect(clampWindowState({ x: -750, y: 10, width: 800, height: 600, maximized: false }, [laptop]).x).toBeUndefined();
    expect(clampWindowState({ x: 100, y: 860, width: 800, height: 600, maximized: false }, [laptop]).x).toBeUndefined();
  });

  it('keeps a window partly off screen when enough of its title bar can be grabbed', () => {
    const state = { x: -400, y: 100, width: 800, height: 600, maximized: false };
    expect(clampWindowState(state, [laptop])).toEqual(state);
  });

  it('moves a title bar above the top of the screen back down', () => {
    const work: Rect = { x: 0, y: 25, width: 1440, height: 850 };
    expect(clampWindowState({ x: 100, y: 0, width: 800, height: 600, maximized: false }, [work]).y).toBe(25);
  });

  it('shrinks a window larger than every display, and grows one below the minimum', () => {
    expect(clampWindowState({ width: 5000, height: 4000, maximized: false }, [laptop, monitorRight])).toEqual({
      width: 2560,
      height: 1415,
      maximized: false,
    });
    expect(clampWindowState({ width: 10, height: 10, maximized: false }, [laptop])).toEqual({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
      maximized: false,
    });
  });

  it('leaves the state alone when no display is known', () => {
    const state = { x: 5, y: 5, width: 900, height: 700, maximized: false };
    expect(clampWindowState(state, [])).toEqual(state);
  });
});

describe('parseWindowState', () => {
  it('accepts a saved state and rounds fractional pixels', () => {
    expect(parseWindowState({ x: 1.4, y: 2.6, width: 1000.5, height: 700, maximized: true })).toEqual({
      x: 1,
      y: 3,
      width: 1001,
      height: 700,
      maximized: true,
    });
  });

  it.each([
    null,
    'x',
    [],
    {},
    { width: '800', height: 600 },
    { width: NaN, height: 600 },
    { width: Infinity, height: 1 },
  ])('rejects %j', (value) => {
    expect(parseWindowState(value)).toBeNull();
  });

  it('drops a half position', () => {
    expect(parseWindowState({ x: 5, width: 800, height: 600 })).toEqual({ width: 800, height: 600, maximized: false });
  });
});

describe('loading and saving', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shell-window-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through the file', () => {
    const file = path.join(dir, 'state.json');
    saveWindowState(file, windowStateOf({ x: 10, y: 20, width: 900, height: 650 }, true));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 900, height: 650, maximized: true });
    expect(loadWindowState(file, [laptop])).toEqual({ x: 10, y: 20, width: 900, height: 650, maximized: true });
  });

  it('uses the defaults on first run or with a damaged file', () => {
    expect(loadWindowState(path.join(dir, 'missing.json'), [laptop])).toEqual(DEFAULT_WINDOW_STATE);
    const damaged = path.join(dir, 'damaged.json');
    writeFileSync(damaged, '{"width": 8');
    expect(loadWindowState(damaged, [laptop])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
