// A message dragged out of the list lands on the desktop or in a file manager as an .eml file,
// in the browser shell: Chromium does that for a drag carrying a DownloadURL
// ("<type>:<file name>:<url>"), fetching the URL when the drop happens. The URL names a one-use
// ticket from the engine (shared/contract-eml-drag.ts), never the session token. A drag event
// cannot wait for the engine, so the ticket is asked for when a row is pressed and is there by
// the time the pointer has moved far enough to start a drag; if it is not, the drag only moves
// within the app. The Electron shell serves no such URL (its pages come from app://).
import type { Transport } from '../../shared/contract';
import type { MessageId } from '../../shared/domain';

type Ticket = { id: MessageId; url: string; filename: string };

let ready: Ticket | null = null;

/** Only the browser shell serves the ticket route, on its loopback http origin. */
export function servesEmlDrag(location: Pick<Location, 'protocol'>): boolean {
  return location.protocol === 'http:' || location.protocol === 'https:';
}

/** The DownloadURL value for a ticket: the file name may not hold the format's colons. */
export function downloadUrlValue(filename: string, origin: string, ticket: string): string {
  const name = filename.replace(/[:/\\]/g, '_');
  return `message/rfc822:${name}:${origin}/eml/${ticket}/${encodeURIComponent(name)}`;
}

/** On pressing a row: fetch a ticket for the message that a drag from here would carry. */
export function prepareEmlDrag(transport: Transport, id: MessageId): void {
  if (!servesEmlDrag(window.location) || ready?.id === id) return;
  transport.invoke('message.dragTicket', { id }).then(
    ({ ticket, filename }) => {
      ready = { id, filename, url: downloadUrlValue(filename, window.location.origin, ticket) };
    },
    () => undefined, // no ticket: the drag still moves messages between folders
  );
}

/** On drag start: one message dragged, and its ticket at hand, goes out as a file too. */
export function addEmlDownload(data: DataTransfer, ids: readonly MessageId[]): void {
  const ticket = ready;
  if (ids.length !== 1 || !ticket || ticket.id !== ids[0]) return;
  data.setData('DownloadURL', ticket.url);
  ready = null; // spent by the drop's fetch: the next drag asks again
}
