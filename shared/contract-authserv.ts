// The authserv-id an account trusts, set by the user (issue 20). Sender checks believe only the
// Authentication-Results header their own mail server added, named by its authserv-id; the engine
// learns that name from the IMAP host (electron/core/sender/authserv-id.ts), which fails where the
// receiving servers live under another name (Microsoft's omit it; a company's relay). Set here,
// it replaces the learned one for that account. Shaped like `methods` in contract.ts.
import { z } from 'zod';
import { accountIdSchema } from './schemas';

/** An authserv-id as RFC 8601 writes it: a host name or a token of its own, no spaces. */
export const authservIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,251}[A-Za-z0-9])?$/, 'Not a server name');

export const authservMethods = {
  /** The account's own authserv-id, or null: learned from its IMAP host. */
  'sender.authservId': {
    input: z.object({ accountId: accountIdSchema }),
    output: z.object({ authservId: z.string().nullable() }),
  },
  /** Sets it (null: back to the learned one); the next sender check of a message uses it. */
  'sender.setAuthservId': {
    input: z.object({ accountId: accountIdSchema, authservId: authservIdSchema.nullable() }),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;

export type AuthservMethodName = keyof typeof authservMethods;
