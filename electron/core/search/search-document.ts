// The text of one message as search sees it, in the index's columns. The indexer writes these
// columns and the matcher for not-yet-indexed rows reads the same ones, so both agree on what a
// message contains.
import type { Address } from '../../../shared/domain';
import { htmlToText } from '../text/html-text';
import { attachmentNames } from './attachment-names';

/** Bodies are indexed up to this many characters: enough for any letter, bounded for a huge log. */
const BODY_CHARS = 100_000;

export interface SearchDocument {
  subject: string;
  sender: string;
  recipients: string;
  snippet: string;
  body: string;
  /** The attachments' file names (attachment-names.ts). */
  attachments: string;
}

/** The row columns a document is made of (messages joined with message_bodies). */
export interface DocumentRow {
  subject: string;
  from_json: string;
  to_json: string;
  cc_json: string;
  snippet: string | null;
  body_text: string | null;
  body_html: string | null;
  bodystructure: string | null;
}

export const DOCUMENT_COLUMNS = `m.subject, m.from_json, m.to_json, m.cc_json, m.snippet,
  mb.text AS body_text, mb.html AS body_html, m.bodystructure`;

function addresses(json: string): string {
  try {
    const list = JSON.parse(json) as Address[];
    return list.map((a) => `${a.name ?? ''} ${a.address ?? ''}`).join(' ');
  } catch {
    return '';
  }
}

function bodyText(row: DocumentRow): string {
  if (row.body_text) return row.body_text.slice(0, BODY_CHARS);
  if (row.body_html) return htmlToText(row.body_html.slice(0, BODY_CHARS * 2)).slice(0, BODY_CHARS);
  return '';
}

export function searchDocument(row: DocumentRow): SearchDocument {
  return {
    subject: row.subject,
    sender: addresses(row.from_json),
    recipients: `${addresses(row.to_json)} ${addresses(row.cc_json)}`,
    snippet: row.snippet ?? '',
    body: bodyText(row),
    attachments: attachmentNames(row.bodystructure).join(' '),
  };
}
