// A password changed on the server while mail is queued: one refused SMTP AUTH stops every
// protocol of the account (a provider counts each refusal, many lock the account), the user is
// asked once and told which server refused, and after the new password the queue drains in
// order, each message delivered once. Counted in Dovecot's own log (it checks SMTP AUTH too).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComposeDraft } from '../../shared/compose';
import { doveadm } from '../mailserver/doveadm';
import { withImap } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { authFailures, countLogLines } from '../mailserver/logs';
import { sleep } from '../mailserver/processes';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { addAccount, mailboxByRole, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { startFaultProxy } from '../support/fault-proxy';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';
import { composeDraft } from '../support/compose-drafts';

const server = getMailServer();
const cleanup = cleanupAfterEach();

/** What an administrator (or the user on another device) does: a new password in the passdb. */
async function changePassword(s: MailServerInfo, user: MailUser, password: string): Promise<void> {
  const file = join(s.dir, 'dovecot', 'users');
  const before = readFileSync(file, 'utf8');
  const line = `${user.address}:{PLAIN}${user.password}:`;
  expect(before).toContain(line);
  writeFileSync(file, before.replace(line, `${user.address}:{PLAIN}${password}:`));
  // Dovecot re-reads the file at most once a second: wait until the new password works.
  await waitFor(() => doveadm(s, ['auth', 'test', user.address, password]).then(() => true), {
    intervalMs: 300,
    what: 'Dovecot to take the new password',
  });
}

/** IMAP logins Dovecot refused for the user (imap-login logs the user on its disconnect line). */
const imapRefusals = (user: MailUser) =>
  countLogLines(server, new RegExp(`imap-login: .*auth failed.*user=<${user.address.replace(/[.]/g, '\\.')}>`));

const draft = (accountId: string, to: string, subject: string): ComposeDraft =>
  composeDraft(accountId, {
    to,
    subject,
    body: `${subject}\n`,
  });

describe('a refused password', () => {
  it('stops IMAP and SMTP after one refusal, asks once, and the outbox drains in order after the new one', async () => {
    const user = await createMailUser(server, 'pwchange');
    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    const core = await startCore(server, { reconnect: { baseMs: 100, maxMs: 1_000, healthyMs: 6_000 } });
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    await mailboxByRole(core, account.id, 'inbox');
    await core.service.settled();

    const newPassword = `${user.password}-new`;
    await changePassword(server, user, newPassword);
    const refusedBefore = authFailures(server, user.address);
    const imapRefusedBefore = imapRefusals(user);

    const subjects = ['First queued', 'Second queued', 'Third queued', 'Fourth queued'];
    for (const subject of subjects)
      await core.service.call('outbox.send', { draft: draft(account.id, user.address, subject), undoSeconds: 1 });

    const asked = await waitFor(
      () => core.eventsOf('account.status').find((s) => s.accountId === account.id && s.state === 'auth-failed'),
      { what: 'the account to ask for the password' },
    );
    expect(asked.server).toBe(server.host);
    // The IMAP session drops too: its reconnect must not try the refused password either.
    proxy.dropSessions();
    await core.service.call('sync.now', { accountId: account.id });
    await sleep(3_000);
    await core.service.settled();

    // One refusal in all, IMAP and SMTP together: whichever meets the changed password first is
    // refused (usually SMTP, sending the queue; IMAP when a connection of its own opens first), and
    // neither the other protocol nor the IMAP reconnect after the drop tries the password again.
    expect(authFailures(server, user.address) - refusedBefore).toBe(1);
    expect(imapRefusals(user) - imapRefusedBefore).toBeLessThanOrEqual(1);
    const waiting = await core.service.call('outbox.list', { accountId: account.id });
    expect(waiting.map((i) => i.state)).toEqual(['queued', 'queued', 'queued', 'queued']);
    // Asked once: one auth-failed status, not one per message or per protocol.
    expect(core.eventsOf('account.status').filter((s) => s.state === 'auth-failed').length).toBeLessThanOrEqual(2);

    await core.service.call('accounts.setPassword', { accountId: account.id, password: newPassword });
    const delivered = await waitFor(
      () =>
        withImap(server, { ...user, password: newPassword }, async (c) => {
          await c.mailboxOpen('INBOX');
          const found: string[] = [];
          for await (const m of c.fetch('1:*', { envelope: true, uid: true })) found.push(m.envelope?.subject ?? '');
          return found.length >= subjects.length ? found : null;
        }).catch(() => null),
      { timeoutMs: 20_000, what: 'every queued message delivered' },
    );
    await sleep(1_000);
    await core.service.settled();
    expect(delivered).toEqual(subjects);
    expect(await core.service.call('outbox.list', { accountId: account.id })).toEqual([]);
    expect(authFailures(server, user.address) - refusedBefore).toBe(1);
  });

  it('a refused login of the sending side (Drafts, Sent copies) stops the account too, while the work connection stays', async () => {
    const user = await createMailUser(server, 'pwdrafts');
    const core = await startCore(server, { reconnect: { baseMs: 100, maxMs: 1_000, healthyMs: 6_000 } });
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user);
    await mailboxByRole(core, account.id, 'drafts');
    await core.service.settled();
    await sleep(1_000); // the IDLE watcher's login too, which starts after the first pass

    // the work connection stays logged in: only new logins see the new password
    await changePassword(server, user, `${user.password}-new`);
    const imapRefusedBefore = imapRefusals(user);
    const first = await core.service.call('drafts.save', { draft: draft(account.id, user.address, 'One'), sync: true });
    expect(first.savedToServer).toBe(false);
    await waitFor(
      () => core.eventsOf('account.status').find((s) => s.accountId === account.id && s.state === 'auth-failed'),
      { what: 'the account to ask for the password' },
    );
    const second = await core.service.call('drafts.save', {
      draft: { ...draft(account.id, user.address, 'One'), draftId: first.draftId, body: 'Changed\n' },
      sync: true,
    });
    expect(second.savedToServer).toBe(false);
    await sleep(1_500);
    await core.service.settled();
    expect(imapRefusals(user) - imapRefusedBefore).toBe(1);

    // the new password: the draft the server missed goes up by itself
    await core.service.call('accounts.setPassword', { accountId: account.id, password: `${user.password}-new` });
    await waitFor(
      () => core.eventsOf('drafts.changed').find((e) => e.draftId === first.draftId && e.state === 'saved-to-server'),
      { what: 'the draft saved to the server with the new password' },
    );
  });

  it('a login under way with the old password, refused after the new one was given, does not ask again', async () => {
    const user = await createMailUser(server, 'pwstale');
    const smtp = await startFaultProxy({ targetPort: server.ports.submissions, mode: 'tls', server });
    cleanup.push(() => smtp.close());
    const core = await startCore(server, { reconnect: { baseMs: 100, maxMs: 1_000, healthyMs: 6_000 } });
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user, {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'tls' },
    });
    await mailboxByRole(core, account.id, 'inbox');
    await core.service.settled();
    const newPassword = `${user.password}-new`;
    await changePassword(server, user, newPassword);

    // the AUTH with the old password is on its way; its refusal is held back while the user
    // gives the new password, and arrives after it
    const authSent = smtp.seen('up', /^AUTH /i);
    await core.service.call('outbox.send', { draft: draft(account.id, user.address, 'Under way'), undoSeconds: 0 });
    await authSent;
    smtp.stall();
    await core.service.call('accounts.setPassword', { accountId: account.id, password: newPassword });
    smtp.resume();

    await waitFor(
      () =>
        withImap(server, { ...user, password: newPassword }, async (c) => {
          await c.mailboxOpen('INBOX');
          return (c.mailbox && c.mailbox.exists > 0) || null;
        }).catch(() => null),
      { timeoutMs: 15_000, what: 'the message delivered with the new password' },
    );
    expect(core.eventsOf('account.status').filter((s) => s.state === 'auth-failed')).toEqual([]);
  });
});
