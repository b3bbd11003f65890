// The POP3 part of the contract: an account's POP3 options, changed after setup (they are given
// at setup with accounts.create's settings). Shaped like `methods` in contract.ts, which spreads
// these in.
import { z } from 'zod';
import { accountIdSchema, accountSchema, pop3OptionsSchema } from './schemas';

export const pop3Methods = {
  /**
   * Whether a POP3 account leaves mail on the server, removes it N days after download, removes
   * what is deleted here; applies from the next check. 'not-found' for an account that is not POP3.
   */
  'accounts.setPop3Options': {
    input: z.object({ accountId: accountIdSchema, options: pop3OptionsSchema }),
    output: accountSchema,
  },
} as const;

export type Pop3MethodName = keyof typeof pop3Methods;
