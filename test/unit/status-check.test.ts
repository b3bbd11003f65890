// When an unwatched folder's STATUS answer calls for a sync: new mail, expunges and, with
// CONDSTORE, flag changes show in it; without CONDSTORE the flags are compared on a timer.
import { describe, expect, it } from 'vitest';
import { needsSync } from '../../electron/core/imap/sync/status-check';

const known = { total: 5, uidNext: 10, highestModseq: null };
const minute = 60_000;
const fresh = { comparedAt: 0, now: minute, everyMs: 15 * minute };

describe('needsSync', () => {
  it('syncs a folder whose UIDNEXT or message count changed', () => {
    expect(needsSync({ messages: 5, uidNext: 11 }, known, fresh)).toBe(true);
    expect(needsSync({ messages: 4, uidNext: 10 }, known, fresh)).toBe(true);
  });

  it('with CONDSTORE, follows HIGHESTMODSEQ alone', () => {
    const withModseq = { ...known, highestModseq: '40' };
    expect(needsSync({ messages: 5, uidNext: 10, highestModseq: 41n }, withModseq, fresh)).toBe(true);
    expect(needsSync({ messages: 5, uidNext: 10, highestModseq: 40n }, withModseq, fresh)).toBe(false);
    // The flag timer does not apply: HIGHESTMODSEQ already tells of every flag change.
    const late = { ...fresh, now: 60 * minute };
    expect(needsSync({ messages: 5, uidNext: 10, highestModseq: 40n }, withModseq, late)).toBe(false);
  });

  it('without CONDSTORE, syncs an unchanged folder once its flags were last compared a period ago', () => {
    const same = { messages: 5, uidNext: 10 };
    expect(needsSync(same, known, fresh)).toBe(false);
    expect(needsSync(same, known, { ...fresh, now: 15 * minute - 1 })).toBe(false);
    expect(needsSync(same, known, { ...fresh, now: 15 * minute })).toBe(true);
    // Never compared in this session (after a reconnect): at the first check.
    expect(needsSync(same, known, { ...fresh, comparedAt: undefined })).toBe(true);
  });
});
