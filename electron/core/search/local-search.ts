// Search over the local cache: the parsed query becomes one SQL statement over the FTS5 index,
// the few rows the indexer has not reached yet (matched by tail-match.ts, so a message synced a
// second ago is found too) and the flags, folder and dates the operators ask for. Newest first.
import type { AccountId, MailboxId, MessageHeader, MessageId } from '../../../shared/domain';
import {
  isSearchEmpty,
  parseSearchQuery,
  type ParsedSearch,
  type SearchScope,
  type SearchTerm,
} from '../../../shared/search-query';
import type { Db } from '../store/database';
import type { MessagesRepo } from '../store/messages-repo';
import { ftsAnyOf, ftsExpression } from './fts-expression';
import { registerTailMatch, TAIL_MATCH_FUNCTION, tailMatchArgs, type TailSpec } from './tail-match';

export interface SearchPage {
  total: number;
  messages: MessageHeader[];
}

/** in:spam means the junk folder, as in Gmail. */
const ROLE_ALIASES: Record<string, string> = { spam: 'junk', bin: 'trash', 'sent mail': 'sent' };

interface Sql {
  where: string[];
  params: Record<string, unknown>;
  /** Conditions on flags, which only the message row holds (no index has them). */
  rowFilters: boolean;
  /** Messages in the folders searched, from the counts migration 4 keeps. */
  rowsInScope: number;
}

export class LocalSearch {
  constructor(
    private readonly db: Db,
    private readonly messages: MessagesRepo,
  ) {
    registerTailMatch(db);
    // the current query's hits: a temp table lives in memory (temp_store) and on this connection only
    db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY)');
  }

  /**
   * `serverHits`: ids the server's SEARCH matched for this query (server-search.ts). They join
   * the word hits, so a message whose body was never downloaded is listed too, once, marked
   * `foundOnServer` when the cache alone did not match it; the flags, folder and dates the query
   * asks for still apply to them here.
   */
  search(
    query: string,
    scope: SearchScope,
    offset: number,
    limit: number,
    serverHits?: ReadonlySet<MessageId>,
  ): SearchPage {
    const parsed = parseSearchQuery(query);
    if (isSearchEmpty(parsed)) return { total: 0, messages: [] };
    // one transaction: the hits, the count and the page see the same rows
    return this.db.transaction(() => {
      const sql = this.buildWhere(parsed, scope);
      if (!sql) return { total: 0, messages: [] };
      let hits = this.collectHits(sql, parsed.terms);
      const serverOnly = new Set<MessageId>();
      if (hits !== null && serverHits?.size) {
        const add = this.db.prepare('INSERT OR IGNORE INTO temp.search_hits (id) SELECT id FROM messages WHERE id = ?');
        for (const id of serverHits) if (add.run(id).changes > 0) serverOnly.add(id);
        hits += serverOnly.size;
      }
      const page = (from: string, where: string[], knownTotal?: number) => {
        const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
        const total =
          knownTotal ?? (this.db.prepare(`SELECT COUNT(*) FROM ${from} ${clause}`).pluck().get(sql.params) as number);
        return { total, ids: () => this.ids(from, clause, sql.params, offset, limit) };
      };
      let result: { total: number; ids: () => MessageId[] };
      if (hits === null) result = page('messages m', sql.where);
      else if (!sql.rowFilters && hits * 20 >= sql.rowsInScope) {
        // Many hits: walk the date index (mailbox, date, id), which holds all the query needs,
        // probing the hits; a folder's page stops after `limit` rows, and no message row is read.
        // every hit is a stored message, so with no other condition the hits are the total
        const where = [...sql.where, 'm.id IN temp.search_hits'];
        result = page('messages m INDEXED BY messages_by_date', where, sql.where.length === 0 ? hits : undefined);
      } else result = page('temp.search_hits h CROSS JOIN messages m ON m.id = h.id', sql.where);
      if (result.total === 0 || offset >= result.total) return { total: result.total, messages: [] };
      const messages = this.messages.get(result.ids());
      return {
        total: result.total,
        messages: serverOnly.size
          ? messages.map((m) => (serverOnly.has(m.id) ? { ...m, foundOnServer: true } : m))
          : messages,
      };
    })();
  }

  private ids(from: string, where: string, params: Record<string, unknown>, offset: number, limit: number) {
    return this.db
      .prepare(`SELECT m.id FROM ${from} ${where} ORDER BY m.date DESC, m.id DESC LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit, offset }) as MessageId[];
  }

  /**
   * Fills temp.search_hits with the ids the words match: the index (minus rows whose text changed
   * since), plus the rows it has not reached, matched directly. Returns how many, or null when
   * the query has no positive word (negations only become WHERE clauses).
   */
  private collectHits(sql: Sql, terms: readonly SearchTerm[]): number | null {
    if (terms.length === 0) return null;
    const positive = ftsExpression(terms);
    const tail = (spec: TailSpec, params: Record<string, unknown>) => {
      params.tail = JSON.stringify(spec);
      const match = `${TAIL_MATCH_FUNCTION}(@tail, ${tailMatchArgs('t', 'tb')})`;
      // rows past the watermark, and rows whose text changed since they were indexed
      return `SELECT t.id FROM messages t LEFT JOIN message_bodies tb ON tb.message_id = t.id
                WHERE t.id > (SELECT indexed_through FROM search_state) AND ${match}
              UNION SELECT t.id FROM search_dirty d CROSS JOIN messages t ON t.id = d.message_id
                LEFT JOIN message_bodies tb ON tb.message_id = t.id WHERE ${match}`;
    };
    if (positive === null) {
      // negations only: every row in scope except those that match one of them
      sql.params.ftsNone = ftsAnyOf(terms);
      sql.where.push('m.id NOT IN (SELECT rowid FROM search_index WHERE search_index MATCH @ftsNone)');
      sql.where.push(`m.id NOT IN (${tail({ all: [], none: [], any: [...terms] }, sql.params)})`);
      return null;
    }
    // three plain statements, not one compound SELECT: the index's rowids arrive in order and
    // append to the temp b-tree, where EXCEPT/UNION would build two more b-trees of every hit
    this.db.prepare('DELETE FROM temp.search_hits').run();
    this.db
      .prepare('INSERT INTO temp.search_hits (id) SELECT rowid FROM search_index WHERE search_index MATCH ?')
      .run(positive);
    this.db.prepare('DELETE FROM temp.search_hits WHERE id IN (SELECT message_id FROM search_dirty)').run();
    const spec = { all: terms.filter((t) => !t.negated), none: terms.filter((t) => t.negated), any: [] };
    const params: Record<string, unknown> = {};
    this.db.prepare(`INSERT OR IGNORE INTO temp.search_hits (id) ${tail(spec, params)}`).run(params);
    return this.db.prepare('SELECT COUNT(*) FROM temp.search_hits').pluck().get() as number;
  }

  /** The WHERE clauses of a query; null when it can match nothing (an in: folder that does not exist). */
  private buildWhere(parsed: ParsedSearch, scope: SearchScope): Sql | null {
    const sql: Sql = { where: [], params: {}, rowFilters: false, rowsInScope: 0 };
    let accountId: AccountId | null = scope.kind === 'account' ? scope.accountId : null;
    if (scope.kind === 'mailbox') {
      if (parsed.folder === undefined) {
        sql.where.push('m.mailbox_id = @mailboxId');
        sql.params.mailboxId = scope.mailboxId;
      } else {
        // in:<folder> names another folder: look in the current folder's account, not inside it
        accountId = this.accountOf(scope.mailboxId);
        if (accountId === null) return null;
      }
    }
    let mailboxes = 'SELECT id FROM mailboxes';
    if (parsed.folder !== undefined) {
      const ids = this.folderIds(parsed.folder, accountId);
      if (ids.length === 0) return null;
      mailboxes = `SELECT id FROM mailboxes WHERE id IN (${ids.map(Number).join(',')})`;
      sql.where.push(`m.mailbox_id IN (${ids.map(Number).join(',')})`);
    } else if (accountId !== null) {
      mailboxes = 'SELECT id FROM mailboxes WHERE account_id = @accountId';
      sql.where.push(`m.mailbox_id IN (${mailboxes})`);
      sql.params.accountId = accountId;
    } else if (sql.params.mailboxId !== undefined) mailboxes = 'SELECT @mailboxId';
    sql.rowsInScope = this.db
      .prepare(`SELECT COALESCE(SUM(message_count), 0) FROM mailboxes WHERE id IN (${mailboxes})`)
      .pluck()
      .get(sql.params) as number;
    sql.rowFilters =
      parsed.unread !== undefined ||
      parsed.starred !== undefined ||
      parsed.hasAttachment !== undefined ||
      parsed.tags !== undefined;
    if (parsed.unread !== undefined) sql.where.push(`m.seen = ${parsed.unread ? 0 : 1}`);
    if (parsed.starred !== undefined) sql.where.push(`m.flagged = ${parsed.starred ? 1 : 0}`);
    if (parsed.hasAttachment !== undefined) sql.where.push(`m.has_attachments = ${parsed.hasAttachment ? 1 : 0}`);
    // Keywords are stored space separated and compare without case: a bounded word match.
    parsed.tags?.forEach((tag, index) => {
      sql.where.push(`instr(' ' || lower(COALESCE(m.keywords, '')) || ' ', @tag${index}) ${tag.negated ? '=' : '>'} 0`);
      sql.params[`tag${index}`] = ` ${tag.keyword.toLowerCase()} `;
    });
    if (parsed.before !== undefined) {
      sql.where.push('m.date < @before');
      sql.params.before = parsed.before;
    }
    if (parsed.after !== undefined) {
      sql.where.push('m.date >= @after');
      sql.params.after = parsed.after;
    }
    return sql;
  }

  /**
   * The folders a query searches (its scope, narrowed by in:), for the server's half of the
   * search: selectable folders only, the scope's own folder first.
   */
  foldersInScope(query: string, scope: SearchScope): MailboxId[] {
    const parsed = parseSearchQuery(query);
    let accountId: AccountId | null = scope.kind === 'account' ? scope.accountId : null;
    if (scope.kind === 'mailbox') {
      if (parsed.folder === undefined) return [scope.mailboxId];
      accountId = this.accountOf(scope.mailboxId);
      if (accountId === null) return [];
    }
    if (parsed.folder !== undefined) return this.folderIds(parsed.folder, accountId);
    return this.db
      .prepare(
        `SELECT id FROM mailboxes WHERE selectable = 1 AND (@accountId IS NULL OR account_id = @accountId)
         ORDER BY account_id, (role = 'inbox') DESC, id`,
      )
      .pluck()
      .all({ accountId }) as MailboxId[];
  }

  private accountOf(mailboxId: MailboxId): AccountId | null {
    return (this.db.prepare('SELECT account_id FROM mailboxes WHERE id = ?').pluck().get(mailboxId) as string) ?? null;
  }

  /** The folders in:<name> means: by role (in:inbox, in:sent), full path or last name, any case. */
  private folderIds(name: string, accountId: AccountId | null): MailboxId[] {
    const wanted = name.toLowerCase();
    const role = ROLE_ALIASES[wanted] ?? wanted;
    return this.db
      .prepare(
        `SELECT id FROM mailboxes WHERE (@accountId IS NULL OR account_id = @accountId)
           AND (role = @role OR lower(path) = @wanted OR lower(name) = @wanted)`,
      )
      .pluck()
      .all({ accountId, role, wanted }) as MailboxId[];
  }
}
