// The engine's heap mode (shell/engine-memory.ts): for speed while a large header sync runs, for
// size (with one full GC) when the last one ends or its account stops; small syncs change
// nothing. And the flags it sets are ones this Node knows: V8 ignores an unknown one at run time
// with only a line on stderr, so a renamed flag would silently undo the mode.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EngineMemoryMode, FOR_SIZE, FOR_SPEED, LARGE_SYNC_MESSAGES } from '../../electron/shell/engine-memory';

/** The mode with a heap that records what was asked of it. */
function recorded() {
  const calls: string[] = [];
  const mode = new EngineMemoryMode({ setFlags: (flags) => calls.push(flags), gc: () => calls.push('gc') });
  return { mode, calls };
}

const progress = (accountId: string, mailbox: string, done: number, total: number) => ({
  accountId,
  mailbox,
  done,
  total,
});

describe('engine memory mode', () => {
  it('runs a large sync for speed and returns to size, with a full GC, when it ends', () => {
    const { mode, calls } = recorded();
    const total = 100_000;
    mode.progress(progress('a', 'INBOX', 1_000, total));
    expect(calls).toEqual([FOR_SPEED]);
    for (let done = 2_000; done < total; done += 1_000) mode.progress(progress('a', 'INBOX', done, total));
    expect(calls).toEqual([FOR_SPEED]);
    mode.progress(progress('a', 'INBOX', total, total));
    expect(calls).toEqual([FOR_SPEED, FOR_SIZE, 'gc']);
  });

  it('leaves the heap alone for a sync of fewer messages than a large one', () => {
    const { mode, calls } = recorded();
    const total = LARGE_SYNC_MESSAGES - 1;
    mode.progress(progress('a', 'INBOX', 0, total));
    mode.progress(progress('a', 'INBOX', total, total));
    // the rest of a large sync, resumed after a restart with little left, is small too
    mode.progress(progress('a', 'INBOX', 96_000, 100_000));
    mode.progress(progress('a', 'INBOX', 100_000, 100_000));
    expect(calls).toEqual([]);
  });

  it('returns to size only when the last of several large syncs ends', () => {
    const { mode, calls } = recorded();
    mode.progress(progress('a', 'INBOX', 0, 50_000));
    mode.progress(progress('b', 'INBOX', 0, 80_000));
    mode.progress(progress('a', 'INBOX', 50_000, 50_000));
    expect(calls).toEqual([FOR_SPEED]);
    mode.progress(progress('b', 'INBOX', 80_000, 80_000));
    expect(calls).toEqual([FOR_SPEED, FOR_SIZE, 'gc']);
  });

  it('returns to size when the account of a large sync stops short (offline, signed out)', () => {
    const { mode, calls } = recorded();
    mode.progress(progress('a', 'INBOX', 0, 50_000));
    mode.accountStopped('b');
    expect(calls).toEqual([FOR_SPEED]);
    mode.accountStopped('a');
    expect(calls).toEqual([FOR_SPEED, FOR_SIZE, 'gc']);
    mode.accountStopped('a');
    expect(calls).toHaveLength(3);
  });

  it('sets flags this Node knows, and exposes a full GC at run time', () => {
    const script = `
      const v8 = require('node:v8');
      const vm = require('node:vm');
      v8.setFlagsFromString(${JSON.stringify(FOR_SPEED)});
      v8.setFlagsFromString(${JSON.stringify(FOR_SIZE)});
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc');
      gc();
      process.stdout.write(typeof gc);
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('function');
  });
});
