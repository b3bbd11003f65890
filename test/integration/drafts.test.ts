// Drafts against the real Dovecot: saved to the Drafts folder and replaced version by version,
// edited on another device and reopened here, discarded everywhere, and synced late when offline.
import { createHash, randomBytes } from 'node:crypto';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import type { ComposeDraft, OutboxItem } from '../../shared/compose';
import type { AccountSettings, MessageHeader } from '../../shared/domain';
import { getMailServer } from '../mailserver/inject';
import { mailboxPath } from '../mailserver/imap-servers';
import { withImap } from '../mailserver/imap-helpers';
import type { MailUser } from '../mailserver/types';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';
import { composeDraft } from '../support/compose-drafts';
import { startSendingBed, type SendingBed } from '../support/sending-bed';

const server = getMailServer();
/** "Drafts", or "INBOX.Drafts" on Courier. */
const DRAFTS = mailboxPath(server, 'Drafts');
const cleanup = cleanupAfterEach();

type Bed = SendingBed;
/** The shared sending bed (test/support/sending-bed.ts); `imap` points the account elsewhere. */
const startBed = (user: MailUser, imap?: AccountSettings['imap']) =>
  startSendingBed(server, user, cleanup, imap ? { settings: { imap } } : {});
const draftFor = (bed: Bed, change: Partial<ComposeDraft>) => composeDraft(bed.accountId, change);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const tag = () => randomBytes(4).toString('hex');

interface ServerDraft {
  uid: number;
  flags: Set<string>;
  source: Buffer;
  messageId: string;
}

/** The Drafts folder as another device sees it: every message whose subject contains `marker`. */
async function serverDrafts(user: MailUser, marker: string): Promise<ServerDraft[]> {
  return withImap(server, user, async (c) => {
    const lock = await c.getMailboxLock(DRAFTS, { readOnly: true });
    try {
      const uids = (await c.search({ subject: marker }, { uid: true })) || [];
      const out: ServerDraft[] = [];
      for (const uid of uids) {
        const m = await c.fetchOne(String(uid), { source: true, flags: true, envelope: true }, { uid: true });
        if (m && m.source)
          out.push({ uid, flags: m.flags ?? new Set(), source: m.source, messageId: m.envelope?.messageId ?? '' });
      }
      return out;
    } finally {
      lock.release();
    }
  });
}

/**
 * The user opens the Drafts folder (it is synced and watched, as mailboxes.open does) and finds
 * the message whose subject is `subject`: its cached header, once sync has it.
 */
async function cachedDraft(bed: Bed, subject: string): Promise<MessageHeader> {
  const drafts = await waitFor(() => bed.store.mailboxes.byRole(bed.accountId, 'drafts'), {
    what: 'the Drafts folder',
  });
  await bed.runtime.openMailbox(drafts);
  return waitFor(
    () => {
      const box = bed.store.mailboxes.byRole(bed.accountId, 'drafts');
      return box
        ? bed.store.messages.window(box.id, 0, 100).find((h) => h.subject === subject && h.uid > 0)
        : undefined;
    },
    { timeoutMs: 15_000, what: `"${subject}" in the cached Drafts folder` },
  );
}

/** Another device rewrites a draft: a new version (its own choice of Message-ID), the old one expunged. */
async function editOnOtherDevice(
  user: MailUser,
  old: ServerDraft,
  change: { subject: string; body: string; messageId: string; attachment?: Buffer },
) {
  const parsed = await simpleParser(old.source);
  const raw = await new MailComposer({
    from: parsed.from?.text,
    to: parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : undefined,
    subject: change.subject,
    text: change.body,
    messageId: change.messageId,
    attachments: change.attachment
      ? [{ filename: 'photo.jpg', contentType: 'image/jpeg', content: change.attachment }]
      : [],
  })
    .compile()
    .build();
  await withImap(server, user, async (c) => {
    await c.append(DRAFTS, raw, ['\\Draft', '\\Seen']);
    const lock = await c.getMailboxLock(DRAFTS);
    try {
      await c.messageDelete(String(old.uid), { uid: true });
    } finally {
      lock.release();
    }
  });
}

describe('drafts on the server', () => {
  it('a synced save lands in Drafts as \\Draft \\Seen, and each new version replaces the last', async () => {
    const me = await createMailUser(server, 'drafts-me');
    const bed = await startBed(me);
    const marker = `Draft ${tag()}`;
    const local = await bed.sending.handlers['drafts.save']({
      draft: draftFor(bed, {
        to: 'Anna <anna@example.test>',
        bcc: 'hidden@example.test',
        subject: marker,
        body: 'first',
      }),
    });
    expect(local.savedToServer).toBe(false);
    expect(await serverDrafts(me, marker)).toHaveLength(0);

    const draft = draftFor(bed, {
      draftId: local.draftId,
      to: 'Anna <anna@example.test>',
      bcc: 'hidden@example.test',
      subject: marker,
      body: 'second',
      attachments: [
        {
          source: 'data',
          filename: 'a.txt',
          contentType: 'text/plain',
          dataBase64: Buffer.from('A!').toString('base64'),
        },
      ],
    });
    const synced = await bed.sending.handlers['drafts.save']({ draft, sync: true });
    expect(synced).toMatchObject({ draftId: local.draftId, savedToServer: true });
    const [first] = await serverDrafts(me, marker);
    expect([...first!.flags].sort()).toEqual(['\\Draft', '\\Seen']);
    const parsed = await simpleParser(first!.source);
    expect(parsed.text).toBe('second');
    expect(parsed.bcc && !Array.isArray(parsed.bcc) ? parsed.bcc.text : '').toBe('hidden@example.test');
    expect(parsed.attachments[0]!.content.toString()).toBe('A!');

    // Saving the same again moves nothing; a change replaces the version (same Message-ID).
    await bed.sending.handlers['drafts.save']({ draft: { ...draft, attachments: synced.attachments }, sync: true });
    expect((await serverDrafts(me, marker)).map((d) => d.uid)).toEqual([first!.uid]);
    await bed.sending.handlers['drafts.save']({
      draft: { ...draft, attachments: synced.attachments, body: 'third' },
      sync: true,
    });
    const versions = await serverDrafts(me, marker);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.uid).not.toBe(first!.uid);
    expect(versions[0]!.messageId).toBe(first!.messageId);
    expect((await simpleParser(versions[0]!.source)).text).toBe('third');
  });

  it('a draft edited on another device reopens with its changes and attachments; saving replaces that version; sending removes it', async () => {
    const [me, anna] = await Promise.all([
      createMailUser(server, 'drafts-edit-me'),
      createMailUser(server, 'drafts-edit-anna'),
    ]);
    const bed = await startBed(me);
    const marker = `Trip ${tag()}`;
    const saved = await bed.sending.handlers['drafts.save']({
      draft: draftFor(bed, { to: `Anna <${anna.address}>`, subject: marker, body: 'written here' }),
      sync: true,
    });
    const [mine] = await serverDrafts(me, marker);

    // The other device keeps the Message-ID, changes the text and adds a photo.
    const photo = randomBytes(40_000);
    await editOnOtherDevice(me, mine!, {
      subject: `${marker} v2`,
      body: 'edited on the phone',
      messageId: mine!.messageId,
      attachment: photo,
    });
    const header = await cachedDraft(bed, `${marker} v2`);
    const opened = await bed.sending.handlers['drafts.open']({ messageId: header.id });
    expect(opened).toMatchObject({ draftId: saved.draftId, subject: `${marker} v2`, to: `Anna <${anna.address}>` });
    expect(opened.body.trim()).toBe('edited on the phone');
    expect(opened.attachments).toMatchObject([
      { source: 'stored', filename: 'photo.jpg', contentType: 'image/jpeg', size: photo.length },
    ]);

    // Edited here again: the phone's version is replaced, not kept beside ours.
    const again = await bed.sending.handlers['drafts.save']({ draft: { ...opened, body: 'final words' }, sync: true });
    expect(again.savedToServer).toBe(true);
    const versions = await serverDrafts(me, marker);
    expect(versions).toHaveLength(1);
    expect((await simpleParser(versions[0]!.source)).text).toBe('final words');

    // Sent: it arrives with the photo, and its draft leaves the Drafts folder.
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: { ...opened, body: 'final words' },
      undoSeconds: 0,
    });
    const done = await waitFor(
      () =>
        bed.events
          .filter((e) => e.event === 'outbox.changed')
          .map((e) => (e.payload as { item: OutboxItem }).item)
          .find((i) => i.id === outboxId && i.state === 'done'),
      { timeoutMs: 15_000, what: 'the message sent' },
    );
    const delivered = await waitFor(
      () =>
        withImap(server, anna, async (c) => {
          const lock = await c.getMailboxLock('INBOX', { readOnly: true });
          try {
            const [uid] = (await c.search({ header: { 'message-id': done.messageId } }, { uid: true })) || [];
            return uid ? (await c.fetchOne(String(uid), { source: true }, { uid: true })) || null : null;
          } finally {
            lock.release();
          }
        }),
      { timeoutMs: 15_000, what: 'delivery' },
    );
    const mail = await simpleParser(delivered.source!);
    expect(sha256(mail.attachments[0]!.content)).toBe(sha256(photo));
    await waitFor(async () => (await serverDrafts(me, marker)).length === 0, { what: 'the draft gone from Drafts' });
    expect(await bed.sending.handlers['drafts.list']({})).toEqual([]);
  });

  it('a draft made on another device opens here with its Bcc and Reply-To, keeps them when edited; discarding removes it', async () => {
    const me = await createMailUser(server, 'drafts-other-me');
    const bed = await startBed(me);
    const marker = `Phone draft ${tag()}`;
    const phoneDraft = new MailComposer({
      from: me.address,
      to: 'Bob <bob@example.test>',
      cc: 'carol@example.test',
      bcc: 'Dave <dave@example.test>',
      replyTo: 'team@example.test',
      subject: marker,
      html: '<p>Hi <b>Bob</b></p>',
      messageId: `<phone-${tag()}@example.test>`,
      attachments: [{ filename: 'list.csv', contentType: 'text/csv', content: Buffer.from('a,b\n1,2\n') }],
    }).compile();
    // A device keeps Bcc in the draft it saves (only what goes out over SMTP drops it).
    phoneDraft.keepBcc = true;
    const raw = await phoneDraft.build();
    await withImap(server, me, (c) => c.append(DRAFTS, raw, ['\\Draft', '\\Seen']));
    const header = await cachedDraft(bed, marker);

    const opened = await bed.sending.handlers['drafts.open']({ messageId: header.id });
    expect(opened).toMatchObject({
      to: 'Bob <bob@example.test>',
      cc: 'carol@example.test',
      bcc: 'Dave <dave@example.test>',
      replyTo: 'team@example.test',
      subject: marker,
      format: 'html',
    });
    expect(opened.body).toContain('<p>Hi <b>Bob</b></p>');
    expect(opened.attachments).toMatchObject([{ source: 'stored', filename: 'list.csv', size: 8 }]);
    expect((await bed.sending.handlers['drafts.list']({})).map((d) => d.draftId)).toEqual([opened.draftId]);
    // Opening it again changes nothing: the local copy is that version.
    expect((await bed.sending.handlers['drafts.open']({ messageId: header.id })).draftId).toBe(opened.draftId);

    // Edited here: the version that replaces it on the server still names them.
    await bed.sending.handlers['drafts.save']({ draft: { ...opened, body: '<p>Hi Bob, edited</p>' }, sync: true });
    const [edited, ...others] = await serverDrafts(me, marker);
    expect(others).toEqual([]);
    const parsed = await simpleParser(edited!.source);
    expect(parsed.html).toContain('edited');
    expect(parsed.bcc).toMatchObject({ value: [{ name: 'Dave', address: 'dave@example.test' }] });
    expect(parsed.replyTo).toMatchObject({ value: [{ address: 'team@example.test' }] });

    await bed.sending.handlers['drafts.discard']({ draftId: opened.draftId! });
    expect(await serverDrafts(me, marker)).toHaveLength(0);
    expect(await bed.sending.handlers['drafts.list']({})).toEqual([]);
    await expect(bed.sending.handlers['drafts.get']({ draftId: opened.draftId! })).rejects.toThrow(/not found/);
  });

  it('offline, a synced save waits and reaches the server when the connection is back', async () => {
    const me = await createMailUser(server, 'drafts-offline-me');
    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    const bed = await startBed(me, { host: '127.0.0.1', port: proxy.port, security: 'tls' });
    await proxy.cut();
    await waitFor(() => bed.runtime.currentStatus.state === 'offline', { what: 'offline' });
    const marker = `Offline ${tag()}`;
    const saved = await bed.sending.handlers['drafts.save']({
      draft: draftFor(bed, { subject: marker, body: 'on the train' }),
      sync: true,
    });
    expect(saved.savedToServer).toBe(false);
    expect((await bed.sending.handlers['drafts.list']({}))[0]).toMatchObject({
      draftId: saved.draftId,
      savedToServer: false,
    });

    await proxy.restore();
    await waitFor(async () => (await serverDrafts(me, marker)).length === 1, {
      timeoutMs: 20_000,
      what: 'the draft on the server',
    });
    // the engine records the save once the server's APPEND answer is in, a moment after the
    // server shows the message
    await waitFor(async () => (await bed.sending.handlers['drafts.list']({}))[0]?.savedToServer === true, {
      what: 'the draft recorded as saved to the server',
    });
    expect((await bed.sending.handlers['drafts.list']({}))[0]).toMatchObject({
      draftId: saved.draftId,
      savedToServer: true,
    });
  });
});
