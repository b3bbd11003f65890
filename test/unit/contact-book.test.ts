// The address book's harvest waits while a header sync is under way (it was a twentieth of the
// thread parsing the batches) and reads everything once the sync ends; autocomplete never waits.
import { describe, expect, it } from 'vitest';
import { ContactBook } from '../../electron/core/contacts/contact-book';
import { cleanupAfterEach } from '../support/cleanup';
import { headerRecord } from '../support/store-fixtures';
import { addTestAccount, openTempStore } from '../support/temp-store';

const cleanup = cleanupAfterEach();

function setup(syncQuietMs = 60_000) {
  const { store } = openTempStore(cleanup, 'mail-contact-book-');
  const { box } = addTestAccount(store);
  const book = new ContactBook(store, Date.now, syncQuietMs);
  cleanup.push(() => book.stop());
  const inbox = box('INBOX').id;
  const arrive = (uid: number, address: string) =>
    store.transaction(() =>
      store.messages.insertHeaders(inbox, [headerRecord(uid, { from: [{ name: 'Ann', address }] })]),
    );
  const count = () => store.db.prepare('SELECT COUNT(*) FROM contacts').pluck().get() as number;
  return { book, arrive, count };
}

describe('the contact harvest', () => {
  it('harvests at once when no sync is under way', async () => {
    const { book, arrive, count } = setup();
    arrive(1, 'ann@example.test');
    await book.kick();
    expect(count()).toBe(1);
  });

  it('waits while a header sync reports progress, and harvests when it completes', async () => {
    const { book, arrive, count } = setup();
    book.syncProgress(1_000, 3_000);
    arrive(1, 'ann@example.test');
    await book.kick();
    arrive(2, 'bo@example.test');
    await book.kick();
    expect(count()).toBe(0);
    book.syncProgress(3_000, 3_000);
    await expect.poll(count).toBe(2);
  });

  it('harvests anyway once a sync has gone quiet (a dropped connection)', async () => {
    const { book, arrive, count } = setup(50);
    book.syncProgress(1_000, 3_000);
    arrive(1, 'ann@example.test');
    await book.kick();
    expect(count()).toBe(0);
    await expect.poll(count, { timeout: 2_000 }).toBe(1);
  });

  it('answers autocomplete from what has arrived, sync or not', () => {
    const { book, arrive } = setup();
    book.syncProgress(1_000, 3_000);
    arrive(1, 'ann@example.test');
    expect(book.search('ann', 5).map((contact) => contact.address)).toEqual(['ann@example.test']);
  });
});
