// The engine process's V8 flags: the defaults every engine gets (both shells, the bench), the
// user's MAIL_ENGINE_FLAGS after them, and flags this Node accepts (a misspelled one would make
// the engine's process refuse to start).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ENGINE_V8_FLAGS, engineFlags } from '../../electron/shell/engine-flags';

describe('engine flags', () => {
  it('gives every engine the default flags, with nothing set', () => {
    expect(engineFlags({})).toEqual([...ENGINE_V8_FLAGS]);
    expect(engineFlags({ MAIL_ENGINE_FLAGS: '' })).toEqual([...ENGINE_V8_FLAGS]);
  });

  it("puts MAIL_ENGINE_FLAGS after the defaults, so the user's flag wins, and drops words that are not flags", () => {
    const flags = engineFlags({ MAIL_ENGINE_FLAGS: '  --cpu-prof  stray --optimize-for-size ' });
    expect(flags).toEqual([...ENGINE_V8_FLAGS, '--cpu-prof', '--optimize-for-size']);
  });

  it('are flags this Node starts with, with the memory setting the docs name', () => {
    const flags = engineFlags({ MAIL_ENGINE_FLAGS: '--optimize-for-size' });
    const run = spawnSync(process.execPath, [...flags, '-p', 'JSON.stringify(process.execArgv)'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([...flags, '-p', 'JSON.stringify(process.execArgv)']);
  });
});
