// Reading a message asks the server as little as it can, on the connection the reading pane waits on.
// The connection a message is read over (the on-demand one) is logged in, with the folder the
// user looks at selected, before the first message there is opened: opened on first use, the
// first body, sender check or inline image paid the login and the SELECT of the whole folder,
// and whatever the reading pane asked next queued behind them (bench figure r: 2.5 to 3.3 s on a
// 100k INBOX while another account's first sync started, and a j press of 1.5 s).
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { logins } from '../mailserver/logs';
import { sleep } from '../mailserver/processes';
import { cleanupAfterEach } from '../support/cleanup';
import { loginsSettled } from '../support/logins-settled';
import { addAccount, mailboxByRole, otherDevice, startCore, syncedInbox } from '../support/core-harness';
import { startFaultProxy } from '../support/fault-proxy';
import { createMailUser } from '../support/mail-users';
import { syncedOverProxy } from '../support/synced-over-proxy';
import { waitFor } from '../support/wait';
import { plainMessage } from '../support/plain-message';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) => plainMessage(subject, `The text of ${subject}.`);

describe('reading a folder just opened', () => {
  it('opens no connection of its own: the folder opening logged it in and selected the folder', async () => {
    const user = await createMailUser(server, 'readyread');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', raw('First opened'));
    await other.append('INBOX', raw('Second opened'));

    const core = await startCore(server);
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user);
    const { inbox, headers } = await syncedInbox(core, account.id, 2);
    await core.service.settled();

    const count = () => logins(server, user.address, 'imap');
    await core.service.call('mailboxes.open', { mailboxId: inbox.id });
    const before = await loginsSettled(count);

    const first = headers.find((h) => h.subject === 'First opened')!;
    const body = await core.service.call('message.body', { id: first.id });
    expect(body.text).toContain('The text of First opened.');
    await core.service.call('message.senderInfo', { id: first.id });
    // Before: the first open logged the on-demand connection in here.
    expect(await loginsSettled(count, 500)).toBe(before);
  });

  it('readies nothing when a drop cuts its first pass short: the work connection alone logs in again', async () => {
    const user = await createMailUser(server, 'readydrop');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', raw('Synced after the drop'));
    const proxy = await startFaultProxy({ targetPort: server.ports.imaps, mode: 'tls', server });
    cleanup.push(() => proxy.close());
    // the first pass's header FETCH: the Inbox is not level yet, so its readying waits (whenLevel)
    const fetching = proxy.seen('up', /^\S+ UID FETCH /i);
    // the work connection comes back after 1 to 2 s: long enough to see who logs in before it
    const core = await startCore(server, { reconnect: { baseMs: 2_000, maxMs: 4_000, healthyMs: 6_000 } });
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    await fetching;
    proxy.stall();
    // the window opens the Inbox, as it does once the folder list shows it: its readying waits
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await core.service.call('mailboxes.open', { mailboxId: inbox.id });
    // every session dropped before the FETCH is answered: the pass ends short, whenLevel answers
    const before = proxy.accepted;
    proxy.reset();
    proxy.resume();
    await sleep(800);
    // Before: the reading connection logged in at once, beside the reconnect to come, and a
    // password or token refused meanwhile was refused twice (oauth.e2e.ts's revoke).
    expect(proxy.accepted - before).toBe(0);
    // the work connection's reconnect syncs the Inbox as usual
    await syncedInbox(core, account.id, 1);
  });
});

describe('an account coming online', () => {
  it('readies the Inbox for reading before the window opens any folder', async () => {
    const user = await createMailUser(server, 'readyonline');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', raw('Read after a restart'));

    const first = await startCore(server);
    const account = await addAccount(first, server, user);
    const {
      headers: [header],
    } = await syncedInbox(first, account.id, 1);
    await first.service.settled();
    await first.close();

    // The next start, on the same profile: the window has not opened a folder yet.
    const core = await startCore(server, { dataDir: first.dataDir });
    cleanup.push(() => core.close(true));
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'online'), { what: 'online' });
    const count = () => logins(server, user.address, 'imap');
    const before = await loginsSettled(count);
    const body = await core.service.call('message.body', { id: header!.id });
    expect(body.text).toContain('The text of Read after a restart.');
    // Before: the Inbox was readied only by mailboxes.open, and this open logged in here.
    expect(await loginsSettled(count, 500)).toBe(before);
  });
});

/** An account whose IMAP goes through a proxy the test can cut, with `message` its only one, synced. */
async function oneMessageOverProxy(name: string, message: string) {
  const { core, proxy, headers } = await syncedOverProxy(server, cleanup, name, [message]);
  return { core, proxy, header: headers[0]! };
}

const listReply = [
  'From: Weekly News <news@lists.example.test>',
  'To: me@example.test',
  'Subject: Re: This week',
  'Date: Tue, 03 Mar 2026 10:00:00 +0000',
  'Message-ID: <reply@lists.example.test>',
  'In-Reply-To: <week@lists.example.test>',
  'References: <start@lists.example.test>',
  ' <week@lists.example.test>',
  'List-Unsubscribe: <mailto:leave@lists.example.test>, <https://lists.example.test/u/abc>',
  'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
  '',
  'News.',
  '',
].join('\r\n');

describe('the sender checks of a message read', () => {
  it('come from the FETCH of its body: shown with the server out of reach, references unmixed', async () => {
    const { core, proxy, header } = await oneMessageOverProxy('senderkept', listReply);
    const body = await core.service.call('message.body', { id: header.id });
    // the References field alone, though List-Unsubscribe's <...> came in the same FETCH
    expect(body.references).toEqual(['<start@lists.example.test>', '<week@lists.example.test>']);

    await proxy.cut();
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'offline'), { what: 'offline' });
    // Before: a FETCH of these fields on the on-demand connection, refused offline.
    const info = await core.service.call('message.senderInfo', { id: header.id });
    expect(info.unsubscribe).toEqual({
      https: 'https://lists.example.test/u/abc',
      mailto: 'leave@lists.example.test',
      oneClick: true,
    });
  });
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The picture both messages' text shows, as the last part of their multipart/related. */
const logoPart = [
  '--rel',
  'Content-Type: image/png; name="logo.png"',
  'Content-Transfer-Encoding: base64',
  'Content-ID: <logo@example.test>',
  'Content-Disposition: inline; filename="logo.png"',
  '',
  PNG.toString('base64'),
];

const withLogo = [
  'From: Friend <friend@example.test>',
  'To: me@example.test',
  'Subject: The new logo',
  'Date: Tue, 03 Mar 2026 10:00:00 +0000',
  'Message-ID: <logo@example.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; boundary="rel"',
  '',
  '--rel',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Here is the new logo:</p><img src="cid:logo@example.test">',
  ...logoPart,
  '--rel--',
  '',
].join('\r\n');

/** A document in the body's multipart/related with a Content-ID of its own, before the picture the text shows. */
const withInlinePdf = [
  'From: Friend <friend@example.test>',
  'To: me@example.test',
  'Subject: The contract and the logo',
  'Date: Tue, 03 Mar 2026 10:00:00 +0000',
  'Message-ID: <contract@example.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; boundary="rel"',
  '',
  '--rel',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>The contract, and the logo:</p><img src="cid:logo@example.test">',
  '--rel',
  'Content-Type: application/pdf; name="contract.pdf"',
  'Content-Transfer-Encoding: base64',
  'Content-ID: <contract@example.test>',
  'Content-Disposition: inline; filename="contract.pdf"',
  '',
  Buffer.from('%PDF-1.4 not really a contract').toString('base64'),
  ...logoPart,
  '--rel--',
  '',
].join('\r\n');

/** Whether the engine holds a part's bytes (read from its database, as a restart would). */
function partCached(dataDir: string, id: number, part: string): boolean {
  const db = new Database(path.join(dataDir, 'mail.db'), { readonly: true });
  try {
    return (
      db
        .prepare('SELECT data IS NOT NULL AS cached FROM attachments WHERE message_id = ? AND part = ?')
        .pluck()
        .get(id, part) === 1
    );
  } finally {
    db.close();
  }
}

describe('the inline images of a message read', () => {
  it('come right after its body, so they show with the server out of reach', async () => {
    const { core, proxy, header } = await oneMessageOverProxy('inlinekept', withLogo);
    const body = await core.service.call('message.body', { id: header.id });
    const logo = body.attachments.find((a) => a.filename === 'logo.png')!;
    expect(logo.inline).toBe(true);
    // Before: nothing but the reading pane's own message.attachment fetched it.
    await waitFor(() => partCached(core.dataDir, header.id, logo.part), {
      what: 'the inline image cached after its body',
    });

    await proxy.cut();
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'offline'), { what: 'offline' });
    const image = await core.service.call('message.attachment', { id: header.id, part: logo.part });
    expect(Buffer.from(image.dataBase64, 'base64')).toEqual(PNG);
  });

  it('are images only: a document sent inline waits until it is asked for', async () => {
    const { core, header } = await oneMessageOverProxy('inlinepdf', withInlinePdf);
    const body = await core.service.call('message.body', { id: header.id });
    const pdf = body.attachments.find((a) => a.filename === 'contract.pdf')!;
    const logo = body.attachments.find((a) => a.filename === 'logo.png')!;
    expect(pdf.inline).toBe(true);
    // the parts are fetched in the message's order, the document first: once the picture is
    // in, a document fetched ahead would be in too (before, it was)
    await waitFor(() => partCached(core.dataDir, header.id, logo.part), {
      what: 'the inline image cached after its body',
    });
    expect(partCached(core.dataDir, header.id, pdf.part)).toBe(false);
    // still there when asked for
    const document = await core.service.call('message.attachment', { id: header.id, part: pdf.part });
    expect(Buffer.from(document.dataBase64, 'base64').toString()).toBe('%PDF-1.4 not really a contract');
  });
});
