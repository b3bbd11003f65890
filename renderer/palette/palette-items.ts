// What the palette offers and how it orders it. Pure: the items come in already translated,
// this filters them by mode, scores them against the query and puts recent choices first.
import { type FuzzyMatch, type PreparedText, fuzzyMatch, prepareText } from './fuzzy';

/**
 * 'all': commands, and folders and accounts once something is typed; the others are the
 * sub-lists "Go to folder…", "Move to…" and "Switch account…" open.
 */
export type PaletteMode = 'all' | 'folder' | 'move' | 'account';

export type PaletteItemKind = 'command' | 'mode' | 'folder' | 'move' | 'account';

export interface PaletteItem {
  /** Stable across sessions, for the recent list: "action:archive", "folder:12", "move:12". */
  id: string;
  kind: PaletteItemKind;
  label: string;
  /** Secondary text (the folder's account, the path). */
  detail?: string;
  /** For a 'mode' item: the sub-list it opens. */
  opens?: PaletteMode;
}

export interface PreparedItem<T extends PaletteItem = PaletteItem> {
  item: T;
  label: PreparedText;
  detail: PreparedText | null;
}

export interface RankedItem<T extends PaletteItem = PaletteItem> {
  item: T;
  /** Matched characters of the label, for highlighting. */
  indices: number[];
  recent: boolean;
}

export function prepareItems<T extends PaletteItem>(items: readonly T[]): PreparedItem<T>[] {
  return items.map((item) => ({
    item,
    label: prepareText(item.label),
    detail: item.detail ? prepareText(item.detail) : null,
  }));
}

function visibleIn(kind: PaletteItemKind, mode: PaletteMode, query: string): boolean {
  switch (mode) {
    case 'all':
      // Folders and accounts are many: they join the commands once the user types.
      return kind === 'command' || kind === 'mode' || ((kind === 'folder' || kind === 'account') && query !== '');
    case 'folder':
      return kind === 'folder';
    case 'move':
      return kind === 'move';
    case 'account':
      return kind === 'account';
  }
}

/** A match on the detail (the account of a folder) counts, but less than one on the label. */
const DETAIL_PENALTY = 6;
/** The most recent choice gets this much extra; older ones less. */
const RECENT_BONUS = 4;

export function rankItems<T extends PaletteItem>(
  prepared: readonly PreparedItem<T>[],
  mode: PaletteMode,
  query: string,
  recentIds: readonly string[],
  limit = 60,
): RankedItem<T>[] {
  const trimmed = query.trim();
  const recency = new Map(recentIds.map((id, index) => [id, index]));
  // A folder or account chosen recently is offered again before anything is typed.
  const candidates = prepared.filter(
    ({ item }) =>
      visibleIn(item.kind, mode, trimmed) ||
      (mode === 'all' && trimmed === '' && recency.has(item.id) && (item.kind === 'folder' || item.kind === 'account')),
  );

  if (trimmed === '') {
    // Recent choices first (most recent on top), then everything in its given order.
    const recent = candidates
      .filter(({ item }) => recency.has(item.id))
      .sort((a, b) => recency.get(a.item.id)! - recency.get(b.item.id)!);
    const rest = candidates.filter(({ item }) => !recency.has(item.id));
    return [...recent, ...rest]
      .slice(0, limit)
      .map(({ item }) => ({ item, indices: [], recent: recency.has(item.id) }));
  }

  const scored: { item: T; match: FuzzyMatch; order: number; recent: boolean }[] = [];
  candidates.forEach(({ item, label, detail }, order) => {
    let match = fuzzyMatch(trimmed, label);
    if (!match && detail) {
      const onDetail = fuzzyMatch(trimmed, detail);
      if (onDetail) match = { score: onDetail.score - DETAIL_PENALTY, indices: [] };
    }
    if (!match) return;
    const rank = recency.get(item.id);
    const bonus = rank === undefined ? 0 : RECENT_BONUS * (1 - rank / Math.max(1, recentIds.length));
    scored.push({ item, match: { ...match, score: match.score + bonus }, order, recent: rank !== undefined });
  });
  scored.sort((a, b) => b.match.score - a.match.score || a.order - b.order);
  return scored.slice(0, limit).map(({ item, match, recent }) => ({ item, indices: match.indices, recent }));
}
