// The status bar's offline-bodies line: accounts still downloading, summed; paused only when all are.
import { describe, expect, it } from 'vitest';
import { offlineBodiesSummary } from '../../renderer/status/OfflineBodiesStatus';

const p = (accountId: string, done: number, total: number, state: 'running' | 'paused' | 'done') => ({
  accountId,
  done,
  total,
  state,
});

describe('offline bodies summary', () => {
  it('sums the accounts still downloading and leaves out the finished ones', () => {
    const map = new Map([
      ['a', p('a', 100, 1_000, 'running')],
      ['b', p('b', 50, 200, 'paused')],
      ['c', p('c', 300, 300, 'done')],
    ]);
    expect(offlineBodiesSummary(map)).toEqual({ done: 150, total: 1_200, paused: false });
    map.set('a', p('a', 120, 1_000, 'paused'));
    expect(offlineBodiesSummary(map)).toEqual({ done: 170, total: 1_200, paused: true });
  });

  it('shows nothing once every period is stored', () => {
    expect(offlineBodiesSummary(new Map())).toBeNull();
    expect(offlineBodiesSummary(new Map([['a', p('a', 10, 10, 'running')]]))).toBeNull();
  });
});
