// The connection every writer thread opens (writerConnectionSource in store/writer-thread.ts), read
// back from inside a real thread: the settings all of them share, and the two each one chooses.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriterThread, writerConnectionSource, type WriterReply } from '../../electron/core/store/writer-thread';
import { cleanupAfterEach } from '../support/cleanup';
import { tempDir } from '../support/temp-store';

const cleanup = cleanupAfterEach();

/** Answers each request with the connection's settings, as SQLite reports them. */
const REPORT_SETTINGS = `
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  parentPort.postMessage({
    id: message.id,
    foreignKeys: db.pragma('foreign_keys', { simple: true }),
    autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }),
    synchronous: db.pragma('synchronous', { simple: true }),
    busyTimeout: db.pragma('busy_timeout', { simple: true }),
    secureDelete: db.pragma('secure_delete', { simple: true }),
  });
});
`;

async function settingsOf(settings: Parameters<typeof writerConnectionSource>[0]) {
  const thread = new WriterThread<WriterReply>({
    name: 'test writer',
    source: writerConnectionSource(settings) + REPORT_SETTINGS,
    data: {},
    dbPath: path.join(tempDir(cleanup, 'mail-writer-thread-'), 'mail.db'),
    idleCloseMs: 10_000,
  });
  cleanup.push(() => thread.close());
  const worker = thread.use();
  if (!worker) throw new Error('the writer thread did not start');
  const id = thread.newId();
  const answer = thread.answer(id);
  worker.postMessage({ id });
  return answer;
}

describe('writerConnectionSource', () => {
  it('opens the database as the main connection does: NORMAL sync, a busy wait, fast secure delete', async () => {
    const reply = await settingsOf({ foreignKeys: true, autocheckpoint: true });
    // synchronous NORMAL is 1; secure_delete FAST is 2
    expect(reply).toMatchObject({ synchronous: 1, busyTimeout: 5000, secureDelete: 2 });
  });

  it('keeps foreign keys and SQLite’s automatic checkpoint when asked', async () => {
    expect(await settingsOf({ foreignKeys: true, autocheckpoint: true })).toMatchObject({
      foreignKeys: 1,
      autocheckpoint: 1000,
    });
  });

  it('turns foreign keys and the automatic checkpoint off when the thread’s work says so', async () => {
    expect(await settingsOf({ foreignKeys: false, autocheckpoint: false })).toMatchObject({
      foreignKeys: 0,
      autocheckpoint: 0,
    });
  });
});
