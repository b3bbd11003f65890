// Builds the app once and starts one test mail server for the whole e2e run. Each test gets its
// own browser shell and mail user (see fixtures.ts), so tests never share state.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startMailServer } from '../mailserver/server';

export const SERVER_INFO_FILE = path.resolve('test-results/e2e-mailserver.json');

export default async function globalSetup(): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const server = await startMailServer();
  mkdirSync(path.dirname(SERVER_INFO_FILE), { recursive: true });
  writeFileSync(SERVER_INFO_FILE, JSON.stringify(server.info()));
  return async () => {
    await server.stop();
  };
}
