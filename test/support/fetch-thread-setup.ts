// vitest globalSetup: the tests run the engine from its sources, where no fetch-thread.cjs lies
// beside it (electron/core/imap/sync/fetch-thread.ts), so the extra sync connection's thread is
// bundled here, as every build bundles it, and MAIL_FETCH_THREAD_SCRIPT tells the engine where
// (the test processes start after this and inherit it). Both integration projects list this
// setup: the bundle is made once per vitest process and removed after the last teardown.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFetchThread } from '../../scripts/build-fetch-thread.mjs';
import { FETCH_THREAD_ENV, FETCH_THREAD_FILE } from '../../electron/core/imap/sync/fetch-thread';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = path.join(root, '.tmp', `fetch-thread-${process.pid}`);

/** Setups whose teardown has not run yet, across the projects' copies of this module. */
const shared = globalThis as { fetchThreadSetups?: { users: number; built: Promise<void> } };

export default async function setup(): Promise<() => void> {
  shared.fetchThreadSetups ??= { users: 0, built: buildFetchThread(outdir) };
  const state = shared.fetchThreadSetups;
  state.users++;
  await state.built;
  process.env[FETCH_THREAD_ENV] = path.join(outdir, FETCH_THREAD_FILE);
  return () => {
    if (--state.users > 0) return;
    shared.fetchThreadSetups = undefined;
    delete process.env[FETCH_THREAD_ENV];
    rmSync(outdir, { recursive: true, force: true });
  };
}
