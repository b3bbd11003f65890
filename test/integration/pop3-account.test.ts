// A POP3 account through the engine's contract, as the UI uses it: added like any account, its
// Inbox fills from Dovecot's pop3d, messages read and search offline, deletes and moves stay
// local (nothing queued for a server), the unified inbox includes it, and sent mail is kept in
// its local Sent. The account list says which protocol an account reads its mail with.
import { afterEach, describe, expect, it } from 'vitest';
import { composeDraft } from '../support/compose-drafts';
import { appendMessage, mailboxStatus } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { addAccount, allHeaders, mailboxByRole, startCore, type CoreHandle } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cores: CoreHandle[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close(true).catch(() => undefined);
});

const pop3Server = { host: server.host, port: server.ports.pop3s, security: 'tls' as const };

function message(subject: string, body: string): string {
  return [
    'From: Pat Sender <pat@example.org>',
    'To: someone@example.test',
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W/g, '')}@example.org>`,
    'Date: Sun, 01 Mar 2026 10:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

describe('a POP3 account in the engine', () => {
  it('fills its Inbox, reads and searches offline, keeps deletes local and files sent mail locally', async () => {
    const user = await createMailUser(server, 'pop3-core');
    await appendMessage(server, user, message('Quarterly figures', 'The walrus numbers are up.'));
    await appendMessage(server, user, message('Lunch', 'Soup on Friday?'));
    const core = await startCore(server);
    cores.push(core);

    const account = await addAccount(core, server, user, { protocol: 'pop3', imap: pop3Server });
    expect(account.protocol).toBe('pop3');
    expect(account.pop3).toEqual({ leaveOnServer: true, deleteAfterDays: null, deleteWhenDeletedHere: false });
    expect((await core.service.call('accounts.list', {})).find((a) => a.id === account.id)?.protocol).toBe('pop3');

    const inbox = await mailboxByRole(core, account.id, 'inbox');
    const headers = await waitFor(
      async () => {
        const rows = await allHeaders(core, inbox.id);
        return rows.length === 2 ? rows : null;
      },
      { what: 'both messages in the POP3 Inbox' },
    );
    await waitFor(
      async () =>
        (await core.service.call('accounts.status', {})).find((s) => s.accountId === account.id)?.state === 'online',
      { what: 'the POP3 account online' },
    );
    await core.service.settled();
    const figures = headers.find((h) => h.subject === 'Quarterly figures')!;
    const body = await core.service.call('message.body', { id: figures.id });
    expect(body.text).toContain('The walrus numbers are up.');
    const unified = await core.service.call('messages.unifiedWindow', { role: 'inbox', offset: 0, limit: 10 });
    expect(unified.messages.map((m) => m.id).sort()).toEqual(headers.map((h) => h.id).sort());
    // its mail is all here: the server's half of search has none of its folders to search, and
    // does not report them unreachable (the results would say the server could not be asked)
    const serverHalf = await core.service.call('messages.serverSearch', {
      query: 'walrus',
      scope: { kind: 'mailbox', mailboxId: inbox.id },
    });
    expect(serverHalf).toMatchObject({ outcome: 'done', searchedFolders: 0, unreachableFolders: 0 });

    // delete and archive are local: the server keeps both (leave on server), nothing is queued
    const lunch = headers.find((h) => h.subject === 'Lunch')!;
    await core.service.call('messages.delete', { ids: [lunch.id] });
    await core.service.call('messages.archive', { ids: [figures.id] });
    await core.service.call('messages.setFlags', { ids: [figures.id], flagged: true });
    const trash = await mailboxByRole(core, account.id, 'trash');
    const archive = await mailboxByRole(core, account.id, 'archive');
    expect((await allHeaders(core, trash.id)).map((h) => h.subject)).toEqual(['Lunch']);
    expect((await allHeaders(core, archive.id)).map((h) => h).map((h) => [h.subject, h.flags.flagged])).toEqual([
      ['Quarterly figures', true],
    ]);
    expect((await mailboxStatus(server, user)).messages).toBe(2);

    // sent mail: out over SMTP, its copy in the local Sent
    const sentTo = await createMailUser(server, 'pop3-core-to');
    await core.service.call('outbox.send', {
      draft: composeDraft(account.id, { to: sentTo.address, subject: 'Sent from POP3', body: 'Hello\n' }),
      undoSeconds: 0,
    });
    const sent = await mailboxByRole(core, account.id, 'sent');
    const [copy] = await waitFor(
      async () => {
        const rows = await allHeaders(core, sent.id);
        return rows.length ? rows : null;
      },
      { what: 'the local Sent copy' },
    );
    expect(copy?.subject).toBe('Sent from POP3');
    expect((await core.service.call('message.body', { id: copy!.id })).text).toContain('Hello');

    // the options change after setup: from the next check on, the server's copies go
    const changed = await core.service.call('accounts.setPop3Options', {
      accountId: account.id,
      options: { leaveOnServer: false, deleteAfterDays: null, deleteWhenDeletedHere: false },
    });
    expect(changed.pop3?.leaveOnServer).toBe(false);
    await core.service.call('sync.now', { accountId: account.id });
    await waitFor(async () => (await mailboxStatus(server, user)).messages === 0, {
      what: 'the server copies removed',
    });
    await expect(
      core.service.call('accounts.setPop3Options', {
        accountId: (await addAccount(core, server, sentTo)).id,
        options: { leaveOnServer: false, deleteAfterDays: null, deleteWhenDeletedHere: false },
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await core.service.settled();
    await core.close();
    cores.splice(0);

    // offline: the same profile with no network reads the archived message and finds it by a word of its body
    const offline = await startCore(server, { dataDir: core.dataDir, offline: true });
    cores.push(offline);
    const again = await offline.service.call('message.body', { id: figures.id });
    expect(again.text).toContain('walrus');
    const found = await waitFor(
      async () => {
        const result = await offline.service.call('messages.search', {
          query: 'walrus',
          scope: { kind: 'all' },
          offset: 0,
          limit: 10,
        });
        return result.messages.length ? result : null;
      },
      { what: 'the body found by search' },
    );
    expect(found.messages.map((m) => m.id)).toEqual([figures.id]);
  });
});
