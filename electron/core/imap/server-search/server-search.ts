// "Search that finds everything": after the local results, the same parsed query goes to the
// server of each account in scope, folder by folder, for what the cache cannot answer (bodies
// never downloaded, mail older than what was synced). Hits are remembered per query so the
// local search lists them too (found on the server, in the same list, without duplicates:
// they are the same rows). One server search runs at a time: a new one, or cancel(), stops the
// one under way between two folders or before its headers are stored.
import type { ImapFlow } from 'imapflow';
import type { AccountId, MessageId } from '../../../../shared/domain';
import { parseSearchQuery, type SearchScope } from '../../../../shared/search-query';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { Store } from '../../store/store';
import { searchFolder, type FolderQuery } from './folder-search';
import { gmailRawQuery, imapCriteria } from './search-criteria';

export type ServerSearchOutcome = 'done' | 'partial' | 'offline' | 'cancelled' | 'skipped';

export interface ServerSearchResult {
  outcome: ServerSearchOutcome;
  /** Hits on the server, stored before or just now. */
  matched: number;
  /** Headers the cache did not have, fetched and stored. */
  fetched: number;
  searchedFolders: number;
  /** Folders that could not be searched (their account offline, or the server failed). */
  unreachableFolders: number;
}

export interface SearchConnection {
  use<T>(task: (client: ImapFlow) => Promise<T>): Promise<T>;
}

export interface ServerSearchDeps {
  store: Store;
  /** The account's search connection, or null while the account is not online. */
  connection: (accountId: AccountId) => SearchConnection | null;
  hasAttachments: (structure: unknown) => boolean;
  /** Headers stored for hits: the list shows them as they arrive. */
  stored: (mailboxId: number, ids: MessageId[]) => void;
}

/** Remembered queries: the newest few, so paging back and forth keeps the server's hits. */
const REMEMBERED = 8;

export function searchKey(query: string, scope: SearchScope): string {
  return JSON.stringify([query.trim(), scope]);
}

export class ServerSearch {
  private current: AbortController | null = null;
  private readonly hits = new Map<string, ReadonlySet<MessageId>>();

  constructor(private readonly deps: ServerSearchDeps) {}

  /** The server's hits of a query searched before (in this session), if any. */
  hitsFor(query: string, scope: SearchScope): ReadonlySet<MessageId> | undefined {
    return this.hits.get(searchKey(query, scope));
  }

  /** Stops the search under way, if any: it ends 'cancelled'. */
  cancel(): void {
    this.current?.abort();
    this.current = null;
  }

  async run(query: string, scope: SearchScope, folders: readonly MailboxRecord[]): Promise<ServerSearchResult> {
    this.cancel();
    const controller = new AbortController();
    this.current = controller;
    const { signal } = controller;
    const result: ServerSearchResult = {
      outcome: 'done',
      matched: 0,
      fetched: 0,
      searchedFolders: 0,
      unreachableFolders: 0,
    };
    const parsed = parseSearchQuery(query);
    const criteria = imapCriteria(parsed);
    if (criteria === null) return { ...result, outcome: 'skipped' };
    const folderQuery: FolderQuery = { criteria, gmailRaw: gmailRawQuery(query, parsed) };
    const key = searchKey(query, scope);
    const found = new Set<MessageId>(this.hits.get(key));
    try {
      for (const box of folders) {
        if (signal.aborted) break;
        const connection = this.deps.connection(box.accountId);
        if (!connection) {
          result.unreachableFolders++;
          continue;
        }
        try {
          const { ids, fetched } = await connection.use((client) =>
            searchFolder(client, box, folderQuery, { ...this.deps, signal }),
          );
          for (const id of ids) found.add(id);
          result.matched += ids.length;
          result.fetched += fetched;
          result.searchedFolders++;
        } catch {
          // the connection dropped or the server refused this folder: the rest still count
          result.unreachableFolders++;
        }
        // the hits so far count at once: the list merges them while later folders are searched
        this.remember(key, found);
      }
    } finally {
      if (this.current === controller) this.current = null;
    }
    if (signal.aborted) result.outcome = 'cancelled';
    else if (result.unreachableFolders > 0) result.outcome = result.searchedFolders > 0 ? 'partial' : 'offline';
    return result;
  }

  private remember(key: string, found: ReadonlySet<MessageId>): void {
    this.hits.delete(key);
    this.hits.set(key, new Set(found));
    while (this.hits.size > REMEMBERED) this.hits.delete(this.hits.keys().next().value!);
  }
}
