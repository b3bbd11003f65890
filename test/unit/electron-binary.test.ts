// `npm start` without the Electron binary: found when it is there, null (and the one-line
// message) when it is not, the way an offline or locked-down install leaves node_modules.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (run by node without a build); its JSDoc gives the types
import { electronBinary, NO_ELECTRON_MESSAGE } from '../../scripts/electron-binary.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'electron-binary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function electronPackage(name: string, options: { pathTxt?: string; binary?: boolean }): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  if (options.pathTxt !== undefined) writeFileSync(path.join(root, 'path.txt'), options.pathTxt);
  if (options.binary) writeFileSync(path.join(root, 'dist', options.pathTxt ?? 'electron'), '');
  return root;
}

describe('electronBinary', () => {
  it('finds the executable path.txt names', () => {
    const root = electronPackage('installed', { pathTxt: 'electron', binary: true });
    expect(electronBinary(root, {})).toBe(path.join(root, 'dist', 'electron'));
  });

  it('answers null when the download never happened or left no executable', () => {
    expect(electronBinary(electronPackage('never', {}), {})).toBeNull();
    expect(electronBinary(electronPackage('half', { pathTxt: 'electron' }), {})).toBeNull();
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH', () => {
    const custom = path.join(dir, 'custom');
    mkdirSync(custom);
    writeFileSync(path.join(custom, 'electron'), '');
    expect(electronBinary(electronPackage('override', {}), { ELECTRON_OVERRIDE_DIST_PATH: custom })).toBe(
      path.join(custom, 'electron'),
    );
  });

  it('npm start on this machine (no binary) prints the one line and exits 1, with no stack trace', () => {
    if (electronBinary(path.resolve('node_modules/electron'), process.env)) return; // a machine with Electron
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      encoding: 'utf8',
      timeout: 60_000,
      // no network for the download attempt: fail fast, as offline
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', npm_config_proxy: 'http://127.0.0.1:9' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(NO_ELECTRON_MESSAGE);
    expect(run.stdout).toBe('');
  });
});
