// Dragging a message out of the list as an .eml file in the browser shell. Chromium drops a file
// on the desktop by fetching a URL named in the drag (the DownloadURL type); that URL must not
// carry the session token, which any drop target could read, so it names a ticket instead: one
// message, one fetch, a short life. The Electron shell's pages come from app://, which serves no
// such URL, and Electron's own drag of a file (webContents.startDrag) replaces the page's drag,
// so there a handle in the reader's header drags the message out alone: a file written when the
// handle is pressed, handed to that native drag when it starts (the list's rows keep the page's
// drag, onto folders). Shaped like `methods` in contract.ts, which spreads these in.
import { z } from 'zod';
import { messageIdSchema } from './schemas';

const ticketSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const emlDragMethods = {
  /** A ticket for one fetch of the message's raw bytes; asked for when a drag may begin. */
  'message.dragTicket': {
    input: z.object({ id: messageIdSchema }),
    output: z.object({ ticket: ticketSchema, filename: z.string() }),
  },
  /** The raw message a ticket was given for; the ticket is spent. Used by the browser shell's HTTP side. */
  'message.rawByTicket': {
    input: z.object({ ticket: ticketSchema }),
    output: z.object({ filename: z.string(), dataBase64: z.string() }),
  },
  /**
   * The desktop shell writes the message to a private file for a drag out (asked for when the
   * drag handle is pressed); 'unsupported' where the shell drags by DownloadURL instead.
   */
  'message.prepareDragFile': {
    input: z.object({ id: messageIdSchema }),
    output: z.object({ outcome: z.enum(['ready', 'unsupported']) }),
  },
  /** Starts the desktop's own drag of that file (the page's drag was cancelled for it). */
  'message.startDragFile': {
    input: z.object({ id: messageIdSchema }),
    output: z.object({ outcome: z.enum(['started', 'unsupported']) }),
  },
} as const;
