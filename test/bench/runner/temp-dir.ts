// A temporary folder removed by the cleanup (pass, fail or Ctrl+C).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Cleanup } from './cleanup';

export function tempDir(cleanup: Cleanup, prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  cleanup.add({ name: `temp folder ${dir}`, run: remove, kill: remove });
  return dir;
}
