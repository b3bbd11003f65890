// A picture pasted into a rich body, sent through the real Postfix to a Dovecot user: it arrives
// as a part of a multipart/related whose Content-ID is the one the HTML's <img src="cid:..."> names,
// the Sent copy carries it too, and reading the message back as a draft puts it into the body.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { parseDraftMessage } from '../../electron/core/smtp/draft-parse';
import { getMailServer } from '../mailserver/inject';
import { mailboxPath } from '../mailserver/imap-servers';
import { withImap } from '../mailserver/imap-helpers';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { composeDraft } from '../support/compose-drafts';
import { createMailUser } from '../support/mail-users';
import { startSendingBed } from '../support/sending-bed';
import { waitFor } from '../support/wait';

const server = getMailServer();
const SENT = mailboxPath(server, 'Sent');
const cleanup = cleanupAfterEach();
/** A 1×1 PNG, whole, so a reader could show it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function copyIn(user: MailUser, messageId: string, mailbox: string): Promise<Buffer> {
  return waitFor(
    () =>
      withImap(server, user, async (c) => {
        const lock = await c.getMailboxLock(mailbox, { readOnly: true });
        try {
          const uids = (await c.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
          if (!uids.length) return null;
          const m = await c.fetchOne(String(uids[0]), { source: true }, { uid: true });
          return m && m.source ? m.source : null;
        } finally {
          lock.release();
        }
      }),
    { timeoutMs: 15_000, what: `${messageId} in ${user.name}'s ${mailbox}` },
  );
}

/** The related part and the cid the HTML names, read from the raw message. */
async function relatedImage(source: Buffer) {
  expect(source.toString()).toMatch(/Content-Type: multipart\/related/i);
  const mail = await simpleParser(source, { keepCidLinks: true });
  const cid = /<img src="cid:([^"]+)"/.exec(typeof mail.html === 'string' ? mail.html : '')?.[1];
  const part = mail.attachments.find((a) => a.contentType === 'image/png');
  return { cid, part, mail };
}

describe('inline images', () => {
  it('arrive as a multipart/related part named by the cid: the HTML references, in Sent too', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'img-me'), createMailUser(server, 'img-anna')]);
    const bed = await startSendingBed(server, me, cleanup);
    const body = `<p>Before</p><p><img src="data:image/png;base64,${PNG.toString('base64')}"></p><p>After</p>`;
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: composeDraft(bed.accountId, { to: anna.address, subject: 'Picture', format: 'html', body }),
      undoSeconds: 0,
    });
    const messageId = await waitFor(
      async () =>
        (await bed.sending.handlers['outbox.list']({})).find((i) => i.id === outboxId)?.messageId ??
        bed.outboxEvents().find((i) => i.id === outboxId)?.messageId,
      { what: 'the message id' },
    );

    const delivered = await copyIn(anna, messageId, 'INBOX');
    const { cid, part, mail } = await relatedImage(delivered);
    expect(cid).toBeTruthy();
    expect(part?.cid).toBe(cid);
    expect(part?.contentDisposition).toBe('inline');
    expect(part?.content.equals(PNG)).toBe(true);
    expect(delivered.toString()).toContain(`Content-ID: <${cid}>`);
    // the picture stays where it was put, between the two paragraphs, and no data: URL travels
    expect(mail.html).toMatch(/Before<\/p><p><img src="cid:[^"]+"><\/p><p>After/);
    expect(delivered.toString()).not.toContain('data:image/png');

    const sent = await relatedImage(await copyIn(me, messageId, SENT));
    expect(sent.cid).toBe(cid);
    expect(sent.part?.content.equals(PNG)).toBe(true);

    // Opened again as a draft (edit as new, a draft from another device): the picture is back
    // in the body where it was, and it is not also an attachment.
    const draft = await parseDraftMessage(delivered);
    expect(draft.fields.body).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}">`);
    expect(draft.attachments).toEqual([]);
  });
});
