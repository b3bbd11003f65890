// Identities against the real Postfix/Dovecot: a message written from an alias goes out with the
// alias's name and address in From (and in MAIL FROM), and its copy in Sent says the same; a
// reply to an alias puts the alias's signature above or below the quote as the alias (or, when
// it made no choice, the account) says.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../shared/compose';
import { createIdentityHandlers } from '../../electron/core/smtp/identity-handlers';
import { getMailServer } from '../mailserver/inject';
import { mailboxPath } from '../mailserver/imap-servers';
import { withImap } from '../mailserver/imap-helpers';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { composeDraft } from '../support/compose-drafts';
import { createMailUser } from '../support/mail-users';
import { startSendingBed, type SendingBed } from '../support/sending-bed';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const SENT = mailboxPath(server, 'Sent');

async function copy(user: MailUser, messageId: string, mailbox: string): Promise<Buffer> {
  return waitFor(
    () =>
      withImap(server, user, async (c) => {
        const lock = await c.getMailboxLock(mailbox, { readOnly: true });
        try {
          const [uid] = (await c.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
          if (!uid) return null;
          const message = await c.fetchOne(String(uid), { source: true }, { uid: true });
          return message ? (message.source ?? null) : null;
        } finally {
          lock.release();
        }
      }),
    { timeoutMs: 15_000, what: `${messageId} in ${user.name}'s ${mailbox}` },
  );
}

/** The item's last event once it is done (ids are reused once the outbox is empty: hence by Message-ID). */
function done(bed: SendingBed, outboxId: number): Promise<OutboxItem> {
  const messageId = bed
    .outboxEvents()
    .filter((i) => i.id === outboxId)
    .at(-1)!.messageId;
  return waitFor(() => bed.outboxEvents().find((i) => i.messageId === messageId && i.state === 'done'), {
    timeoutMs: 20_000,
    what: `outbox item ${outboxId} done`,
  });
}

describe('identities', () => {
  it('a message from an alias carries its name and address in From, delivered and in Sent', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'alias-me'), createMailUser(server, 'alias-anna')]);
    const bed = await startSendingBed(server, me, cleanup);
    const identities = createIdentityHandlers(bed.store);
    const alias = `sales-${me.name}@${server.domain}`;
    await identities['identities.save']({ accountId: bed.accountId, email: alias, name: 'Sales Team', signature: '' });
    expect(await identities['identities.list']({ accountId: bed.accountId })).toMatchObject([
      { email: alias, name: 'Sales Team' },
    ]);
    // The account's own address is not an identity of it.
    await expect(
      identities['identities.save']({ accountId: bed.accountId, email: me.address, name: 'x', signature: '' }),
    ).rejects.toThrow(/own address/);

    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: composeDraft(bed.accountId, { from: alias, to: anna.address, subject: 'From the alias', body: 'Hi' }),
      undoSeconds: 0,
    });
    const item = await done(bed, outboxId);
    const delivered = await simpleParser(await copy(anna, item.messageId, 'INBOX'));
    expect(delivered.from?.value).toEqual([{ name: 'Sales Team', address: alias }]);
    const sent = await simpleParser(await copy(me, item.messageId, SENT));
    expect(sent.from?.value).toEqual([{ name: 'Sales Team', address: alias }]);

    // Without an identity named, the account's own From, as before.
    const plain = await bed.sending.handlers['outbox.send']({
      draft: composeDraft(bed.accountId, { to: anna.address, subject: 'From me', body: 'Hi' }),
      undoSeconds: 0,
    });
    const mine = await simpleParser(await copy(anna, (await done(bed, plain.outboxId)).messageId, 'INBOX'));
    expect(mine.from?.value).toEqual([{ name: `User ${me.name}`, address: me.address }]);
  });
});

describe('signature placement per identity', () => {
  it('a reply to an alias places the alias’s signature as the alias says, or as the account does when it says nothing', async () => {
    const user = await createMailUser(server, 'alias-place');
    const device = await otherDevice(server, user);
    cleanup.push(() => device.logout());
    const below = `support-${user.name}@${server.domain}`;
    const asAccount = `billing-${user.name}@${server.domain}`;
    for (const [to, id] of [
      [below, 'to-support'],
      [asAccount, 'to-billing'],
    ] as const)
      await device.append(
        'INBOX',
        `From: Friend <friend@example.test>\r\nTo: ${to}\r\nSubject: ${id}\r\n` +
          `Date: ${new Date(Date.UTC(2026, 2, 1, 10)).toUTCString()}\r\nMessage-ID: <${id}@x>\r\n\r\nA question\r\n`,
      );
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user);
    await c.service.call('accounts.update', { accountId: account.id, signaturePlacement: 'above' });
    const support = await c.service.call('identities.save', {
      accountId: account.id,
      email: below,
      name: 'Support',
      signature: 'Support desk',
      signaturePlacement: 'below',
    });
    expect(support.signaturePlacement).toBe('below');
    const billing = await c.service.call('identities.save', {
      accountId: account.id,
      email: asAccount,
      name: 'Billing',
      signature: 'Billing office',
    });
    expect(billing.signaturePlacement).toBeNull();
    expect(await c.service.call('identities.list', { accountId: account.id })).toMatchObject([
      { email: below, signaturePlacement: 'below' },
      { email: asAccount, signaturePlacement: null },
    ]);

    const inbox = await mailboxByRole(c, account.id, 'inbox');
    const headers = await waitFor(async () => {
      const all = await allHeaders(c, inbox.id);
      return all.length === 2 ? all : undefined;
    });
    const reply = async (subject: string) => {
      const original = headers.find((h) => h.subject === subject)!;
      return (await c.service.call('compose.prepare', { mode: 'reply', messageId: original.id, format: 'plain' })).body;
    };
    const signatureAfterQuote = (body: string, signature: string) =>
      body.indexOf(`-- \n${signature}`) > body.indexOf('> A question');

    const toSupport = await reply('to-support');
    expect(toSupport).toContain('-- \nSupport desk');
    expect(signatureAfterQuote(toSupport, 'Support desk')).toBe(true);
    const toBilling = await reply('to-billing');
    expect(toBilling).toContain('-- \nBilling office');
    expect(signatureAfterQuote(toBilling, 'Billing office')).toBe(false);

    // The account moves its signature below: the identity that follows it moves too; one that
    // chose "above" for itself stays above.
    await c.service.call('accounts.update', { accountId: account.id, signaturePlacement: 'below' });
    expect(signatureAfterQuote(await reply('to-billing'), 'Billing office')).toBe(true);
    await c.service.call('identities.save', { ...support, signaturePlacement: 'above' });
    expect(signatureAfterQuote(await reply('to-support'), 'Support desk')).toBe(false);
  });
});
