// A page read again (a first sync re-reads the visible pages twice a second) keeps the row
// objects that did not change, so the memoized rows on screen skip their render: a fresh copy of
// the same header is a new object, and a memo compares by identity.
import type { MessageHeader } from '../../shared/domain';

/** Equality of plain data as the transport delivers it: primitives, arrays and plain objects. */
export function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!samePlainData(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  for (const key of aKeys) {
    if (!Object.hasOwn(bRecord, key) || !samePlainData(aRecord[key], bRecord[key])) return false;
  }
  return true;
}

/** `next`, with each row equal to the previous copy of the same message replaced by that copy. */
export function keepUnchangedRows(
  previous: readonly MessageHeader[] | undefined,
  next: MessageHeader[],
): MessageHeader[] {
  if (!previous || previous.length === 0) return next;
  const byId = new Map(previous.map((row) => [row.id, row]));
  return next.map((row) => {
    const before = byId.get(row.id);
    return before && samePlainData(before, row) ? before : row;
  });
}
