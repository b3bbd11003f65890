// Tickets for dragging a message out as an .eml file (shared/contract-eml-drag.ts): each names
// one message, is spent by its one fetch, and lapses after a short while, so a URL left behind
// in a drop target or a download list opens nothing later.
import { randomBytes } from 'node:crypto';
import type { MessageId } from '../../shared/domain';
import { emlFileName } from '../../shared/eml-file-name';
import type { MethodHandlers } from './method-handlers';
import { notFound } from './service-error';

/** Long enough for a drag from its start to the drop; a ticket not fetched by then lapses. */
export const DRAG_TICKET_MS = 5 * 60_000;
/** Tickets kept at once: a drag asks for one per pressed row, and old ones go first. */
const MAX_TICKETS = 32;

export interface EmlDragDeps {
  raw: (id: MessageId) => Promise<{ filename: string; dataBase64: string }>;
  /** The message's subject, or undefined when there is no such message. */
  subject: (id: MessageId) => string | undefined;
  now?: () => number;
}

export function createEmlDragHandlers(
  deps: EmlDragDeps,
): Pick<
  MethodHandlers,
  'message.dragTicket' | 'message.rawByTicket' | 'message.prepareDragFile' | 'message.startDragFile'
> {
  const now = deps.now ?? Date.now;
  const tickets = new Map<string, { id: MessageId; expires: number }>();
  return {
    'message.dragTicket': async ({ id }) => {
      const subject = deps.subject(id);
      if (subject === undefined) throw notFound('The message');
      const filename = emlFileName(subject);
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, { id, expires: now() + DRAG_TICKET_MS });
      for (const old of tickets.keys()) {
        if (tickets.size <= MAX_TICKETS) break;
        tickets.delete(old);
      }
      return { ticket, filename };
    },
    'message.rawByTicket': async ({ ticket }) => {
      const entry = tickets.get(ticket);
      tickets.delete(ticket);
      if (!entry || entry.expires < now()) throw notFound('The dragged message');
      return deps.raw(entry.id);
    },
    // Only the Electron shell has a native file drag; it answers these itself (shell/drag-out-file.ts).
    'message.prepareDragFile': async () => ({ outcome: 'unsupported' as const }),
    'message.startDragFile': async () => ({ outcome: 'unsupported' as const }),
  };
}
