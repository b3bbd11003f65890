// The engine's process lowers its own scheduling priority (electron/shell/engine-priority.ts):
// every listed thread on Linux, the process elsewhere, never below 19, never raised, and a refusal
// leaves the engine running as before. The real kernel's answer is checked in
// test/integration/engine-process.test.ts.
import { describe, expect, it } from 'vitest';
import {
  ENGINE_NICENESS,
  engineNiceness,
  lowerEnginePriority,
  type PriorityControl,
} from '../../electron/shell/engine-priority';

/** A process whose threads have their own niceness, as on Linux; id 0 is the calling thread. */
function fakeProcess(platform: NodeJS.Platform, threads: number[] | null, start = 0) {
  const niceness = new Map<number, number>([
    [0, start],
    ...(threads ?? []).map((id) => [id, start] as [number, number]),
  ]);
  const control: PriorityControl = {
    platform,
    threadIds: () => threads,
    getPriority: (id) => niceness.get(id) ?? start,
    setPriority: (id, priority) => {
      if (id === 13) throw new Error('ESRCH');
      niceness.set(id, priority);
    },
  };
  return { control, niceness };
}

describe('lowerEnginePriority', () => {
  it('lowers every thread on Linux, each one by itself, and says where it got to', () => {
    const { control, niceness } = fakeProcess('linux', [0, 101, 102, 13]);
    expect(lowerEnginePriority(10, control)).toBe(10);
    expect([0, 101, 102].map((id) => niceness.get(id))).toEqual([10, 10, 10]);
  });

  it('sets the process once where the priority is the process’s', () => {
    const { control, niceness } = fakeProcess('win32', null);
    expect(lowerEnginePriority(10, control)).toBe(10);
    expect([...niceness.keys()]).toEqual([0]);
  });

  it('adds to a niceness the shell already had, up to 19, the lowest', () => {
    expect(lowerEnginePriority(10, fakeProcess('linux', [0], 5).control)).toBe(15);
    expect(lowerEnginePriority(10, fakeProcess('linux', [0], 15).control)).toBe(19);
  });

  it('changes nothing for 0, and a refusal leaves the engine running as before', () => {
    const { control, niceness } = fakeProcess('linux', [0, 101]);
    expect(lowerEnginePriority(0, control)).toBeNull();
    expect([...niceness.values()]).toEqual([0, 0]);
    const refused: PriorityControl = {
      ...control,
      getPriority: () => {
        throw new Error('EACCES');
      },
    };
    expect(lowerEnginePriority(10, refused)).toBeNull();
  });
});

describe('engineNiceness', () => {
  it('is ENGINE_NICENESS unless MAIL_ENGINE_NICE names 0 to 19', () => {
    expect(engineNiceness({})).toBe(ENGINE_NICENESS);
    expect(engineNiceness({ MAIL_ENGINE_NICE: '' })).toBe(ENGINE_NICENESS);
    expect(engineNiceness({ MAIL_ENGINE_NICE: '0' })).toBe(0);
    expect(engineNiceness({ MAIL_ENGINE_NICE: '5' })).toBe(5);
    expect(engineNiceness({ MAIL_ENGINE_NICE: '-5' })).toBe(ENGINE_NICENESS);
    expect(engineNiceness({ MAIL_ENGINE_NICE: 'low' })).toBe(ENGINE_NICENESS);
  });
});
