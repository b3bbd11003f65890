// The widths of the folder pane and the message list; the reading pane takes the rest.
// Pure so the limits are testable; the hook around it persists them.

export type PaneName = 'sidebar' | 'list';

export interface PaneWidths {
  sidebar: number;
  list: number;
}

export const PANE_LIMITS = {
  sidebar: { min: 180, max: 420 },
  list: { min: 280, max: 760 },
  readingMin: 320,
} as const;

export const DEFAULT_PANE_WIDTHS: PaneWidths = { sidebar: 232, list: 400 };

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** The largest width `pane` may take in a window `containerWidth` wide. */
export function maxWidth(pane: PaneName, widths: PaneWidths, containerWidth: number): number {
  const other = pane === 'sidebar' ? widths.list : widths.sidebar;
  const room = containerWidth - other - PANE_LIMITS.readingMin;
  return Math.max(PANE_LIMITS[pane].min, Math.min(PANE_LIMITS[pane].max, room));
}

export function clampWidths(widths: PaneWidths, containerWidth: number): PaneWidths {
  const sidebar = clamp(widths.sidebar, PANE_LIMITS.sidebar.min, PANE_LIMITS.sidebar.max);
  const withSidebar = { sidebar, list: widths.list };
  const list = clamp(widths.list, PANE_LIMITS.list.min, maxWidth('list', withSidebar, containerWidth));
  return { sidebar, list };
}

export function setPaneWidth(widths: PaneWidths, pane: PaneName, width: number, containerWidth: number): PaneWidths {
  const limit = maxWidth(pane, widths, containerWidth);
  return { ...widths, [pane]: clamp(width, PANE_LIMITS[pane].min, limit) };
}

/** Reads saved widths, falling back to the defaults for anything missing or malformed. */
export function parsePaneWidths(saved: string | null): PaneWidths {
  if (!saved) return DEFAULT_PANE_WIDTHS;
  try {
    const value: unknown = JSON.parse(saved);
    if (typeof value !== 'object' || value === null) return DEFAULT_PANE_WIDTHS;
    const record = value as Record<string, unknown>;
    return {
      sidebar: typeof record.sidebar === 'number' ? record.sidebar : DEFAULT_PANE_WIDTHS.sidebar,
      list: typeof record.list === 'number' ? record.list : DEFAULT_PANE_WIDTHS.list,
    };
  } catch {
    return DEFAULT_PANE_WIDTHS;
  }
}
