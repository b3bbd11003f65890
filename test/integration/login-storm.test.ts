// A provider counts every login and many lock the account after a burst. These count the logins
// Dovecot logs while a session keeps failing, with the reconnect timings shrunk tenfold (a
// "minute" here is 6 s), and check that mail flows again once the cause is gone.
import { describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../shared/domain';
import type { ReconnectPolicy } from '../../electron/core/net/backoff';
import { getMailServer } from '../mailserver/inject';
import { logins } from '../mailserver/logs';
import { sleep } from '../mailserver/processes';
import { cleanupAfterEach } from '../support/cleanup';
import { addAccount, allHeaders, mailboxByPath, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

/** The real policy (1 s doubling to 5 min, healthy after a minute) at a tenth of the time. */
const FAST: ReconnectPolicy = { baseMs: 100, maxMs: 3_000, healthyMs: 6_000 };
const SCALED_MINUTE_MS = 6_000;
const FOLDERS = 40;
/** How long after Dovecot logged a login the session is cut: past the client's login sequence. */
const LIFETIME_MS = 60;

const raw = (subject: string) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

describe('login storms', () => {
  it('a server that drops every session right after LOGIN sees a handful of logins a minute', async () => {
    const user = await createMailUser(server, 'storm');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', raw('Before'));
    // Enough folders that a sync pass (the proof of a healthy session) takes longer than the
    // time this "server" lets a session live after its login.
    for (let i = 0; i < FOLDERS; i++) await other.mailboxCreate(`Folder ${i}`);

    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    const core = await startCore(server, { reconnect: FAST });
    cleanup.push(() => core.close(true));
    const statuses: { at: number; status: AccountStatus }[] = [];
    core.service.onEvent((event, payload) => {
      if (event === 'account.status') statuses.push({ at: Date.now(), status: payload as AccountStatus });
    });
    const account = await addAccount(core, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 1, { what: 'the first message' });
    await waitFor(async () => (await core.service.call('mailboxes.list', { accountId: account.id })).length > FOLDERS, {
      what: 'the folders',
    });
    await core.service.settled();

    // From now on every session is dropped just after Dovecot logged its login.
    const before = logins(server, user.address, 'imap');
    let seen = before;
    let hangingUp = true;
    const hangUp = (async () => {
      while (hangingUp) {
        const now = logins(server, user.address, 'imap');
        if (now > seen) setTimeout(() => proxy.dropSessions(), LIFETIME_MS);
        seen = now;
        await sleep(5);
      }
    })();
    proxy.dropSessions();
    await sleep(SCALED_MINUTE_MS);
    hangingUp = false;
    await hangUp;
    const during = logins(server, user.address, 'imap') - before;
    // 1 + the attempts whose shortest delays (50, 100, 200 … ms, up to 1.5 s) fit in the minute;
    // before the fix, a login alone reset the backoff: ~40 logins here.
    expect(during).toBeGreaterThan(2);
    expect(during).toBeLessThanOrEqual(9);

    // The cause is gone: mail flows again, within the cap.
    await other.append('INBOX', raw('After'));
    await waitFor(async () => (await allHeaders(core, inbox.id)).some((h) => h.subject === 'After'), {
      timeoutMs: FAST.maxMs + 10_000,
      what: 'mail after the server recovered',
    });
    await core.service.settled();

    // A full sync pass in a session that outlived the base delay proved it healthy: the next drop
    // is retried at the base delay.
    await sleep(FAST.baseMs);
    const mark = statuses.length;
    proxy.dropSessions();
    const next = await waitFor(
      () => statuses.slice(mark).find((s) => s.status.state === 'offline' && s.status.retryAt),
      { what: 'the next retry' },
    );
    expect(next.status.retryAt! - next.at).toBeLessThanOrEqual(FAST.baseMs);
  });

  it('the open folder deleted on another device: back to INBOX, no reconnect loop', async () => {
    const user = await createMailUser(server, 'gone');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.mailboxCreate('Projects');
    await other.append('Projects', raw('Plan'));

    const core = await startCore(server, { reconnect: FAST });
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user);
    const projects = await mailboxByPath(core, account.id, 'Projects');
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await core.service.call('mailboxes.open', { mailboxId: projects.id });
    await waitFor(async () => (await allHeaders(core, projects.id)).length === 1, { what: 'the folder synced' });
    await core.service.settled();
    // The watcher is on Projects once its login shows (work connection + watcher).
    await waitFor(() => logins(server, user.address, 'imap') >= 3, { what: 'the watcher login' });
    await sleep(500);

    const before = logins(server, user.address, 'imap');
    await other.mailboxDelete('Projects');
    await sleep(SCALED_MINUTE_MS);
    const during = logins(server, user.address, 'imap') - before;
    // At most the watcher and the work connection each log in again once (Dovecot hangs up on
    // a session whose selected mailbox was deleted); before the fix the watcher looped.
    expect(during).toBeLessThanOrEqual(2);

    // The folder list caught up, and new mail still arrives.
    await waitFor(
      async () =>
        !(await core.service.call('mailboxes.list', { accountId: account.id })).some((m) => m.path === 'Projects'),
      {
        what: 'Projects gone from the folder list',
      },
    );
    await other.append('INBOX', raw('Still here'));
    await waitFor(async () => (await allHeaders(core, inbox.id)).some((h) => h.subject === 'Still here'), {
      what: 'new mail in INBOX',
    });
  });
});
