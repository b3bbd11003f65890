import type { TestProject } from 'vitest/node';
import { startMailServer } from './server';
import './provided';

/**
 * vitest globalSetup: one Dovecot + Postfix for the whole run. The teardown
 * runs whether tests passed or failed; if vitest itself dies, server.ts's
 * exit and signal hooks still stop the daemons.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMailServer();
  project.provide('mailserver', server.info());
  return async () => {
    await server.stop();
  };
}
