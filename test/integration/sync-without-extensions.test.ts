// Sync against a server that offers less than Dovecot: RFC 3501 lets SELECT leave out [UIDNEXT],
// and a sync that fails must show as an error, never as "Up to date".
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { allHeaders, mailboxByPath, mailboxByRole, otherDevice } from '../support/core-harness';
import { startFilteredAccount } from '../support/filtered-server';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';
import { plainMessage } from '../support/plain-message';

const server = getMailServer();
const cleanup = cleanupAfterEach();

describe('sync without optional responses', () => {
  it('stores every message when SELECT carries no UIDNEXT, and later ones too', async () => {
    const user = await createMailUser(server, 'nouidnext');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    // More than the first batch (50), so the backfill below the first screen runs too.
    for (let i = 1; i <= 70; i++) await other.append('INBOX', plainMessage(`Message ${i}`));
    await other.mailboxCreate('Projects');
    await other.append('Projects', plainMessage('In a folder'));

    const run = await startFilteredAccount(server, user, { hide: ['UIDNEXT'] });
    cleanup.push(() => run.close());
    const { core, account } = run;
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 70, { what: '70 headers' });
    const projects = await mailboxByPath(core, account.id, 'Projects');
    await waitFor(async () => (await allHeaders(core, projects.id)).length === 1, { what: 'the Projects message' });
    expect(run.proxy.commands.some((c) => /^SELECT/i.test(c.line))).toBe(true);

    await other.append('INBOX', plainMessage('Arrived later'));
    core.service.call('sync.now', { accountId: account.id }).catch(() => undefined);
    await waitFor(async () => (await allHeaders(core, inbox.id)).some((h) => h.subject === 'Arrived later'), {
      what: 'the later message',
    });
    expect(await allHeaders(core, inbox.id)).toHaveLength(71);
    expect(core.eventsOf('account.status').every((s) => s.state !== 'error')).toBe(true);
  });

  it('shows a failed mailbox sync as an error until it is resolved, and still syncs the other mailboxes', async () => {
    const user = await createMailUser(server, 'syncfail');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    await other.append('INBOX', plainMessage('Still here'));
    await other.mailboxCreate('Broken');
    await other.append('Broken', plainMessage('Unreachable'));

    const run = await startFilteredAccount(server, user, { refuse: /^(SELECT|EXAMINE) "?Broken"?/i });
    cleanup.push(() => run.close());
    const { core, account } = run;
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 1, { what: 'the INBOX message' });
    const failed = await waitFor(() => core.eventsOf('account.status').find((s) => s.state === 'error'), {
      what: 'an error status',
    });
    expect(failed.message).toMatch(/Broken/);
    // Nothing after it claims all is well while the folder still fails.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(core.eventsOf('account.status').at(-1)?.state).toBe('error');

    // Once the folder is gone, "retry" finds everything in sync, and says so.
    await other.mailboxDelete('Broken');
    await core.service.call('sync.now', { accountId: account.id });
    await waitFor(() => core.eventsOf('account.status').at(-1)?.state === 'online', { what: 'online again' });
  });
});
