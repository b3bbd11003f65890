// What the composer edits and what the outbox holds, as zod schemas with the types inferred
// from them (one source of truth: main validates every argument against these). Pure: no Node.
//
// Recipients are kept as typed ("Anna <anna@x.se>, b@y.com"): a draft must round-trip whatever
// the user wrote, even half an address. The engine parses them (shared/address-parse.ts) when
// the message is sent and names every entry that is not an address.
import { z } from 'zod';
import { accountIdSchema, messageIdSchema } from './schemas';

export const COMPOSE_LIMITS = {
  /** Per attachment, decoded. Most providers refuse messages above 25 MB anyway. */
  attachmentBytes: 25 * 1024 * 1024,
  attachments: 100,
  /** Per picture in the body, decoded: it travels inside the body (a data: URL) until sent. */
  inlineImageBytes: 2 * 1024 * 1024,
  /** The whole message as sent (MIME, base64 included); the server's SIZE may be lower. */
  messageBytes: 100 * 1024 * 1024,
  bodyChars: 5_000_000,
  subjectChars: 1_000,
  recipientFieldChars: 100_000,
  /** Per message: servers commonly allow 100 to 1,000 RCPT TO. */
  recipients: 500,
  references: 100,
  undoSeconds: 30,
  pathChars: 4_096,
  filenameChars: 255,
} as const;

/** Base64 characters needed for `bytes` bytes. */
const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

export const composeModeSchema = z.enum(['new', 'reply', 'replyAll', 'forward']);
export const bodyFormatSchema = z.enum(['plain', 'html']);
/** A local draft's id (a UUID the engine assigns). */
export const draftIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);
/** A Message-ID as it appears in In-Reply-To and References: "<left@right>". */
export const messageIdHeaderSchema = z.string().regex(/^<[^<>\s]{1,994}>$/);
export const contentTypeSchema = z
  .string()
  .max(255)
  .regex(/^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/);
const filenameSchema = z.string().min(1).max(COMPOSE_LIMITS.filenameChars);
/** BCP 47, e.g. "sv", "en-GB": decides the attribution line and date format of a quote. */
export const localeSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/);
/** An IANA zone such as "Europe/Stockholm"; the system zone when absent. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_+/-]+$/);

/**
 * An attachment, by where its bytes are:
 * - file: a local path the core reads (from the file dialog or a drop);
 * - data: bytes from the UI (a paste), base64;
 * - original: a part of the message being forwarded, read from the cache or the server;
 * - stored: bytes the engine already holds for this draft. drafts.save turns the other three
 *   into this, so the UI sends the bytes once and then only the reference.
 */
export const composeAttachmentSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('file'),
    path: z.string().min(1).max(COMPOSE_LIMITS.pathChars),
    filename: filenameSchema.optional(),
    contentType: contentTypeSchema.optional(),
  }),
  z.object({
    source: z.literal('data'),
    filename: filenameSchema,
    contentType: contentTypeSchema,
    dataBase64: z
      .string()
      .max(base64Length(COMPOSE_LIMITS.attachmentBytes))
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  }),
  z.object({
    source: z.literal('original'),
    messageId: messageIdSchema,
    part: z.string().regex(/^\d+(\.\d+)*$/),
    filename: filenameSchema,
    contentType: contentTypeSchema,
    size: z.number().int().min(0),
  }),
  z.object({
    source: z.literal('stored'),
    blobId: z.string().regex(/^[0-9a-f]{64}$/),
    filename: filenameSchema,
    contentType: contentTypeSchema,
    size: z.number().int().min(0),
  }),
]);

const recipientsFieldSchema = z.string().max(COMPOSE_LIMITS.recipientFieldChars);

export const composeDraftSchema = z.object({
  /** Null until the engine has saved it once (drafts.save, outbox.send). */
  draftId: draftIdSchema.nullable(),
  /** Decides From: the account's display name and address (or one of its identities, below). */
  accountId: accountIdSchema,
  /**
   * The From address when it is one of the account's identities (aliases); '' for the account's
   * own. Drafts saved before identities existed lack it, hence the default.
   */
  from: z.string().max(320).default(''),
  mode: composeModeSchema,
  /** The cached message this replies to or forwards. */
  originalId: messageIdSchema.nullable(),
  to: recipientsFieldSchema,
  cc: recipientsFieldSchema,
  bcc: recipientsFieldSchema,
  /**
   * Where replies should go, when not to From. Drafts saved before the field existed lack it,
   * hence the default.
   */
  replyTo: recipientsFieldSchema.default(''),
  subject: z.string().max(COMPOSE_LIMITS.subjectChars),
  /** 'html': `body` is the editor's HTML and a plain-text alternative is generated from it. */
  format: bodyFormatSchema,
  body: z.string().max(COMPOSE_LIMITS.bodyChars),
  inReplyTo: messageIdHeaderSchema.nullable(),
  references: z.array(messageIdHeaderSchema).max(COMPOSE_LIMITS.references),
  attachments: z.array(composeAttachmentSchema).max(COMPOSE_LIMITS.attachments),
});

export const composePrepareInputSchema = z
  .object({
    mode: composeModeSchema,
    /** The account to write from; for a reply, the account the original arrived in by default. */
    accountId: accountIdSchema.optional(),
    /** The message to reply to or forward (required unless mode is 'new'). */
    messageId: messageIdSchema.optional(),
    locale: localeSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    format: bodyFormatSchema.optional(),
    /** Write "Sv:"/"VB:" and the like instead of "Re:"/"Fwd:" (a BCP 47 language); English by default. */
    subjectLanguage: localeSchema.optional(),
  })
  .refine((input) => input.mode === 'new' || input.messageId !== undefined, {
    message: 'messageId is required to reply to or forward a message',
    path: ['messageId'],
  });

/**
 * queued: waiting for its time (the undo delay, a retry, the network); sending: handed to the
 * SMTP server, answer not recorded yet; sent-smtp: accepted by the server, the Sent copy not
 * filed yet; done: finished (the item leaves the list); failed: the server refused it for good
 * (kept, with the server's words, for editing or retrying); cancelled: taken back by the user.
 */
export const outboxStateSchema = z.enum(['queued', 'sending', 'sent-smtp', 'done', 'failed', 'cancelled']);

export const rejectedRecipientSchema = z.object({ address: z.string(), response: z.string() });

export const outboxItemSchema = z.object({
  id: z.number().int(),
  accountId: accountIdSchema,
  /** The Message-ID header of the message, fixed when it entered the outbox. */
  messageId: z.string(),
  subject: z.string(),
  /** Every envelope recipient (To, Cc and Bcc). */
  recipients: z.array(z.string()),
  state: outboxStateSchema,
  /** When the next step happens (ms since epoch): the end of the undo delay, or the next retry. */
  sendAt: z.number(),
  attempts: z.number().int(),
  /** For failed: the server's own words. Otherwise the last transient problem, or a note. */
  error: z.string().nullable(),
  /** Recipients the server refused while it accepted the others: the message went to the rest. */
  rejected: z.array(rejectedRecipientSchema),
  draftId: draftIdSchema.nullable(),
  createdAt: z.number(),
  /** Send later: the moment the user chose (ms since epoch); null for a message sent now. */
  scheduledFor: z.number().nullable(),
});

export const draftSummarySchema = z.object({
  draftId: draftIdSchema,
  accountId: accountIdSchema,
  subject: z.string(),
  to: z.string(),
  updatedAt: z.number(),
  /** The current version is in the server's Drafts folder (other devices see it). */
  savedToServer: z.boolean(),
});

export type ComposeMode = z.infer<typeof composeModeSchema>;
export type BodyFormat = z.infer<typeof bodyFormatSchema>;
export type DraftId = z.infer<typeof draftIdSchema>;
export type ComposeAttachment = z.infer<typeof composeAttachmentSchema>;
export type StoredAttachment = Extract<ComposeAttachment, { source: 'stored' }>;
export type ComposeDraft = z.infer<typeof composeDraftSchema>;
export type ComposePrepareInput = z.infer<typeof composePrepareInputSchema>;
export type OutboxState = z.infer<typeof outboxStateSchema>;
export type RejectedRecipient = z.infer<typeof rejectedRecipientSchema>;
export type OutboxItem = z.infer<typeof outboxItemSchema>;
export type DraftSummary = z.infer<typeof draftSummarySchema>;
