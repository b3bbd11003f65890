// The reader's part of the contract: a message's raw form (saved as .eml), and what the
// reader offers beyond the body. Shaped exactly like `methods` in contract.ts, which spreads
// these in.
import { z } from 'zod';
import { messageIdSchema } from './schemas';

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
} as const;
