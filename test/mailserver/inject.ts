import { inject } from 'vitest';
import type { MailServerInfo } from './types';
import './provided';

export type { MailServerInfo, MailUser } from './types';

/** The mail server started by globalSetup.ts (plain data, shared by all test files). */
export function getMailServer(): MailServerInfo {
  const info = inject('mailserver');
  if (!info) {
    throw new Error('no mail server: run the tests with test/mailserver/globalSetup.ts as a vitest globalSetup');
  }
  return info;
}
