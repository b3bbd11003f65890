// `npm run web -- [--profile DIR] [--port N] [--host ADDR]`: the browser shell.
// Rebuilds only what is older than its sources (the shell with esbuild, the UI with Vite),
// then runs dist/web.mjs in this process. Build output goes to stderr: stdout carries exactly
// one line, "Mail web shell: http://127.0.0.1:N/#token=...", for whoever waits on it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', 'dist', '.git']);

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest modification time of any file under `dirs` (and of `files`). */
function newest(dirs, files = []) {
  let latest = Math.max(0, ...files.map(mtime));
  const stack = dirs.map((d) => path.join(root, d));
  while (stack.length > 0) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (SKIP.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else latest = Math.max(latest, mtime(full));
    }
  }
  return latest;
}

const lockFile = path.join(root, 'package-lock.json');
const webOut = path.join(root, 'dist', 'web.mjs');
// the engine's process, built with the shell: a missing one (a dist/ from before it) is stale too
const engineOut = path.join(root, 'dist', 'engine.mjs');
// and the thread of its extra sync connections (without it an account syncs over one connection)
const threadOut = path.join(root, 'dist', 'fetch-thread.cjs');
const uiOut = path.join(root, 'dist', 'renderer', 'index.html');

const steps = [];
if (Math.min(mtime(webOut), mtime(engineOut), mtime(threadOut)) < newest(['electron', 'shared'], [lockFile]))
  steps.push('web');
if (
  existsSync(path.join(root, 'renderer', 'vite.config.ts')) &&
  mtime(uiOut) < newest(['renderer', 'shared'], [lockFile])
) {
  steps.push('renderer');
}
for (const step of steps) {
  const result = spawnSync(process.execPath, [path.join('scripts', 'build.mjs'), step], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// dist/web.mjs reads process.argv itself: the arguments after `npm run web --` pass through
await import(pathToFileURL(webOut).href);
