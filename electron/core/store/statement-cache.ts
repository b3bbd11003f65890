// Statements prepared once per connection and SQL text. better-sqlite3 caches none, and compiling
// a statement costs more than running most of the store's queries (the list's windows, a POP3
// download's eight statements per batch: ~3 µs a message).
import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/** The prepared statement for `sql` on `db`, made on first use and kept for the connection's life. */
export function statementCache(db: Db): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
}
