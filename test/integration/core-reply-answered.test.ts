// A reply sent through the service marks the message it answers \Answered, in the cache and on
// the server, once the server took the reply; a reply taken back marks nothing. (The facade's
// reply bookkeeping: electron/core/smtp/reply-tracker.ts.)
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: ${new Date(Date.UTC(2026, 2, 1, 10)).toUTCString()}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@x>\r\n\r\n${subject}\r\n`;

describe('replying', () => {
  it('marks the original answered once the reply is sent, and not when the reply is taken back', async () => {
    const user = await createMailUser(server, 'replier');
    const device = await otherDevice(server, user);
    cleanup.push(() => device.logout());
    await device.append('INBOX', raw('answer me'));
    await device.append('INBOX', raw('never mind'));
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user);
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    const headers = await waitFor(async () => {
      const all = await allHeaders(c, inbox.id);
      return all.length === 2 ? all : undefined;
    });
    const bySubject = (subject: string) => headers.find((h) => h.subject === subject)!;
    const answered = bySubject('answer me');
    const takenBack = bySubject('never mind');

    const reply = async (messageId: number, undoSeconds: number) => {
      const draft = await c.service.call('compose.prepare', { mode: 'reply', messageId });
      // The friend's address does not exist on the test bed: the reply goes to the user instead.
      return c.service.call('outbox.send', { draft: { ...draft, to: user.address, body: 'ok' }, undoSeconds });
    };
    const cancelled = await reply(takenBack.id, 30);
    await c.service.call('outbox.cancel', { outboxId: cancelled.outboxId });
    await reply(answered.id, 0);

    const flagsOf = async (id: number) => (await c.service.call('messages.get', { ids: [id] }))[0]!.flags;
    await waitFor(async () => (await flagsOf(answered.id)).answered, { what: '\\Answered in the cache' });
    await c.service.settled();
    const onServer = new Map<number, Set<string>>();
    await device.mailboxOpen('INBOX', { readOnly: true });
    for await (const message of device.fetch('1:*', { uid: true, flags: true }))
      onServer.set(message.uid, message.flags ?? new Set());
    expect(onServer.get(answered.uid)?.has('\\Answered')).toBe(true);
    expect((await flagsOf(takenBack.id)).answered).toBe(false);
    expect(onServer.get(takenBack.uid)?.has('\\Answered')).toBe(false);
  });
});
