import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../shared/compose';
import { applyOutboxChange, newlyFailed, outboxStatus } from '../../renderer/outbox/outbox-items';

const item = (change: Partial<OutboxItem> = {}): OutboxItem => ({
  id: 1,
  accountId: 'acc',
  messageId: '<m@x>',
  subject: 'Plans',
  recipients: ['a@example.com'],
  state: 'queued',
  sendAt: 1_000,
  attempts: 0,
  error: null,
  rejected: [],
  draftId: null,
  createdAt: 0,
  scheduledFor: null,
  ...change,
});

describe('what the outbox says of a message', () => {
  it('tells a scheduled message from one in its undo delay or waiting for a retry', () => {
    expect(outboxStatus(item())).toBe('waiting');
    expect(outboxStatus(item({ scheduledFor: 5_000, sendAt: 5_000 }))).toBe('scheduled');
    // Its time came and the network failed: it now waits like any other, no longer "scheduled".
    expect(outboxStatus(item({ scheduledFor: 5_000, attempts: 1, error: 'Cannot reach' }))).toBe('waiting');
    expect(outboxStatus(item({ state: 'sending' }))).toBe('sending');
    expect(outboxStatus(item({ state: 'sent-smtp' }))).toBe('sending');
    expect(outboxStatus(item({ state: 'failed', error: '554 no' }))).toBe('failed');
  });
});

describe('keeping the list from events', () => {
  it('replaces an item in place, adds a new one in order, and drops one that is done or taken back', () => {
    const list = [item({ id: 1 }), item({ id: 3 })];
    expect(applyOutboxChange(list, item({ id: 3, state: 'sending' })).map((i) => [i.id, i.state])).toEqual([
      [1, 'queued'],
      [3, 'sending'],
    ]);
    expect(applyOutboxChange(list, item({ id: 2 })).map((i) => i.id)).toEqual([1, 2, 3]);
    expect(applyOutboxChange(list, item({ id: 1, state: 'done' })).map((i) => i.id)).toEqual([3]);
    expect(applyOutboxChange(list, item({ id: 3, state: 'cancelled' })).map((i) => i.id)).toEqual([1]);
    expect(applyOutboxChange(list, item({ id: 9, state: 'done' })).map((i) => i.id)).toEqual([1, 3]);
  });

  it('speaks of a failure once: when a message becomes failed, not when a failed one changes again', () => {
    const before = [item({ id: 1, state: 'sending' }), item({ id: 2, state: 'failed', error: 'x' })];
    expect(newlyFailed(before, item({ id: 1, state: 'failed', error: '554' }))).toBe(true);
    expect(newlyFailed(before, item({ id: 2, state: 'failed', error: 'y' }))).toBe(false);
    expect(newlyFailed(before, item({ id: 1, state: 'queued' }))).toBe(false);
    expect(newlyFailed([], item({ id: 5, state: 'failed' }))).toBe(true);
  });
});
