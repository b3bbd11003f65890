// renderer/accounts/status-snapshot.ts: a snapshot of the accounts' states read while an event
// changed one must not set that state back (the account stuck at "Connecting…" though online).
import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../shared/domain';
import { StatusSnapshots } from '../../renderer/accounts/status-snapshot';

const status = (accountId: string, state: AccountStatus['state']): AccountStatus => ({ accountId, state });

describe('StatusSnapshots', () => {
  it('keeps a state heard while the snapshot was read over the snapshot', () => {
    const snapshots = new StatusSnapshots();
    const mark = snapshots.mark();
    snapshots.hear(status('a1', 'online'));
    const merged = snapshots.merge([status('a1', 'connecting'), status('a2', 'offline')], mark);
    expect(merged.get('a1')?.state).toBe('online');
    expect(merged.get('a2')?.state).toBe('offline');
  });

  it('takes the snapshot over what was heard before it was read', () => {
    const snapshots = new StatusSnapshots();
    snapshots.hear(status('a1', 'connecting'));
    const mark = snapshots.mark();
    expect(snapshots.merge([status('a1', 'online')], mark).get('a1')?.state).toBe('online');
  });

  it('leaves out an account the snapshot no longer has (removed meanwhile)', () => {
    const snapshots = new StatusSnapshots();
    const mark = snapshots.mark();
    snapshots.hear(status('a3', 'online'));
    expect(snapshots.merge([status('a1', 'online')], mark).has('a3')).toBe(false);
  });
});
