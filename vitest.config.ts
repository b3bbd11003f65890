import { defineConfig } from 'vitest/config';

// Three projects: unit tests need nothing; integration tests get a real Dovecot + Postfix on
// 127.0.0.1, started once by the global setup and stopped by pid at teardown, pass or fail; the
// server matrix runs the suites for sync, actions, sending, drafts and search once more with
// Courier-IMAP as the IMAP server (test/mailserver/README.md).
const integration = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // two cores: more workers only fight over the CPU that Dovecot needs too
  maxWorkers: 2,
} as const;

/**
 * The integration files that also run against Courier (the server matrix). SERVER_MATRIX=0 leaves
 * them out (the Courier test bed's own tests still run) for a quicker local run.
 */
const SERVER_MATRIX_FILES =
  process.env.SERVER_MATRIX === '0'
    ? []
    : [
        'test/integration/core-sync.test.ts',
        'test/integration/core-offline.test.ts',
        'test/integration/sending.test.ts',
        'test/integration/drafts.test.ts',
        'test/integration/search.test.ts',
        'test/integration/reopen-folder-list.test.ts',
        'test/integration/resync-streamed-flags.test.ts',
        'test/integration/fast-fetch.test.ts',
        'test/integration/uid-search.test.ts',
      ];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...integration,
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/courier/**'],
          globalSetup: ['test/mailserver/globalSetup.ts', 'test/support/fetch-thread-setup.ts'],
          // after the unit tests, not beside them: they need the CPU Dovecot and Postfix use
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          ...integration,
          name: 'integration-courier',
          include: [...SERVER_MATRIX_FILES, 'test/integration/courier/**/*.test.ts'],
          globalSetup: ['test/mailserver/globalSetup-courier.ts', 'test/support/fetch-thread-setup.ts'],
          // after the Dovecot run: both on two cores at once would slow each other down
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
