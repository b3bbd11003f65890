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
  if (message === 'close') return close();
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

/** Answers each request through the shared `answer`: its ids, or its error when it asks for one. */
const ANSWER = `
parentPort.on('message', (message) => {
  if (message === 'close') return close();
  answer(message.id, () => {
    if (message.fail) throw new Error('no such table: nowhere');
    return [1, 2, 3];
  });
});
`;

/** The reply of a thread running `body` after the shared source, to `request`. */
async function replyOf(settings: Parameters<typeof writerConnectionSource>[0], body: string, request = {}) {
  const thread = new WriterThread<WriterReply>({
    name: 'test writer',
    source: writerConnectionSource(settings) + body,
    data: {},
    dbPath: path.join(tempDir(cleanup, 'mail-writer-thread-'), 'mail.db'),
    idleCloseMs: 10_000,
  });
  cleanup.push(() => thread.close());
  const worker = thread.use();
  if (!worker) throw new Error('the writer thread did not start');
  const id = thread.newId();
  const answer = thread.answer(id);
  worker.postMessage({ ...request, id });
  return answer;
}

const settingsOf = (settings: Parameters<typeof writerConnectionSource>[0]) => replyOf(settings, REPORT_SETTINGS);

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

  it('answers a request with the ids its write returns, or with the error it threw', async () => {
    const settings = { foreignKeys: true, autocheckpoint: true };
    expect(await replyOf(settings, ANSWER)).toEqual({ id: 1, ids: [1, 2, 3] });
    expect(await replyOf(settings, ANSWER, { fail: true })).toEqual({ id: 1, error: 'no such table: nowhere' });
  });
});
