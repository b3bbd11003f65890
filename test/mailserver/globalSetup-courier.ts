import type { TestProject } from 'vitest/node';
import { imapServerView } from './imap-servers';
import { startMailServer } from './server';
import './provided';

/**
 * vitest globalSetup of the integration-courier project: the same test bed with Courier-IMAP
 * beside Dovecot, handed to the test files as seen through Courier (imapServerView), so the
 * files of the server matrix run unchanged against it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMailServer({ courier: true });
  project.provide('mailserver', imapServerView(server.info(), 'courier'));
  return async () => {
    await server.stop();
  };
}
