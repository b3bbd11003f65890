// Two accounts side by side, and the unified Inbox across them: every message of both, newest
// first, paged without a gap or a repeat.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string, day: number) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: ${new Date(Date.UTC(2026, 2, day, 10)).toUTCString()}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@x>\r\n\r\n${subject}\r\n`;

describe('several accounts', () => {
  it('sync side by side, and the unified Inbox pages both newest first', async () => {
    const alice = await createMailUser(server, 'alice');
    const bob = await createMailUser(server, 'bob');
    for (const [user, days] of [
      [alice, [1, 3, 5, 7, 9]],
      [bob, [2, 4, 6, 8]],
    ] as const) {
      const device = await otherDevice(server, user);
      for (const day of days) await device.append('INBOX', raw(`${user.name.split('-')[0]} day ${day}`, day));
      await device.logout();
    }
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const a = await addAccount(c, server, alice);
    const b = await addAccount(c, server, bob);
    const aInbox = await mailboxByRole(c, a.id, 'inbox');
    const bInbox = await mailboxByRole(c, b.id, 'inbox');
    await waitFor(
      async () => (await allHeaders(c, aInbox.id)).length === 5 && (await allHeaders(c, bInbox.id)).length === 4,
    );

    const whole = await c.service.call('messages.unifiedWindow', { role: 'inbox', offset: 0, limit: 100 });
    expect(whole.total).toBe(9);
    expect(whole.messages.map((m) => Number(m.subject.split(' ').at(-1)))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(new Set(whole.messages.map((m) => m.accountId))).toEqual(new Set([a.id, b.id]));

    const paged = [];
    for (let offset = 0; offset < 9; offset += 4)
      paged.push(...(await c.service.call('messages.unifiedWindow', { role: 'inbox', offset, limit: 4 })).messages);
    expect(paged.map((m) => m.id)).toEqual(whole.messages.map((m) => m.id));

    // each account keeps its own status
    const statuses = await c.service.call('accounts.status', {});
    expect(statuses.map((s) => s.state)).toEqual(['online', 'online']);
  });
});
