// What tells a notification apart from the first sync: the engine marks the messages.changed
// events of a folder's first sync (firstSync), and not those of mail that arrives afterwards.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { populateMailbox } from '../mailserver/populate';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { cleanupAfterEach } from '../support/cleanup';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

describe('messages.changed and the first sync', () => {
  it('marks every batch of the first sync, and not the mail that arrives after it', async () => {
    const user = await createMailUser(server, 'newmail');
    await populateMailbox(server, user, { count: 120, seed: 3 });
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user);
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    await c.service.call('mailboxes.open', { mailboxId: inbox.id });
    await waitFor(async () => (await allHeaders(c, inbox.id)).length === 120, {
      what: '120 headers',
      timeoutMs: 30_000,
    });
    await c.service.settled();

    const firstSync = c.eventsOf('messages.changed').filter((e) => e.mailboxId === inbox.id && e.added.length);
    // more than one batch (50 first, then the rest), every one of them marked
    expect(firstSync.length).toBeGreaterThan(1);
    expect(firstSync.reduce((n, e) => n + e.added.length, 0)).toBe(120);
    expect(firstSync.every((e) => e.firstSync === true)).toBe(true);

    const before = c.eventsOf('messages.changed').length;
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append(
      'INBOX',
      'From: Anna <anna@example.test>\r\nTo: x@example.test\r\nSubject: Just arrived\r\n' +
        'Message-ID: <arrived.1@example.test>\r\n\r\nHello\r\n',
    );
    const arrived = await waitFor(
      () =>
        c
          .eventsOf('messages.changed')
          .slice(before)
          .find((e) => e.mailboxId === inbox.id && e.added.length > 0),
      { what: 'the arrival event', timeoutMs: 10_000 },
    );
    expect(arrived.firstSync).toBeUndefined();
    const [header] = await c.service.call('messages.get', { ids: arrived.added });
    expect(header?.subject).toBe('Just arrived');
  });
});
