// The engine's process entry (electron/engine.ts) bundled the way scripts/build.mjs bundles
// dist/engine.mjs, for tests that start the browser shell from its sources. `outDir` must be
// inside the project (.tmp/ is git-ignored) so the bundle's bare imports find node_modules. The
// extra sync connection's thread (fetch-thread.cjs) goes beside it, as build.mjs puts it.
import path from 'node:path';
import { build } from 'esbuild';
import { buildFetchThread } from '../../scripts/build-fetch-thread.mjs';

export async function buildEngineEntry(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'engine.mjs');
  await build({
    entryPoints: ['electron/engine.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  // beside it, as in dist/: the engine's extra sync connections run it
  await buildFetchThread(outDir);
  return outfile;
}
