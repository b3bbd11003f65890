// The search part of the contract beyond the local search (messages.search in contract.ts): the
// server's half, run after the local results show. Shaped exactly like `methods` in contract.ts,
// which spreads these in.
import { z } from 'zod';
import { accountIdSchema, searchScopeSchema } from './schemas';
import { SEARCH_QUERY_MAX_LENGTH } from './search-query';

const ok = z.object({ ok: z.literal(true) });

export const serverSearchOutcomeSchema = z.enum(['done', 'partial', 'offline', 'cancelled', 'skipped']);

export const searchMethods = {
  /**
   * Searches the server of each account in scope, folder by folder, with the same query:
   * headers of hits the cache lacks are fetched and stored, and from then on messages.search
   * with this query and scope lists every hit (marked foundOnServer where only the server
   * matched). A new call, or messages.cancelServerSearch, ends the one under way ('cancelled').
   * 'skipped': the query has no word the server could add hits for; 'offline': no folder could
   * be searched; 'partial': some could not.
   */
  'messages.serverSearch': {
    input: z.object({ query: z.string().max(SEARCH_QUERY_MAX_LENGTH), scope: searchScopeSchema }),
    output: z.object({
      outcome: serverSearchOutcomeSchema,
      matched: z.number().int(),
      fetched: z.number().int(),
      searchedFolders: z.number().int(),
      unreachableFolders: z.number().int(),
    }),
  },
  'messages.cancelServerSearch': { input: z.object({}), output: ok },
} as const;

export type SearchMethodName = keyof typeof searchMethods;
export type ServerSearchOutcome = z.infer<typeof serverSearchOutcomeSchema>;

/** How far back an account's bodies are downloaded for offline reading and search. */
export const OFFLINE_PERIODS = ['off', '30', '90', '365', 'all'] as const;
export const offlinePeriodSchema = z.enum(OFFLINE_PERIODS);
export type OfflinePeriod = z.infer<typeof offlinePeriodSchema>;
export const DEFAULT_OFFLINE_PERIOD: OfflinePeriod = '90';

export const offlineBodiesMethods = {
  /** Each account's period (the default, 90 days, for an account never set). */
  'offlineBodies.settings': {
    input: z.object({}),
    output: z.array(z.object({ accountId: accountIdSchema, period: offlinePeriodSchema })),
  },
  'offlineBodies.setPeriod': {
    input: z.object({ accountId: accountIdSchema, period: offlinePeriodSchema }),
    output: ok,
  },
} as const;

export const offlineBodiesProgressSchema = z.object({
  accountId: accountIdSchema,
  /** Messages in the period whose body is stored, of all in the period. */
  done: z.number().int(),
  total: z.number().int(),
  /** 'paused': the user is working or a sync runs; it goes on by itself. */
  state: z.enum(['running', 'paused', 'done']),
});

export const searchEvents = {
  'offlineBodies.progress': offlineBodiesProgressSchema,
} as const;

export type OfflineBodiesMethodName = keyof typeof offlineBodiesMethods;
