// Bundles the extra sync connection's thread (electron/core/imap/sync/fetch-thread-worker.ts) as
// fetch-thread.cjs into `outdir`, the folder of the engine bundle that starts it: the engine looks
// for it beside itself (fetch-thread.ts, threadScript). One definition for every build that runs
// the engine: scripts/build.mjs (dist/), scripts/bench.mjs and the integration tests' global setup.
// CommonJS with imapflow left in node_modules, as the engine's own bundles load it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildFetchThread(outdir) {
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/core/imap/sync/fetch-thread-worker.ts'],
    outfile: path.join(outdir, 'fetch-thread.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
