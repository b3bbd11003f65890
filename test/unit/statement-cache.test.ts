import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { statementCache } from '../../electron/core/store/statement-cache';

const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function memoryDb(): Database.Database {
  const db = new Database(':memory:');
  open.push(db);
  db.exec('CREATE TABLE t (n INTEGER)');
  return db;
}

describe('statementCache', () => {
  it('prepares a statement once per SQL text and runs it as prepared', () => {
    const db = memoryDb();
    const statement = statementCache(db);
    const insert = statement('INSERT INTO t (n) VALUES (?)');
    expect(statement('INSERT INTO t (n) VALUES (?)')).toBe(insert);
    insert.run(1);
    statement('INSERT INTO t (n) VALUES (?)').run(2);
    const sum = statement('SELECT SUM(n) FROM t');
    expect(sum).not.toBe(insert);
    expect(sum.pluck().get()).toBe(3);
  });

  it('keeps each connection’s statements apart', () => {
    const first = statementCache(memoryDb());
    const second = statementCache(memoryDb());
    expect(first('SELECT COUNT(*) FROM t')).not.toBe(second('SELECT COUNT(*) FROM t'));
  });
});
