import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing; integration tests get a real Dovecot + Postfix on
// 127.0.0.1, started once by the global setup and stopped by pid at teardown, pass or fail.
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
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/mailserver/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // two cores: more workers only fight over the CPU that Dovecot needs too
          maxWorkers: 2,
          // after the unit tests, not beside them: they need the CPU Dovecot and Postfix use
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
