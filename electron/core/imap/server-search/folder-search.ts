// One folder searched on the server: SEARCH (or X-GM-RAW) for UIDs, the newest few hundred
// kept, and the headers of those the cache does not have fetched and stored like synced ones.
// Returns the ids of every hit, stored before or just now, so the results can list them all.
import type { ImapFlow, SearchObject } from 'imapflow';
import type { MessageId } from '../../../../shared/domain';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { Store } from '../../store/store';
import { HEADER_QUERY, toHeaderRecord } from '../sync/header-fields';
import type { HeaderRecord } from '../../store/messages-repo';

/** Hits kept per folder, newest UIDs first: a broad query must not download a whole archive's headers. */
export const MAX_SERVER_HITS_PER_FOLDER = 300;

export interface FolderQuery {
  criteria: SearchObject;
  /** Gmail's query language, used where the server offers X-GM-EXT-1. */
  gmailRaw: string | null;
}

export interface FolderSearchDeps {
  store: Store;
  hasAttachments: (structure: unknown) => boolean;
  /** Rows stored for hits the cache did not have (the list shows them as they arrive). */
  stored: (mailboxId: number, ids: MessageId[]) => void;
  signal: AbortSignal;
}

export interface FolderSearchResult {
  ids: MessageId[];
  /** How many of them had to be fetched. */
  fetched: number;
}

export async function searchFolder(
  client: ImapFlow,
  box: MailboxRecord,
  query: FolderQuery,
  deps: FolderSearchDeps,
): Promise<FolderSearchResult> {
  const opened = await client.mailboxOpen(box.path, { readOnly: true });
  // Another UIDVALIDITY: the cache's UIDs mean other messages; sync resets the folder first.
  if (box.sync.uidValidity !== null && String(opened.uidValidity) !== box.sync.uidValidity)
    return { ids: [], fetched: 0 };
  const gmail = query.gmailRaw !== null && client.capabilities.has('X-GM-EXT-1');
  const found = (await client.search(gmail ? { gmraw: query.gmailRaw! } : query.criteria, { uid: true })) || [];
  const uids = [...found].sort((a, b) => b - a).slice(0, MAX_SERVER_HITS_PER_FOLDER);
  const known = deps.store.messages.idsByUid(box.id, uids);
  const missing = uids.filter((uid) => !known.has(uid));
  const ids = [...known.values()];
  if (missing.length === 0 || deps.signal.aborted) return { ids, fetched: 0 };

  const records: HeaderRecord[] = [];
  const mailboxKey = `${box.id}`; // as header sync keys a thread of one message
  for await (const msg of client.fetch(missing.join(','), HEADER_QUERY, { uid: true }))
    records.push(toHeaderRecord(msg, mailboxKey, deps.hasAttachments));
  if (deps.signal.aborted) return { ids, fetched: 0 };
  const added = deps.store.transaction(() => deps.store.messages.insertHeaders(box.id, records));
  if (added.length) deps.stored(box.id, added);
  // a UID stored meanwhile by sync is found again by its UID
  const all = deps.store.messages.idsByUid(box.id, uids);
  return { ids: [...all.values()], fetched: added.length };
}
