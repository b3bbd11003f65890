// Server settings after setup: an account's user name, IMAP and SMTP servers (host, port,
// security) and sign-in method can change, but only after a connection test with the new
// settings passed, so a typo never leaves an account unable to sync. Shaped like `methods` in
// contract.ts, which spreads these in.
import { z } from 'zod';
import { connectionSettingsSchema, connectionTestResultSchema } from './discovery';
import { accountIdSchema, accountSchema } from './schemas';

const serversInput = z.object({
  accountId: accountIdSchema,
  settings: connectionSettingsSchema,
  /**
   * A password to sign in with instead of what the account uses now: a new one, or the way from
   * OAuth2 to an app password. Left out, the account's own sign-in is used (its stored password
   * or its OAuth2 token).
   */
  password: z.string().min(1).max(10_000).optional(),
  /** The user confirmed a cleartext login to a host that is not this computer. */
  plaintextConfirmed: z.boolean().optional(),
});

export const serverSettingsMethods = {
  /** Tests the settings (one IMAP and one SMTP sign-in) without saving anything. */
  'accounts.testServers': { input: serversInput, output: connectionTestResultSchema },
  /**
   * Tests, then saves when both servers accepted. Another IMAP server (host, port or user name)
   * means other mailboxes: the account's cached mail and queued actions are dropped and it syncs
   * from the start; drafts and the outbox stay.
   */
  'accounts.updateServers': {
    input: serversInput,
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), account: accountSchema, resynced: z.boolean() }),
      z.object({ outcome: z.literal('test-failed'), test: connectionTestResultSchema }),
    ]),
  },
} as const;

export type ServerSettingsMethodName = keyof typeof serverSettingsMethods;
