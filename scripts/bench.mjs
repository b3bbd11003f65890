// `npm run bench -- [--size N] [--no-browser] [--cpu-prof]`: the benchmark suite (test/bench/).
// Bundles its TypeScript with esbuild into .tmp/bench-<pid>/ (inside the repository, so the
// bundle's imports resolve from node_modules), runs it with this Node and removes the bundle
// afterwards. The arguments pass through; Ctrl+C reaches the bench, which cleans up and exits.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildFetchThread } from './build-fetch-thread.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, '.tmp', `bench-${process.pid}`);
const removeBundle = () => rmSync(outdir, { recursive: true, force: true });

try {
  await build({
    absWorkingDir: root,
    entryPoints: { run: 'test/bench/run.ts', 'engine-worker': 'test/bench/engine-worker.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // the engine worker's extra sync connections start it from beside the bundle
  await buildFetchThread(outdir);
} catch (error) {
  removeBundle();
  console.error(`npm run bench: could not bundle test/bench: ${error.message}`);
  process.exit(1);
}

const child = spawn(
  process.execPath,
  ['--enable-source-maps', path.join(outdir, 'run.mjs'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_ROOT: root, BENCH_WORKER: path.join(outdir, 'engine-worker.mjs') },
  },
);
// A terminal's Ctrl+C reaches the bench directly (same process group); a signal sent to this
// process alone is passed on. Either way this process waits for the bench to clean up.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  removeBundle();
  process.exit(code ?? (signal ? 130 : 1));
});
