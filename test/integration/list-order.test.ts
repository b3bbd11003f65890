// Sorting and quick filters through the engine, on mail synced from Dovecot: the server's
// flags, sizes and senders decide the order, a star set on another device enters the starred
// list at the next sync, and the unified Inbox merges two accounts in the same order.
import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import type { ListFilter, ListSort } from '../../shared/list-order';
import { getMailServer } from '../mailserver/inject';
import {
  addAccount,
  allHeaders,
  mailboxByRole,
  otherDevice,
  startCore,
  type CoreHandle,
} from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

function raw(sender: string, subject: string, day: number, padding: number, attachment = false): string {
  const head =
    `From: ${sender} <${sender.toLowerCase()}@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
    `Date: ${new Date(Date.UTC(2026, 2, day, 10)).toUTCString()}\r\nMessage-ID: <${subject.replace(/\W/g, '')}.${day}@x>\r\n`;
  const text = `${subject}\r\n${'x'.repeat(padding)}\r\n`;
  if (!attachment) return `${head}\r\n${text}`;
  return (
    `${head}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n` +
    `Content-Type: text/plain\r\n\r\n${text}--b\r\nContent-Type: application/pdf; name=report.pdf\r\n` +
    `Content-Disposition: attachment; filename=report.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--b--\r\n`
  );
}

async function append(device: ImapFlow, message: string, flags: string[] = []): Promise<void> {
  await device.append('INBOX', message, flags);
}

const subjects = async (c: CoreHandle, mailboxId: number, sort?: ListSort, filter?: ListFilter) => {
  const page = await c.service.call('messages.window', {
    mailboxId,
    offset: 0,
    limit: 50,
    ...(sort ? { sort } : {}),
    ...(filter ? { filter } : {}),
  });
  expect(page.messages).toHaveLength(page.total);
  return page.messages.map((m) => m.subject);
};

describe('sorting and quick filters', () => {
  it('order and narrow a synced folder, and follow flags changed on the server', async () => {
    const user = await createMailUser(server, 'sorter');
    const device = await otherDevice(server, user);
    await append(device, raw('Carl', 'Re: budget', 1, 10), ['\\Seen']);
    await append(device, raw('anna', 'agenda', 2, 3_000), ['\\Seen', '\\Flagged']);
    await append(device, raw('Bert', 'Fwd: contract', 3, 500, true));
    await append(device, raw('Dora', 'Minutes', 4, 50), ['\\Flagged']);
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user);
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(c, inbox.id)).length === 4);

    expect(await subjects(c, inbox.id)).toEqual(['Minutes', 'Fwd: contract', 'agenda', 'Re: budget']);
    expect(await subjects(c, inbox.id, { by: 'date', direction: 'asc' })).toEqual([
      'Re: budget',
      'agenda',
      'Fwd: contract',
      'Minutes',
    ]);
    expect(await subjects(c, inbox.id, { by: 'sender', direction: 'asc' })).toEqual([
      'agenda',
      'Fwd: contract',
      'Re: budget',
      'Minutes',
    ]);
    // "Re:" and "Fwd:" do not count: agenda, budget, contract, minutes
    expect(await subjects(c, inbox.id, { by: 'subject', direction: 'asc' })).toEqual([
      'agenda',
      'Re: budget',
      'Fwd: contract',
      'Minutes',
    ]);
    expect((await subjects(c, inbox.id, { by: 'size', direction: 'desc' }))[0]).toBe('agenda');
    expect(await subjects(c, inbox.id, undefined, { unread: true })).toEqual(['Minutes', 'Fwd: contract']);
    expect(await subjects(c, inbox.id, undefined, { attachments: true })).toEqual(['Fwd: contract']);
    expect(await subjects(c, inbox.id, { by: 'sender', direction: 'desc' }, { starred: true })).toEqual([
      'Minutes',
      'agenda',
    ]);
    expect(await subjects(c, inbox.id, undefined, { starred: true, unread: true })).toEqual(['Minutes']);

    // another device stars Re: budget: after the sync it is in the starred list
    await device.mailboxOpen('INBOX');
    await device.messageFlagsAdd({ header: { subject: 'Re: budget' } }, ['\\Flagged']);
    await device.logout();
    await c.service.call('sync.now', { accountId: account.id });
    await waitFor(async () => (await subjects(c, inbox.id, undefined, { starred: true })).length === 3);
    expect(await subjects(c, inbox.id, undefined, { starred: true })).toEqual(['Minutes', 'agenda', 'Re: budget']);

    // reading here takes a message out of the unread list at once
    const minutes = (await allHeaders(c, inbox.id)).find((m) => m.subject === 'Minutes')!;
    await c.service.call('messages.setFlags', { ids: [minutes.id], seen: true });
    expect(await subjects(c, inbox.id, undefined, { unread: true })).toEqual(['Fwd: contract']);
  });

  it('merge two accounts in the unified Inbox in the chosen order and filter', async () => {
    const alice = await createMailUser(server, 'alice');
    const bob = await createMailUser(server, 'bob');
    const a = await otherDevice(server, alice);
    await append(a, raw('Zed', 'one', 1, 10), ['\\Seen']);
    await append(a, raw('Ann', 'two', 2, 10));
    await a.logout();
    const b = await otherDevice(server, bob);
    await append(b, raw('Max', 'three', 3, 10));
    await append(b, raw('Bo', 'four', 4, 10), ['\\Seen']);
    await b.logout();
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const aa = await addAccount(c, server, alice);
    const bb = await addAccount(c, server, bob);
    const aInbox = await mailboxByRole(c, aa.id, 'inbox');
    const bInbox = await mailboxByRole(c, bb.id, 'inbox');
    await waitFor(
      async () => (await allHeaders(c, aInbox.id)).length === 2 && (await allHeaders(c, bInbox.id)).length === 2,
    );
    const unified = async (sort?: ListSort, filter?: ListFilter, offset = 0, limit = 10) =>
      c.service.call('messages.unifiedWindow', {
        role: 'inbox',
        offset,
        limit,
        ...(sort ? { sort } : {}),
        ...(filter ? { filter } : {}),
      });
    const bySender = await unified({ by: 'sender', direction: 'asc' });
    expect(bySender.messages.map((m) => m.subject)).toEqual(['two', 'four', 'three', 'one']);
    // paged, the same rows
    const second = await unified({ by: 'sender', direction: 'asc' }, undefined, 2, 2);
    expect(second.messages.map((m) => m.subject)).toEqual(['three', 'one']);
    const unread = await unified({ by: 'date', direction: 'asc' }, { unread: true });
    expect(unread.total).toBe(2);
    expect(unread.messages.map((m) => m.subject)).toEqual(['two', 'three']);
  });
});
