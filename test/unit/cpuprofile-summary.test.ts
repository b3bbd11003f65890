// scripts/cpuprofile-summary.mjs: a V8 CPU profile summed by function, over the whole run or
// only the span where a named function is on the stack (the header sync in the engine's profile).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/cpuprofile-summary.mjs');
const dir = mkdtempSync(path.join(os.tmpdir(), 'cpuprofile-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const frame = (functionName: string, url = 'file:///app/engine-worker.mjs', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
  scriptId: '1',
});

/**
 * (root) → fetchRows → toHeaderRecord; (root) → indexer; (root) → (idle). Samples, 1 ms apart
 * (each sample's time is the delta to the next): indexer, idle, fetchRows, toHeaderRecord,
 * fetchRows, toHeaderRecord, indexer, then a last sample that ends the run.
 */
function writeProfile(): string {
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 5] },
      { id: 2, callFrame: frame('fetchRows', 'file:///app/engine-worker.mjs', 9), children: [3] },
      { id: 3, callFrame: frame('toHeaderRecord', 'file:///app/engine-worker.mjs', 99) },
      { id: 4, callFrame: frame('indexer', 'file:///work/node_modules/search/index.js', 4) },
      { id: 5, callFrame: frame('(idle)', '') },
    ],
    startTime: 0,
    endTime: 8000,
    samples: [4, 5, 2, 3, 2, 3, 4, 4],
    timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
  };
  const file = path.join(dir, 'engine.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

function summary(...args: string[]): string {
  const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('cpuprofile-summary', () => {
  const file = writeProfile();

  it('sums self time by function over the whole profile, idle apart, largest first (ties as first seen)', () => {
    const lines = summary(file).trim().split('\n');
    expect(lines[0]).toBe(`${file}: busy 6 ms, idle 1 ms`);
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/))).toEqual([
      ['2.0', 'ms', '33.3', '%', 'indexer', 'search/index.js:5'],
      ['2.0', 'ms', '33.3', '%', 'fetchRows', 'engine-worker.mjs:10'],
      ['2.0', 'ms', '33.3', '%', 'toHeaderRecord', 'engine-worker.mjs:100'],
    ]);
  });

  it('counts with --during only the span from the first to the last sample with that function on the stack', () => {
    const lines = summary(file, '--during', 'toHeaderRecord').trim().split('\n');
    // samples 3 to 5 (toHeaderRecord, fetchRows, toHeaderRecord): the indexer before and after is left out
    expect(lines[0]).toBe(`${file}: busy 3 ms, idle 0 ms (during toHeaderRecord)`);
    expect(lines.slice(1).map((line) => line.trim().split(/\s+/)[4])).toEqual(['toHeaderRecord', 'fetchRows']);
  });

  it('sums by script with --by file, and keeps --top rows', () => {
    const lines = summary(file, '--by', 'file', '--top', '1').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.trim().split(/\s+/)).toEqual(['4.0', 'ms', '66.7', '%', 'engine-worker.mjs']);
  });

  it('refuses a --during no sample matches, and a call without a file', () => {
    const none = spawnSync(process.execPath, [SCRIPT, file, '--during', 'nothingLikeThis'], { encoding: 'utf8' });
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('no sample has nothingLikeThis on its stack');
    const usage = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(usage.status).not.toBe(0);
    expect(usage.stderr).toContain('usage: cpuprofile-summary.mjs');
  });
});
