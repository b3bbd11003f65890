// The conversations part of the contract: the list in conversation mode (one row per
// conversation in a folder, or in a unified view), the messages of one conversation for the
// stacked reading pane, and the messages an action on conversation rows applies to.
// Shaped exactly like `methods` in contract.ts, which spreads these in.
import { z } from 'zod';
import { addressSchema, mailboxIdSchema, messageHeaderSchema, searchScopeSchema } from './schemas';
import { SEARCH_QUERY_MAX_LENGTH } from './search-query';

/** Search hits grouped into conversations at most: the newest ones. */
export const SEARCH_CONVERSATION_HITS = 1000;

export const conversationIdSchema = z.number().int().positive();

/** What a conversation row shows beyond its newest message in the folder. */
export const conversationSummarySchema = z.object({
  id: conversationIdSchema,
  /** Its messages in this folder: what an action on the row applies to. */
  count: z.number().int(),
  /** Its messages in every folder of the account (your replies in Sent too), each Message-ID once. */
  total: z.number().int(),
  /** Unread messages of it in this folder. */
  unread: z.number().int(),
  /** Whether any of its messages in this folder is starred. */
  flagged: z.boolean(),
  /** Its senders, oldest first, each once (a few: the row shows names). */
  participants: z.array(addressSchema),
});

/** A row of the list in conversation mode: the conversation's newest message in the folder, and the whole. */
export const conversationRowSchema = messageHeaderSchema.extend({ conversation: conversationSummarySchema });

const windowArgs = { offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) };
const conversationWindow = z.object({ total: z.number().int(), messages: z.array(conversationRowSchema) });

export const conversationMethods = {
  /** One folder as conversations, newest conversation first (by date only). */
  'conversations.window': {
    input: z.object({ mailboxId: mailboxIdSchema, ...windowArgs }),
    output: conversationWindow,
  },
  /** The unified view of one role across every account, as conversations. */
  'conversations.unifiedWindow': {
    input: z.object({ role: z.enum(['inbox', 'sent', 'drafts']), ...windowArgs }),
    output: conversationWindow,
  },
  /**
   * Search results as conversations (shared/search-query.ts has the query language): the
   * conversations of the newest hits (at most SEARCH_CONVERSATION_HITS of them), each standing
   * for its newest hit, in that order. A hit not threaded yet is a row of its own, without
   * `conversation`.
   */
  'conversations.search': {
    input: z.object({
      query: z.string().max(SEARCH_QUERY_MAX_LENGTH),
      scope: searchScopeSchema,
      ...windowArgs,
    }),
    output: z.object({
      total: z.number().int(),
      messages: z.array(z.union([conversationRowSchema, messageHeaderSchema])),
    }),
  },
  /**
   * The messages of one conversation, oldest first, for the stacked reading pane: those in every
   * folder of its account but Trash and Junk (unless `mailboxId` is one of those), each Message-ID
   * once, the copy in `mailboxId` preferred.
   */
  'conversations.messages': {
    input: z.object({ id: conversationIdSchema, mailboxId: mailboxIdSchema }),
    output: z.array(messageHeaderSchema),
  },
  /**
   * The messages of these conversations in these folders, newest first: what an action on their
   * rows moves or flags (and what its undo puts back as it was).
   */
  'conversations.members': {
    input: z.object({
      rows: z
        .array(z.object({ id: conversationIdSchema, mailboxId: mailboxIdSchema }))
        .min(1)
        .max(1000),
    }),
    output: z.array(messageHeaderSchema),
  },
} as const;

export type ConversationMethodName = keyof typeof conversationMethods;
export type ConversationRow = z.infer<typeof conversationRowSchema>;
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;
