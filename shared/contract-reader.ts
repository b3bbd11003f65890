// The reader's part of the contract: a message's raw form (saved as .eml), tags, and what the
// reader offers beyond the body. Shaped exactly like `methods` in contract.ts, which spreads
// these in.
import { z } from 'zod';
import { messageIdSchema, messageIdsSchema } from './schemas';
import { isValidKeyword } from './tags';

const ok = z.object({ ok: z.literal(true) });
const keywordsSchema = z.array(z.string().refine(isValidKeyword, 'Not a keyword an IMAP server takes')).max(20);

const senderWarningSchema = z.discriminatedUnion('kind', [
  /** The display name shows an address that is not the sender's. */
  z.object({ kind: z.literal('name-has-other-address'), shown: z.string() }),
  /** The domain looks like a known one (lookalike characters) but is not it. */
  z.object({ kind: z.literal('lookalike'), domain: z.string(), imitates: z.string() }),
  /** The domain is punycode: `unicode` is what it spells. */
  z.object({ kind: z.literal('punycode'), domain: z.string(), unicode: z.string() }),
]);

export const senderInfoSchema = z.object({
  /** From the Authentication-Results of the account's own server only; null when it added none. */
  authentication: z
    .object({
      verdict: z.enum(['pass', 'fail', 'unknown']),
      dkim: z.string().nullable(),
      spf: z.string().nullable(),
      dmarc: z.string().nullable(),
      authservId: z.string(),
    })
    .nullable(),
  warnings: z.array(senderWarningSchema),
  /** List-Unsubscribe: an https link (one-click when RFC 8058 allows it) and/or a mailto address. */
  unsubscribe: z
    .object({ https: z.string().nullable(), mailto: z.string().nullable(), oneClick: z.boolean() })
    .nullable(),
});
export type SenderInfo = z.infer<typeof senderInfoSchema>;

export const readerMethods = {
  /** What the reader shows about the sender: verified or not, warnings, how to leave its list. */
  'message.senderInfo': { input: z.object({ id: messageIdSchema }), output: senderInfoSchema },
  /**
   * The whole raw message (RFC 5322, as the server keeps it), base64, for saving as an .eml
   * file from the browser shell. Refused past the size the engine hands over at all.
   */
  'message.raw': {
    input: z.object({ id: messageIdSchema }),
    output: z.object({ filename: z.string(), dataBase64: z.string() }),
  },
  /**
   * Saves the raw message through the desktop shell's own save dialog. The browser shell (and the
   * engine on its own) answers 'unsupported': the UI then downloads `message.raw` instead.
   */
  'message.saveEml': {
    input: z.object({ id: messageIdSchema }),
    output: z.object({ outcome: z.enum(['saved', 'cancelled', 'unsupported']) }),
  },
  /**
   * Leaves the message's mailing list, after the user confirmed: 'one-click' POSTs RFC 8058's
   * "List-Unsubscribe=One-Click" to the list's https link (through the remote images' address
   * policy); 'mailto' queues the list's unsubscribe message in the outbox. 'blocked' says why
   * the POST was refused or failed (then the UI offers the link or the mail instead).
   */
  'message.unsubscribe': {
    input: z.object({ id: messageIdSchema, via: z.enum(['one-click', 'mailto']) }),
    output: z.object({ outcome: z.enum(['done', 'queued', 'blocked']), reason: z.string().optional() }),
  },
  /**
   * Tags: adds and removes IMAP keywords on messages, in the cache at once and on the server
   * through the offline queue (like read and star). `messages.changed` reports the rows.
   */
  'messages.setKeywords': {
    input: z.object({ ids: messageIdsSchema, add: keywordsSchema.default([]), remove: keywordsSchema.default([]) }),
    output: ok,
  },
} as const;
