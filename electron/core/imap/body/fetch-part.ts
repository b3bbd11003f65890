// Downloads one attachment or inline image: the exact original bytes, transfer encoding
// removed, no charset conversion (a .txt attachment is a file, not text to display).
//
// The part's MIME header is fetched in the same FETCH and its Content-Transfer-Encoding is
// what we decode by, so the caller needs only the part number the attachment list carries.
// BODY.PEEK (imapflow always peeks) keeps \Seen untouched. The mailbox must be selected.
import type { ImapFlow } from 'imapflow';
import { MessageNotFoundError, PartNotFoundError } from './errors';
import { decodeTransfer } from './transfer';

export type PartClient = Pick<ImapFlow, 'fetchOne'>;

/** A header's value from a raw header block (folded lines joined), or null. */
export function headerValue(header: Buffer | undefined, name: string): string | null {
  if (!header?.length) return null;
  const unfolded = header.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const prefix = name.toLowerCase() + ':';
  for (const line of unfolded.split(/\r?\n/)) {
    if (line.toLowerCase().startsWith(prefix)) return line.slice(prefix.length).trim();
  }
  return null;
}

/** "base64 (comment)" -> "base64" */
function transferEncoding(header: Buffer | undefined): string | null {
  const value = headerValue(header, 'content-transfer-encoding');
  return value
    ? value
        .replace(/\(.*?\)/g, '')
        .trim()
        .toLowerCase()
    : null;
}

/** Fetches body section `part` (e.g. "2" or "1.2") of message `uid`, transfer-decoded. */
export async function fetchPart(client: PartClient, uid: number, part: string): Promise<Buffer> {
  if (!/^\d+(\.\d+)*$/.test(part)) throw new PartNotFoundError(uid, part);
  // For part 1 the message HEADER comes along: on a single-part message it is where the
  // Content-Transfer-Encoding lives, whatever a server answers for 1.MIME
  const mimeKey = `${part}.MIME`;
  const bodyParts = part === '1' ? [mimeKey, part, 'HEADER'] : [mimeKey, part];
  const response = await client.fetchOne(String(uid), { uid: true, bodyParts }, { uid: true });
  if (!response) throw new MessageNotFoundError(uid);

  const mime = response.bodyParts?.get(mimeKey.toLowerCase());
  let content = response.bodyParts?.get(part);
  let header = mime?.length ? mime : response.headers;
  // A server that answers BODY[1] of a single-part message empty (RFC 3501 allows "1", not
  // all servers implement it): the body is TEXT then
  const contentType = headerValue(response.headers, 'content-type') ?? '';
  if (part === '1' && !content?.length && !/^\s*multipart\//i.test(contentType)) {
    const retry = await client.fetchOne(String(uid), { uid: true, bodyParts: ['TEXT'] }, { uid: true });
    content = retry ? retry.bodyParts?.get('text') : undefined;
    header = response.headers;
  }
  // Dovecot answers a section that does not exist with an empty string, MIME header included;
  // a real (even empty) part always has a MIME header
  if (!header?.length && !content?.length) throw new PartNotFoundError(uid, part);
  return Buffer.from(decodeTransfer(content ?? Buffer.alloc(0), transferEncoding(header)));
}
