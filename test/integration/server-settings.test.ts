// Server settings changed after setup, against the test bed: nothing is saved unless the new
// settings pass a connection test; another IMAP server (here: the STARTTLS port instead of the
// implicit-TLS one) drops the old cache and syncs cleanly from the start, with no message twice;
// a change the mailboxes do not care about (SMTP security) keeps the cache; and an OAuth2
// account can move to an app password. A POP3 account's server can change too, tested over POP3,
// and its local mail (the only copy) stays, with no message downloaded twice.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConnectionSettings } from '../../shared/discovery';
import type { Account, ServerSettings } from '../../shared/domain';
import { doveadm } from '../mailserver/doveadm';
import { appendMessage } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { countLogLines, waitForLogCount } from '../mailserver/logs';
import { cleanupAfterEach } from '../support/cleanup';
import {
  accountSettings,
  addAccount,
  allHeaders,
  mailboxByRole,
  startCore,
  type CoreHandle,
} from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { oauthTestEnv, signInAtProvider } from '../support/oauth-consent';
import { noteTo } from '../support/plain-message';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

async function core(): Promise<CoreHandle> {
  const handle = await startCore(server, { oauthEnv: oauthTestEnv(server.oauth.url) });
  cleanup.push(() => handle.close(true));
  return handle;
}

/** Where nothing listens: a test of it fails, so nothing may be saved. */
const closedPort: ServerSettings = { host: server.host, port: 1, security: 'tls' };

/**
 * accounts.updateServers with the account's servers kept but for what `change` names (every
 * test here changes one side and keeps the other), and its own sign-in unless `password` is given.
 */
function updateServers(
  handle: CoreHandle,
  account: Account,
  change: Pick<ConnectionSettings, 'username'> & Partial<ConnectionSettings>,
  password?: string,
) {
  return handle.service.call('accounts.updateServers', {
    accountId: account.id,
    settings: { imap: account.imap, smtp: account.smtp, ...change },
    ...(password ? { password } : {}),
  });
}

async function inboxSubjects(handle: CoreHandle, accountId: string, count: number): Promise<string[]> {
  return waitFor(
    async () => {
      const inbox = await mailboxByRole(handle, accountId, 'inbox');
      const subjects = (await allHeaders(handle, inbox.id)).map((m) => m.subject).sort();
      return subjects.length >= count ? subjects : null;
    },
    { what: `${count} messages in the inbox` },
  );
}

describe('server settings after setup', () => {
  it('are saved only after a passing test, and another IMAP server resyncs cleanly', async () => {
    const user = await createMailUser(server, 'servers');
    for (const subject of ['One', 'Two']) await appendMessage(server, user, noteTo(user, subject), 'INBOX');
    const handle = await core();
    const account = await addAccount(handle, server, user);
    expect(await inboxSubjects(handle, account.id, 2)).toEqual(['One', 'Two']);
    const oldInbox = await mailboxByRole(handle, account.id, 'inbox');

    // a wrong port: the test fails and nothing changes
    const wrong = await updateServers(handle, account, { username: user.address, imap: closedPort });
    expect(wrong.outcome).toBe('test-failed');
    expect((await handle.service.call('accounts.list', {}))[0]?.imap.port).toBe(server.ports.imaps);

    // another mailbox store (another user, through the STARTTLS port): none of the old
    // mailbox's messages may stay, none may come twice
    const other = await createMailUser(server, 'servers-other');
    await appendMessage(server, other, noteTo(other, 'Elsewhere'), 'INBOX');
    // the worst case: the two INBOXes share a UIDVALIDITY (two servers may well), so only
    // forgetting the old server's cache keeps its messages from standing in for the new one's
    const [validity] =
      /uidvalidity=(\d+)/i.exec(
        await doveadm(server, ['mailbox', 'status', '-u', user.address, 'uidvalidity', 'INBOX']),
      ) ?? [];
    await doveadm(server, [
      'mailbox',
      'update',
      '-u',
      other.address,
      '--uid-validity',
      validity?.split('=')[1] ?? '',
      'INBOX',
    ]);
    const moved = await updateServers(
      handle,
      account,
      { username: other.address, imap: { host: server.host, port: server.ports.imap, security: 'starttls' } },
      other.password,
    );
    expect(moved).toMatchObject({ outcome: 'saved', resynced: true });
    expect(moved.outcome === 'saved' && moved.account.imap).toEqual({
      host: server.host,
      port: server.ports.imap,
      security: 'starttls',
    });
    await waitFor(
      async () => {
        const inbox = await mailboxByRole(handle, account.id, 'inbox');
        const subjects = (await allHeaders(handle, inbox.id)).map((m) => m.subject);
        return subjects.length === 1 && subjects[0] === 'Elsewhere' ? subjects : null;
      },
      { what: "the inbox to hold the new server's message alone" },
    );
    await appendMessage(server, other, noteTo(other, 'Later'), 'INBOX');
    expect(await inboxSubjects(handle, account.id, 2)).toEqual(['Elsewhere', 'Later']);
    expect(oldInbox.accountId).toBe(account.id);
  });

  it('a change of SMTP security keeps the cache', async () => {
    const user = await createMailUser(server, 'servers-smtp');
    await appendMessage(server, user, noteTo(user, 'Kept'), 'INBOX');
    const handle = await core();
    const account = await addAccount(handle, server, user);
    await inboxSubjects(handle, account.id, 1);
    const inbox = await mailboxByRole(handle, account.id, 'inbox');
    const saved = await updateServers(handle, account, {
      username: user.address,
      smtp: { host: server.host, port: server.ports.submissions, security: 'tls' },
    });
    expect(saved).toMatchObject({ outcome: 'saved', resynced: false });
    expect((await mailboxByRole(handle, account.id, 'inbox')).id).toBe(inbox.id);
  });

  it("a POP3 account's server changes to the STARTTLS port: its local mail stays and nothing comes twice", async () => {
    const user = await createMailUser(server, 'servers-pop3');
    for (const subject of ['Kept one', 'Kept two']) await appendMessage(server, user, noteTo(user, subject), 'INBOX');
    const handle = await core();
    const account = await addAccount(handle, server, user, {
      protocol: 'pop3',
      imap: { host: server.host, port: server.ports.pop3s, security: 'tls' },
    });
    expect(await inboxSubjects(handle, account.id, 2)).toEqual(['Kept one', 'Kept two']);
    await handle.service.settled();
    const inbox = await mailboxByRole(handle, account.id, 'inbox');

    // a wrong port is tested over POP3 and refused; nothing changes
    const wrong = await updateServers(handle, account, { username: user.address, imap: closedPort, protocol: 'pop3' });
    expect(wrong.outcome).toBe('test-failed');

    // the same mailbox through STLS on the other port: another server as far as the account can
    // tell, so the old UIDLs are set apart and the messages recognised by their headers
    const saved = await updateServers(handle, account, {
      username: user.address,
      imap: { host: server.host, port: server.ports.pop3, security: 'starttls' },
      protocol: 'pop3',
    });
    expect(saved).toMatchObject({ outcome: 'saved', resynced: true });
    if (saved.outcome === 'saved') expect(saved.account.imap).toMatchObject({ port: server.ports.pop3 });
    // the local Inbox is the only copy of POP3 mail: it is never dropped
    expect((await mailboxByRole(handle, account.id, 'inbox')).id).toBe(inbox.id);
    const db = new Database(path.join(handle.dataDir, 'mail.db'), { readonly: true });
    cleanup.push(async () => db.close());
    expect(db.prepare('SELECT port, security FROM pop3_accounts WHERE account_id = ?').get(account.id)).toEqual({
      port: server.ports.pop3,
      security: 'starttls',
    });

    await appendMessage(server, user, noteTo(user, 'New'), 'INBOX');
    await handle.service.call('sync.now', { accountId: account.id });
    expect(await inboxSubjects(handle, account.id, 3)).toEqual(['Kept one', 'Kept two', 'New']);
    await handle.service.settled();
    expect((await allHeaders(handle, inbox.id)).map((m) => m.subject).sort()).toEqual(['Kept one', 'Kept two', 'New']);
    // the old names are gone: each message is known under the new server's UIDL alone
    expect(db.prepare("SELECT COUNT(*) AS n FROM pop3_messages WHERE uidl LIKE 'previous-server %'").get()).toEqual({
      n: 0,
    });
  });

  it('a password account can move to OAuth2 sign-in, and then logs in with its token', async () => {
    const user = await createMailUser(server, 'servers-to-oauth');
    const handle = await core();
    const account = await addAccount(handle, server, user);
    await mailboxByRole(handle, account.id, 'inbox');
    const outcome = await signInAtProvider(handle.service, { email: user.address, accountId: account.id });
    expect(outcome.outcome).toBe('signed-in-again');
    expect(outcome.outcome === 'signed-in-again' && outcome.account.oauthProvider).toBe('google');
    // the account started again with the new method: its next login presents the token
    const tokenLogins = () =>
      countLogLines(server, new RegExp(`Login: user=<${user.address.replace(/[.]/g, '\\.')}>, method=OAUTHBEARER`));
    expect(await waitForLogCount(tokenLogins, 1, 10_000)).toBeGreaterThanOrEqual(1);
  });

  it('an OAuth2 account can move to an app password', async () => {
    const user = await createMailUser(server, 'servers-oauth');
    const handle = await core();
    const added = await signInAtProvider(handle.service, {
      email: user.address,
      settings: accountSettings(server, user),
    });
    if (added.outcome !== 'added') throw new Error(JSON.stringify(added));
    const wrongPassword = await updateServers(handle, added.account, { username: user.address }, 'not-the-password');
    expect(wrongPassword.outcome).toBe('test-failed');
    const moved = await updateServers(handle, added.account, { username: user.address }, user.password);
    expect(moved).toMatchObject({ outcome: 'saved', resynced: false });
    expect(moved.outcome === 'saved' && moved.account.oauthProvider).toBeUndefined();
    await mailboxByRole(handle, added.account.id, 'inbox');
  });
});
