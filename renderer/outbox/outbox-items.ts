// The outbox as the user sees it, kept from outbox.list and the 'outbox.changed' events: what
// is waiting, scheduled, on its way and failed. Pure, so the rules are tested without a page.
import type { OutboxItem } from '../../shared/compose';

/**
 * scheduled: send later, before its time; waiting: the undo delay, or waiting for the network
 * or a retry (with the last problem in `error`); sending: with the server; failed: refused for
 * good, with the server's words.
 */
export type OutboxStatus = 'scheduled' | 'waiting' | 'sending' | 'failed';

export function outboxStatus(item: OutboxItem): OutboxStatus {
  if (item.state === 'failed') return 'failed';
  if (item.state === 'sending' || item.state === 'sent-smtp') return 'sending';
  // A scheduled message stays "scheduled" through the network's hiccups after its time too:
  // the user chose the time, and retries never move it earlier.
  if (item.scheduledFor !== null && item.attempts === 0) return 'scheduled';
  return 'waiting';
}

/** Items leave the list once done or taken back. */
export function isListed(item: OutboxItem): boolean {
  return item.state !== 'done' && item.state !== 'cancelled';
}

/** The list after an event: the item replaced in place, added at the end, or removed. */
export function applyOutboxChange(items: readonly OutboxItem[], changed: OutboxItem): OutboxItem[] {
  const at = items.findIndex((item) => item.id === changed.id);
  if (!isListed(changed)) return at < 0 ? [...items] : items.filter((item) => item.id !== changed.id);
  if (at < 0) return [...items, changed].sort((a, b) => a.id - b.id);
  const next = [...items];
  next[at] = changed;
  return next;
}

/**
 * An item that just failed (the event that moved it to 'failed'): the notice after the undo
 * window speaks of these, not of items that were failed already when the page loaded.
 */
export function newlyFailed(before: readonly OutboxItem[], changed: OutboxItem): boolean {
  if (changed.state !== 'failed') return false;
  return before.find((item) => item.id === changed.id)?.state !== 'failed';
}
