// A set of ids that keeps its identity while its members stay the same, for hook dependencies.
// The folders a list shows are recomputed whenever the folder list is read again (every
// unread-count change), but everything keyed on them (the store's change filter, opening each
// folder in the core) must only react when the folders themselves change; likewise a message's
// inline images are looked up on every render, but its frame is drawn again only when another
// one has arrived.
import { useState } from 'react';

function sameMembers<T>(set: ReadonlySet<T>, ids: readonly T[]): boolean {
  return set.size === new Set(ids).size && ids.every((id) => set.has(id));
}

export function useStableIdSet<T>(ids: readonly T[]): ReadonlySet<T> {
  const [set, setSet] = useState<ReadonlySet<T>>(() => new Set(ids));
  // Adjusted during render (React's pattern for state derived from props): the render that sees
  // new members is redone at once with the new set, before anything below it renders.
  if (!sameMembers(set, ids)) {
    const next = new Set(ids);
    setSet(next);
    return next;
  }
  return set;
}
