// Sending against the real Postfix and Dovecot of the test bed: what arrives, what is filed in
// Sent, threading, the outbox across restarts and crashes, refusals in the server's words, the
// network going away, and undo.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { ComposeDraft, OutboxItem } from '../../shared/compose';
import type { AccountSettings, MessageBody } from '../../shared/domain';
import type { AccountRuntime } from '../../electron/core/imap/account-runtime';
import { fetchPart } from '../../electron/core/imap/body/fetch-part';
import { planBody } from '../../electron/core/imap/body/structure';
import type { OriginalMessage } from '../../electron/core/smtp/sending-service';
import type { Store } from '../../electron/core/store/store';
import { getMailServer } from '../mailserver/inject';
import { mailboxPath } from '../mailserver/imap-servers';
import { appendMessage, withImap } from '../mailserver/imap-helpers';
import type { MailUser } from '../mailserver/types';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';
import { composeDraft } from '../support/compose-drafts';
import { startSendingBed, type SendingBed, type SendingBedOptions } from '../support/sending-bed';

const server = getMailServer();
/** "Sent", or "INBOX.Sent" on Courier. */
const SENT = mailboxPath(server, 'Sent');
const cleanup = cleanupAfterEach();

/** The service's loadOriginal, in miniature: header from the cache, body and parts from IMAP. */
async function loadOriginal(store: Store, runtime: AccountRuntime, id: number): Promise<OriginalMessage> {
  const header = store.messages.get([id])[0];
  if (!header) throw new Error(`no message ${id}`);
  const box = store.mailboxes.get(header.mailboxId)!;
  const withClient = async <T>(task: (c: ImapFlow) => Promise<T>): Promise<T> => {
    const client = await runtime.newClient();
    client.on('error', () => undefined);
    await client.connect();
    try {
      const lock = await client.getMailboxLock(box.path, { readOnly: true });
      try {
        return await task(client);
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  };
  const { source, structure } = await withClient(async (c) => {
    const m = await c.fetchOne(String(header.uid), { source: true, bodyStructure: true }, { uid: true });
    if (!m || !m.source) throw new Error('gone');
    return { source: m.source, structure: m.bodyStructure as unknown };
  });
  const mail = await simpleParser(source);
  const list = (v: typeof mail.replyTo) => (v ? v.value.map((a) => ({ name: a.name, address: a.address ?? '' })) : []);
  const body: MessageBody = {
    messageId: id,
    html: typeof mail.html === 'string' ? mail.html : null,
    text: mail.text ?? null,
    attachments: planBody(structure).attachments,
    bcc: [],
    replyTo: list(mail.replyTo),
    inReplyTo: mail.inReplyTo ?? null,
    references: typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []),
  };
  return { header, body, attachments: (part) => withClient((c) => fetchPart(c, header.uid, part)) };
}

/** The shared sending bed (test/support/sending-bed.ts), answering replies from the test server. */
const startBed = (user: MailUser, options: Omit<SendingBedOptions, 'loadOriginal'> = {}) =>
  startSendingBed(server, user, cleanup, { ...options, loadOriginal });
type Bed = SendingBed;
const draftFor = (bed: Bed, change: Partial<ComposeDraft>) => composeDraft(bed.accountId, change);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const tag = () => randomBytes(4).toString('hex');

/** Every copy of a message (by Message-ID) in a user's mailbox: source and flags. */
async function copies(user: MailUser, messageId: string, mailbox = 'INBOX') {
  return withImap(server, user, async (c) => {
    const lock = await c.getMailboxLock(mailbox, { readOnly: true });
    try {
      const uids = (await c.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      const out: { source: Buffer; flags: Set<string> }[] = [];
      for (const uid of uids) {
        const m = await c.fetchOne(String(uid), { source: true, flags: true }, { uid: true });
        if (m && m.source) out.push({ source: m.source, flags: m.flags ?? new Set() });
      }
      return out;
    } finally {
      lock.release();
    }
  });
}

async function arrived(user: MailUser, messageId: string, mailbox = 'INBOX', count = 1) {
  return waitFor(
    async () => {
      const found = await copies(user, messageId, mailbox);
      return found.length >= count ? found : null;
    },
    { timeoutMs: 15_000, what: `${messageId} in ${user.name}'s ${mailbox}` },
  );
}

function headerBlock(source: Buffer): string {
  const text = source.toString('utf8');
  return text.slice(0, text.indexOf('\r\n\r\n'));
}

/** The user opens INBOX (synced and watched, as mailboxes.open does) and finds the message. */
async function cachedInInbox(bed: Bed, messageId: string) {
  const inbox = await waitFor(() => bed.store.mailboxes.byRole(bed.accountId, 'inbox'), { what: 'INBOX' });
  await bed.runtime.openMailbox(inbox);
  return waitFor(() => bed.store.messages.window(inbox.id, 0, 50).find((h) => h.messageId === messageId), {
    what: `${messageId} in the cache`,
  });
}

async function outboxItem(bed: Bed, outboxId: number, state: OutboxItem['state']): Promise<OutboxItem> {
  return waitFor(() => bed.outboxEvents().find((i) => i.id === outboxId && i.state === state), {
    timeoutMs: 20_000,
    what: `outbox item ${outboxId} ${state}; seen ${JSON.stringify(bed.outboxEvents().map((i) => [i.id, i.state, i.error]))}`,
  });
}

async function messageIdOf(bed: Bed, outboxId: number): Promise<string> {
  const item = (await bed.sending.handlers['outbox.list']({})).find((i) => i.id === outboxId);
  if (item) return item.messageId;
  return bed.outboxEvents().find((i) => i.id === outboxId)!.messageId;
}

// ---------------------------------------------------------------------------------------------

describe('sending to a local user', () => {
  it('arrives with its exact subject, body, Reply-To and attachment bytes; Sent has a \\Seen copy; Bcc is never in a delivered header', async () => {
    const [me, anna, hidden] = await Promise.all([
      createMailUser(server, 'send-me'),
      createMailUser(server, 'send-anna'),
      createMailUser(server, 'send-hidden'),
    ]);
    const bed = await startBed(me);
    const bytes = randomBytes(300_000);
    const subject = `Planen för våren ✓ ${tag()}`;
    const body =
      'Hej Anna,\n\nhär är planen.\nEn rad som är mycket längre än sjuttiosex tecken så att den måste kodas eller brytas på något sätt.\n\n-- \nMe';
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, {
        to: `Anna <${anna.address}>`,
        bcc: `"Hidden, One" <${hidden.address}>`,
        replyTo: `Team <team@${server.domain}>`,
        subject,
        body,
        attachments: [
          {
            source: 'data',
            filename: 'plan å.bin',
            contentType: 'application/octet-stream',
            dataBase64: bytes.toString('base64'),
          },
        ],
      }),
      undoSeconds: 0,
    });
    const messageId = await messageIdOf(bed, outboxId);
    await outboxItem(bed, outboxId, 'done');

    const [delivered] = await arrived(anna, messageId);
    const mail = await simpleParser(delivered!.source);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toBe(body);
    expect(mail.from?.value[0]).toMatchObject({ name: `User ${me.name}`, address: me.address });
    expect(mail.replyTo?.value).toEqual([{ name: 'Team', address: `team@${server.domain}` }]);
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe('plan å.bin');
    expect(sha256(mail.attachments[0]!.content)).toBe(sha256(bytes));
    // The Bcc recipient got it, and nobody's copy names them in a header.
    const [secret] = await arrived(hidden, messageId);
    for (const copy of [delivered!, secret!]) expect(headerBlock(copy.source)).not.toMatch(/^Bcc:/im);
    expect(headerBlock(delivered!.source)).not.toContain(hidden.address);

    // Filed in Sent, read, with the Bcc line kept for the sender alone.
    const [filed] = await arrived(me, messageId, SENT);
    expect(filed!.flags.has('\\Seen')).toBe(true);
    expect(headerBlock(filed!.source)).toMatch(new RegExp(`^Bcc: .*${hidden.address.replace(/\./g, '\\.')}`, 'm'));
    expect(sha256((await simpleParser(filed!.source)).attachments[0]!.content)).toBe(sha256(bytes));
    expect(await copies(me, messageId, SENT)).toHaveLength(1);

    // The states it went through, in order, and nothing left in the outbox.
    const states = bed
      .outboxEvents()
      .filter((i) => i.id === outboxId)
      .map((i) => i.state);
    expect(states).toEqual(['queued', 'sending', 'sent-smtp', 'done']);
    expect(await bed.sending.handlers['outbox.list']({})).toEqual([]);
  });

  it('works over implicit TLS (465-style) and sends rich text with a plain alternative', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'tls-me'), createMailUser(server, 'tls-anna')]);
    const bed = await startBed(me, {
      settings: { smtp: { host: server.host, port: server.ports.submissions, security: 'tls' } },
    });
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, {
        to: anna.address,
        subject: 'Rich',
        format: 'html',
        body: '<p>Hello <b>Anna</b></p><ul><li>one</li></ul>',
      }),
      undoSeconds: 0,
    });
    const messageId = await messageIdOf(bed, outboxId);
    const [copy] = await arrived(anna, messageId);
    const mail = await simpleParser(copy!.source);
    expect(mail.html).toContain('<p>Hello <b>Anna</b></p>');
    expect(mail.text?.trim()).toBe('Hello Anna\n\n- one');
  });

  it('writes internationalised domains in their ASCII form, so no hop needs SMTPUTF8 for them', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'idn-me'), createMailUser(server, 'idn-anna')]);
    const bed = await startBed(me);
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, {
        to: `Anna <${anna.address}>, Jörg <joerg@bücher.example>`,
        subject: 'Internationellt',
        body: 'Hej',
      }),
      undoSeconds: 0,
    });
    const messageId = await messageIdOf(bed, outboxId);
    await outboxItem(bed, outboxId, 'done');
    const [copy] = await arrived(anna, messageId);
    const mail = await simpleParser(copy!.source);
    const to = (Array.isArray(mail.to) ? mail.to : [mail.to!]).flatMap((t) => t.value.map((v) => v.address));
    // On the wire in ASCII (xn--), read back as the user wrote it.
    expect(headerBlock(copy!.source)).toContain('<joerg@xn--bcher-kva.example>');
    expect(to).toEqual([anna.address, 'joerg@bücher.example']);
    // Mail to other domains ends up in the test bed's sink: it went out.
    await arrived(server.sink, messageId);
  });

  it('hands a UTF-8 local part to the server with SMTPUTF8', async () => {
    const me = await createMailUser(server, 'eai-me');
    const bed = await startBed(me);
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to: 'δοκιμή@παράδειγμα.δοκιμή', subject: 'EAI', body: 'Hej' }),
      undoSeconds: 0,
    });
    const done = await outboxItem(bed, outboxId, 'done');
    expect(done.recipients).toEqual(['δοκιμή@xn--hxajbheg2az3al.xn--jxalpdlp']);
    expect(done.rejected).toEqual([]);
    // Postfix accepted it (it offers SMTPUTF8); the test bed's Dovecot 2.3 LMTP does not, so
    // delivery beyond Postfix bounces there and is not what this test is about.
  });

  it('refuses a certificate the trust store does not vouch for, and sends nothing', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'cert-me'), createMailUser(server, 'cert-anna')]);
    const bed = await startBed(me, {
      settings: { smtp: { host: server.host, port: server.ports.submissionsUntrusted, security: 'tls' } },
    });
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to: anna.address, subject: 'Untrusted', body: 'x' }),
      undoSeconds: 0,
    });
    const failed = await outboxItem(bed, outboxId, 'failed');
    expect(failed.error).toMatch(/certificate/i);
    expect(await copies(anna, failed.messageId)).toHaveLength(0);
  });
});

describe('replying and forwarding', () => {
  it('threads a reply-all, leaves the user out, lists nobody twice, never stacks Re:', async () => {
    const [me, anna, bob, carol] = await Promise.all([
      createMailUser(server, 'reply-me'),
      createMailUser(server, 'reply-anna'),
      createMailUser(server, 'reply-bob'),
      createMailUser(server, 'reply-carol'),
    ]);
    const bed = await startBed(me);
    const originalId = `<orig-${tag()}@example.test>`;
    await appendMessage(
      server,
      me,
      `From: Anna <${anna.address}>\r\nTo: ${me.address}, Bob <${bob.address}>, ${anna.address.toUpperCase()}\r\n` +
        `Cc: Carol <${carol.address}>, ${me.address.toUpperCase()}, bob <${bob.address}>\r\n` +
        `Subject: Re: Sv: Re[2]: Hej\r\nDate: Tue, 03 Mar 2026 09:00:00 +0000\r\nMessage-ID: ${originalId}\r\n` +
        `References: <root@example.test> <mid@example.test>\r\nIn-Reply-To: <mid@example.test>\r\n\r\nHej alla!\r\n`,
    );
    const header = await cachedInInbox(bed, originalId);

    const draft = await bed.sending.handlers['compose.prepare']({
      mode: 'replyAll',
      messageId: header.id,
      locale: 'sv',
      timeZone: 'Europe/Stockholm',
    });
    expect(draft.to).toBe(`Anna <${anna.address}>, Bob <${bob.address}>`);
    expect(draft.cc).toBe(`Carol <${carol.address}>`);
    expect(draft.subject).toBe('Re: Hej');
    expect(draft.body).toContain('Den 3 mars 2026 skrev Anna:\n> Hej alla!');

    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: { ...draft, body: `Svar!${draft.body}` },
      undoSeconds: 0,
    });
    const messageId = await messageIdOf(bed, outboxId);
    for (const user of [anna, bob, carol]) {
      const [copy] = await arrived(user, messageId);
      const mail = await simpleParser(copy!.source);
      expect(mail.inReplyTo).toBe(originalId);
      expect(mail.references).toEqual(['<root@example.test>', '<mid@example.test>', originalId]);
      expect(mail.subject).toBe('Re: Hej');
    }
    // Each recipient got exactly one copy, and the user none (not even via Cc).
    expect(await copies(bob, messageId)).toHaveLength(1);
    expect(await copies(me, messageId)).toHaveLength(0);
  });

  it('forwards inline with the original headers and keeps its attachments', async () => {
    const [me, anna, bob] = await Promise.all([
      createMailUser(server, 'fwd-me'),
      createMailUser(server, 'fwd-anna'),
      createMailUser(server, 'fwd-bob'),
    ]);
    const bed = await startBed(me);
    const pdf = randomBytes(50_000);
    const originalId = `<fwd-${tag()}@example.test>`;
    const original = await new MailComposer({
      from: { name: 'Anna', address: anna.address },
      to: me.address,
      subject: 'Fwd: AW: Rapport',
      text: 'Se bilagan.',
      messageId: originalId,
      date: new Date(Date.UTC(2026, 2, 3, 9, 0)),
      attachments: [{ filename: 'rapport.pdf', contentType: 'application/pdf', content: pdf }],
    })
      .compile()
      .build();
    await appendMessage(server, me, original);
    const header = await cachedInInbox(bed, originalId);
    const draft = await bed.sending.handlers['compose.prepare']({
      mode: 'forward',
      messageId: header.id,
      locale: 'en-GB',
    });
    expect(draft.subject).toBe('Fwd: Rapport');
    expect(draft.attachments).toMatchObject([
      { source: 'original', filename: 'rapport.pdf', contentType: 'application/pdf' },
    ]);

    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: { ...draft, to: bob.address },
      undoSeconds: 0,
    });
    const messageId = await messageIdOf(bed, outboxId);
    const [copy] = await arrived(bob, messageId);
    const mail = await simpleParser(copy!.source);
    expect(mail.subject).toBe('Fwd: Rapport');
    expect(mail.text).toContain('-------- Forwarded Message --------');
    expect(mail.text).toContain(`From: Anna <${anna.address}>`);
    expect(mail.text).toContain('Se bilagan.');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['rapport.pdf']);
    expect(sha256(mail.attachments[0]!.content)).toBe(sha256(pdf));
  });
});

describe('the outbox across restarts and crashes', () => {
  it('a queued message survives closing the store and is sent, once, after reopening', async () => {
    const [me, anna] = await Promise.all([
      createMailUser(server, 'restart-me'),
      createMailUser(server, 'restart-anna'),
    ]);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sending-restart-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await startBed(me, { dataDir });
    const { outboxId } = await first.sending.handlers['outbox.send']({
      draft: draftFor(first, { to: anna.address, subject: 'Survives', body: 'x' }),
      undoSeconds: 30,
    });
    const messageId = await messageIdOf(first, outboxId);
    await first.stop();

    const second = await startBed(me, { dataDir });
    expect(await second.sending.handlers['outbox.list']({})).toMatchObject([
      { id: outboxId, state: 'queued', messageId },
    ]);
    await second.sending.handlers['outbox.retry']({ outboxId });
    await outboxItem(second, outboxId, 'done');
    await arrived(anna, messageId);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await copies(anna, messageId)).toHaveLength(1);
  });

  /** Queues a message, quits, and leaves its row as a crash at `state` would have. */
  async function crashedAt(
    me: MailUser,
    to: string,
    state: 'sending' | 'sent-smtp',
    settings?: Partial<AccountSettings>,
  ) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sending-crash-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const bed = await startBed(me, { dataDir, settings });
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to, subject: `Crash ${state}`, body: 'once only' }),
      undoSeconds: 30,
    });
    const row = bed.store.db
      .prepare('SELECT raw, envelope_json, message_id FROM outbox WHERE id = ?')
      .get(outboxId) as {
      raw: Buffer;
      envelope_json: string;
      message_id: string;
    };
    bed.store.db.prepare('UPDATE outbox SET state = ?, attempts = 1 WHERE id = ?').run(state, outboxId);
    await bed.stop();
    return {
      dataDir,
      outboxId,
      raw: row.raw,
      envelope: JSON.parse(row.envelope_json) as { from: string; to: string[] },
      messageId: row.message_id,
    };
  }

  /** What the server got before the crash: the stored bytes, with the stored envelope. */
  async function deliverAsTheServerDid(me: MailUser, raw: Buffer, envelope: { from: string; to: string[] }) {
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.ports.submission,
      secure: false,
      requireTLS: true,
      auth: { user: me.address, pass: me.password },
      tls: { ca: [server.caPem] },
    });
    try {
      await transport.sendMail({ envelope, raw });
    } finally {
      transport.close();
    }
  }

  it('killed after the server accepted, on a server that files sent mail: found in Sent, not sent again', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'crash-me'), createMailUser(server, 'crash-anna')]);
    const crash = await crashedAt(me, anna.address, 'sending', { serverSavesSent: true });
    await deliverAsTheServerDid(me, crash.raw, crash.envelope);
    await appendMessage(server, me, crash.raw, SENT, ['\\Seen']); // the server's own Sent copy
    await arrived(anna, crash.messageId);

    const bed = await startBed(me, { dataDir: crash.dataDir });
    const done = await outboxItem(bed, crash.outboxId, 'done');
    expect(done.error).toMatch(/not sent again/);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await copies(anna, crash.messageId)).toHaveLength(1);
    expect(await copies(me, crash.messageId, SENT)).toHaveLength(1);
  });

  it('killed after the Sent copy was filed: done without a second copy or a second delivery', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'crash2-me'), createMailUser(server, 'crash2-anna')]);
    const crash = await crashedAt(me, anna.address, 'sent-smtp');
    await deliverAsTheServerDid(me, crash.raw, crash.envelope);
    await appendMessage(server, me, crash.raw, SENT, ['\\Seen']);
    await arrived(anna, crash.messageId);

    const bed = await startBed(me, { dataDir: crash.dataDir });
    await outboxItem(bed, crash.outboxId, 'done');
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await copies(anna, crash.messageId)).toHaveLength(1);
    expect(await copies(me, crash.messageId, SENT)).toHaveLength(1);
  });

  it('killed after a message to oneself was accepted: found in INBOX, not sent again', async () => {
    const me = await createMailUser(server, 'crash3-me');
    const crash = await crashedAt(me, me.address, 'sending');
    await deliverAsTheServerDid(me, crash.raw, crash.envelope);
    await arrived(me, crash.messageId);

    const bed = await startBed(me, { dataDir: crash.dataDir });
    const done = await outboxItem(bed, crash.outboxId, 'done');
    expect(done.error).toMatch(/not sent again/);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await copies(me, crash.messageId)).toHaveLength(1);
    // The server does not file sent mail: the copy is filed now, once.
    expect(await copies(me, crash.messageId, SENT)).toHaveLength(1);
  });

  it('sees a Sent copy that another connection filed since it last looked (no stale mailbox view)', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'stale-me'), createMailUser(server, 'stale-anna')]);
    const bed = await startBed(me);
    // A first message leaves the Sent folder selected on the sending side's connection.
    const first = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to: anna.address, subject: 'First', body: 'x' }),
      undoSeconds: 0,
    });
    await outboxItem(bed, first.outboxId, 'done');
    // A second one, accepted by the server and filed in Sent by another connection, as a crash
    // between the APPEND and the state write would leave it.
    const second = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to: anna.address, subject: 'Second', body: 'y' }),
      undoSeconds: 30,
    });
    const row = bed.store.db.prepare('SELECT raw, message_id FROM outbox WHERE id = ?').get(second.outboxId) as {
      raw: Buffer;
      message_id: string;
    };
    bed.store.db.prepare(`UPDATE outbox SET state = 'sent-smtp' WHERE id = ?`).run(second.outboxId);
    await appendMessage(server, me, row.raw, SENT, ['\\Seen']);
    await bed.sending.handlers['outbox.retry']({ outboxId: second.outboxId });
    await outboxItem(bed, second.outboxId, 'done');
    expect(await copies(me, row.message_id, SENT)).toHaveLength(1);
  });

  it('killed before the server had it: sent after the restart, exactly once (no loss)', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'crash4-me'), createMailUser(server, 'crash4-anna')]);
    const crash = await crashedAt(me, anna.address, 'sending');
    const bed = await startBed(me, { dataDir: crash.dataDir });
    await outboxItem(bed, crash.outboxId, 'done');
    expect(bed.outboxEvents().find((i) => i.id === crash.outboxId && i.state === 'queued')?.error).toMatch(
      /interrupted/,
    );
    await arrived(anna, crash.messageId);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await copies(anna, crash.messageId)).toHaveLength(1);
    expect(await copies(me, crash.messageId, SENT)).toHaveLength(1);
  });
});

describe('refusals and failures', () => {
  it('a refused recipient fails with the server’s own words and comes back for editing', async () => {
    const me = await createMailUser(server, 'refuse-me');
    // The 25-style port relays for nobody: Postfix answers 554 5.7.1 ... Relay access denied.
    // (Authenticated submission accepts any address here and the test bed catches it in its sink.)
    const bed = await startBed(me, {
      settings: { smtp: { host: server.host, port: server.ports.smtp, security: 'plain' } },
    });
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to: 'Someone <someone@elsewhere.invalid>', subject: 'Refused', body: 'x' }),
      undoSeconds: 0,
    });
    const failed = await outboxItem(bed, outboxId, 'failed');
    expect(failed.error).toContain('554 5.7.1 <someone@elsewhere.invalid>: Relay access denied');
    // What the outbox view shows: the message, failed, with the server's own words.
    expect(await bed.sending.handlers['outbox.list']({})).toMatchObject([
      {
        id: outboxId,
        state: 'failed',
        subject: 'Refused',
        recipients: ['someone@elsewhere.invalid'],
        error: expect.stringContaining('554 5.7.1 <someone@elsewhere.invalid>: Relay access denied'),
        scheduledFor: null,
      },
    ]);
    const back = await bed.sending.handlers['outbox.cancel']({ outboxId });
    expect(back).toMatchObject({ to: 'Someone <someone@elsewhere.invalid>', subject: 'Refused' });
    expect(await bed.sending.handlers['outbox.list']({})).toEqual([]);
  });

  it('authenticated submission refuses the block-listed recipient: failed, with it named and the server’s words', async () => {
    const me = await createMailUser(server, 'blocked-me');
    const bed = await startBed(me);
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to: server.refusedRecipient, subject: 'Blocked', body: 'x' }),
      undoSeconds: 0,
    });
    const failed = await outboxItem(bed, outboxId, 'failed');
    const words = `550 5.1.1 <${server.refusedRecipient}>: Recipient address rejected: Refused by the test bed's block list`;
    expect(failed.error).toBe(`${server.host} refused the message: ${words}`);
    expect(failed.rejected).toEqual([{ address: server.refusedRecipient, response: words }]);
    // Retry submits again (the server refuses again), and the list starts over meanwhile.
    const refusals = () => bed.outboxEvents().filter((i) => i.id === outboxId && i.state === 'failed');
    expect(refusals()).toHaveLength(1);
    await bed.sending.handlers['outbox.retry']({ outboxId });
    const again = await waitFor(() => refusals()[1], { what: 'the retried send refused again' });
    expect(again).toMatchObject({ error: failed.error, rejected: failed.rejected });
    const between = bed
      .outboxEvents()
      .filter((i) => i.id === outboxId && i.state === 'queued')
      .at(-1);
    expect(between?.rejected).toEqual([]);
  });

  it('one refused recipient among accepted ones: the others get it, the refusal is reported', async () => {
    const [me, anna] = await Promise.all([
      createMailUser(server, 'partial-me'),
      createMailUser(server, 'partial-anna'),
    ]);
    const bed = await startBed(me, {
      settings: { smtp: { host: server.host, port: server.ports.smtp, security: 'plain' } },
    });
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to: `${anna.address}, someone@elsewhere.invalid`, subject: 'Partly', body: 'x' }),
      undoSeconds: 0,
    });
    const done = await outboxItem(bed, outboxId, 'done');
    expect(done.rejected).toEqual([
      { address: 'someone@elsewhere.invalid', response: '554 5.7.1 <someone@elsewhere.invalid>: Relay access denied' },
    ]);
    await arrived(anna, done.messageId);
  });

  it('with the server out of reach it waits, and goes when the server is back', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'down-me'), createMailUser(server, 'down-anna')]);
    const proxy = await startTcpProxy(server.ports.submission);
    cleanup.push(() => proxy.close());
    const bed = await startBed(me, {
      settings: { smtp: { host: '127.0.0.1', port: proxy.port, security: 'starttls' } },
    });
    await proxy.cut();
    const { outboxId } = await bed.sending.handlers['outbox.send']({
      draft: draftFor(bed, { to: anna.address, subject: 'Later', body: 'x' }),
      undoSeconds: 0,
    });
    const waiting = await waitFor(
      () => bed.outboxEvents().find((i) => i.id === outboxId && i.state === 'queued' && i.attempts >= 2),
      { what: 'two failed attempts' },
    );
    expect(waiting.error).toMatch(/Cannot reach 127\.0\.0\.1/);
    expect(await copies(anna, waiting.messageId)).toHaveLength(0);
    await proxy.restore();
    await outboxItem(bed, outboxId, 'done');
    await arrived(anna, waiting.messageId);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await copies(anna, waiting.messageId)).toHaveLength(1);
  });
});

describe('undo send', () => {
  it('within the delay nothing is sent and the draft comes back; with no delay it goes at once', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'undo-me'), createMailUser(server, 'undo-anna')]);
    const bed = await startBed(me);
    const draft = draftFor(bed, { to: anna.address, subject: 'Oops', body: 'Not yet', bcc: `b@${server.domain}` });
    const { outboxId, sendAt } = await bed.sending.handlers['outbox.send']({ draft, undoSeconds: 2 });
    expect(sendAt - Date.now()).toBeGreaterThan(1_000);
    const messageId = await messageIdOf(bed, outboxId);
    const back = await bed.sending.handlers['outbox.cancel']({ outboxId });
    expect(back).toMatchObject({ to: anna.address, bcc: `b@${server.domain}`, subject: 'Oops', body: 'Not yet' });
    expect(back.draftId).toEqual(expect.any(String));
    await new Promise((r) => setTimeout(r, 3_500));
    expect(await copies(anna, messageId)).toHaveLength(0);
    expect(
      bed
        .outboxEvents()
        .filter((i) => i.id === outboxId)
        .map((i) => i.state),
    ).toEqual(['queued', 'cancelled']);

    // Sent again from the returned draft, without delay: it goes at once.
    const started = Date.now();
    const again = await bed.sending.handlers['outbox.send']({ draft: back, undoSeconds: 0 });
    const done = await outboxItem(bed, again.outboxId, 'done');
    expect(Date.now() - started).toBeLessThan(5_000);
    await arrived(anna, done.messageId);
    expect(await bed.sending.handlers['drafts.list']({})).toEqual([]);
  });
});
