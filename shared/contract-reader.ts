// The reader's part of the contract: a message's raw form (saved as .eml), tags, and what the
// reader offers beyond the body. Shaped exactly like `methods` in contract.ts, which spreads
// these in.
import { z } from 'zod';
import { messageIdSchema, messageIdsSchema } from './schemas';
import { isValidKeyword } from './tags';

const ok = z.object({ ok: z.literal(true) });
const keywordsSchema = z.array(z.string().refine(isValidKeyword, 'Not a keyword an IMAP server takes')).max(20);

export const readerMethods = {
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
   * Tags: adds and removes IMAP keywords on messages, in the cache at once and on the server
   * through the offline queue (like read and star). `messages.changed` reports the rows.
   */
  'messages.setKeywords': {
    input: z.object({ ids: messageIdsSchema, add: keywordsSchema.default([]), remove: keywordsSchema.default([]) }),
    output: ok,
  },
} as const;
