// The sending part of the contract: composing, the outbox and drafts. Shaped exactly like
// `methods` and `events` in contract.ts, which spreads these in.
import { z } from 'zod';
import {
  COMPOSE_LIMITS,
  composeAttachmentSchema,
  composeDraftSchema,
  composePrepareInputSchema,
  draftIdSchema,
  draftSummarySchema,
  outboxItemSchema,
} from './compose';
import { accountIdSchema, messageIdSchema } from './schemas';

const ok = z.object({ ok: z.literal(true) });
const outboxIdSchema = z.number().int().positive();
/** The latest moment a Date can hold (year 275760): send later accepts any time before it. */
const MAX_SEND_AT = 8.64e15;

export const sendingMethods = {
  /** A new message, or a reply / reply-all / forward of a cached message, ready to edit. */
  'compose.prepare': { input: composePrepareInputSchema, output: composeDraftSchema },
  /**
   * Puts the message in the outbox (built and stored before any network I/O). It goes after
   * `undoSeconds` (default 5, 0 for at once), or when the connection is back. With `sendAt`
   * (send later) it waits until that moment instead, across restarts, and its Date is that
   * moment; it can be taken back (outbox.cancel) or sent at once (outbox.retry) until then.
   */
  'outbox.send': {
    input: z.object({
      draft: composeDraftSchema,
      undoSeconds: z.number().int().min(0).max(COMPOSE_LIMITS.undoSeconds).optional(),
      sendAt: z.number().int().positive().max(MAX_SEND_AT).optional(),
    }),
    output: z.object({ outboxId: outboxIdSchema, sendAt: z.number() }),
  },
  /** Takes a waiting or failed message back and returns it as a draft to reopen. */
  'outbox.cancel': { input: z.object({ outboxId: outboxIdSchema }), output: composeDraftSchema },
  'outbox.list': { input: z.object({ accountId: accountIdSchema.optional() }), output: z.array(outboxItemSchema) },
  /** Sends a failed message again, or a waiting one now instead of at its next retry. */
  'outbox.retry': { input: z.object({ outboxId: outboxIdSchema }), output: ok },
  /**
   * Saves locally (cheap and idempotent: call it every few seconds). `sync: true` also puts the
   * version in the server's Drafts folder, replacing the previous one (when the user pauses or
   * closes). Returns the attachments as stored references: send those from then on.
   */
  'drafts.save': {
    input: z.object({ draft: composeDraftSchema, sync: z.boolean().optional() }),
    output: z.object({
      draftId: draftIdSchema,
      attachments: z.array(composeAttachmentSchema),
      savedToServer: z.boolean(),
    }),
  },
  /** Opens a message of a Drafts folder (saved here or on another device) for editing. */
  'drafts.open': { input: z.object({ messageId: messageIdSchema }), output: composeDraftSchema },
  'drafts.get': { input: z.object({ draftId: draftIdSchema }), output: composeDraftSchema },
  /** Local drafts (not in the outbox), newest first. */
  'drafts.list': { input: z.object({ accountId: accountIdSchema.optional() }), output: z.array(draftSummarySchema) },
  /** Deletes the draft here and its copy in the server's Drafts folder. */
  'drafts.discard': { input: z.object({ draftId: draftIdSchema }), output: ok },
} as const;

export const sendingEvents = {
  /** An outbox item changed state; `item.error` carries the server's words when it failed. */
  'outbox.changed': z.object({ accountId: accountIdSchema, item: outboxItemSchema }),
  'drafts.changed': z.object({
    accountId: accountIdSchema,
    draftId: draftIdSchema,
    state: z.enum(['saved', 'saved-to-server', 'discarded']),
  }),
} as const;

// The method and event types are contract.ts's (MethodInput, MethodArgs, MethodResult,
// EventPayload): these names only pick out this part of the contract.
export type SendingMethodName = keyof typeof sendingMethods;
export type SendingEventName = keyof typeof sendingEvents;
