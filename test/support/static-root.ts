// A built renderer in a temporary folder, for the tests of the shells' file serving: an index
// page, two assets (one with a space in its name), and a secret beside the root that only a
// path escape or a symlink out of it could reach. Removed when the file's tests end.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** Registers the folder's creation and removal; `root()` is the served folder once created. */
export function useStaticRoot(): { root: () => string } {
  let base = '';
  let root = '';
  beforeAll(() => {
    base = mkdtempSync(path.join(tmpdir(), 'shell-static-'));
    root = path.join(base, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Mail</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'a b.css'), 'body{}');
    writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
    symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  return { root: () => root };
}
