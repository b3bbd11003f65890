import type { MailServerInfo } from './types';

// What globalSetup hands to the test files through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    mailserver: MailServerInfo;
  }
}

export {};
