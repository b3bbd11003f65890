// Remembers the main window's size and position between runs (window-state.json in the
// profile). A saved position can point at a monitor that is gone, so it is checked against
// the displays present now before use.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };
export const MIN_WIDTH = 640;
export const MIN_HEIGHT = 400;
/** How much of the window must be on a screen for the user to grab it and move it back. */
const MIN_VISIBLE = { width: 160, height: 48 };

function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Reads what a previous run saved, accepting only well-formed numbers. */
export function parseWindowState(json: unknown): WindowState | null {
  if (typeof json !== 'object' || json === null) return null;
  const s = json as Record<string, unknown>;
  if (!isFiniteNumber(s.width) || !isFiniteNumber(s.height)) return null;
  const state: WindowState = {
    width: Math.round(s.width),
    height: Math.round(s.height),
    maximized: s.maximized === true,
  };
  if (isFiniteNumber(s.x) && isFiniteNumber(s.y)) {
    state.x = Math.round(s.x);
    state.y = Math.round(s.y);
  }
  return state;
}

/**
 * Makes a saved state fit the displays present now (their work areas; the first one is the
 * primary): the size shrinks to the largest display, and a position that would leave the
 * title bar off every screen is dropped so the OS centres the window.
 */
export function clampWindowState(state: WindowState, workAreas: Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { ...state };
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const width = Math.max(MIN_WIDTH, Math.min(state.width, maxWidth));
  const height = Math.max(MIN_HEIGHT, Math.min(state.height, maxHeight));
  const result: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return result;

  const x = state.x;
  const y = state.y;
  // the title bar strip is what the user needs to reach: enough of its width on a screen,
  // and its top no lower than one strip above that screen's bottom edge
  const area = workAreas.find((a) => {
    const visibleWidth = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const topInside = y > a.y - MIN_VISIBLE.height && y <= a.y + a.height - MIN_VISIBLE.height;
    return visibleWidth >= Math.min(MIN_VISIBLE.width, width) && topInside;
  });
  if (!area) return result;
  // a title bar above the top of the screen cannot be dragged: move it down onto the screen
  return { ...result, x, y: Math.max(y, area.y) };
}

export function loadWindowState(file: string, workAreas: Rect[]): WindowState {
  let saved: WindowState | null = null;
  try {
    saved = parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // first run, or a damaged file: the defaults are fine
  }
  return clampWindowState(saved ?? DEFAULT_WINDOW_STATE, workAreas);
}

/** Writes via a temporary file so a crash mid-write never leaves a half file. */
export function saveWindowState(file: string, state: WindowState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/** What to save for a window: its normal (un-maximised) bounds plus whether it is maximised. */
export function windowStateOf(normalBounds: Rect, maximized: boolean): WindowState {
  return { ...normalBounds, maximized };
}
