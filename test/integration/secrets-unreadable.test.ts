// A stored password that can no longer be opened (the key file was lost) against the real
// Dovecot: the account asks for the password, once, as for a refused login; it is never
// retried as a connection or protocol error, and the password typed again brings it online.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { addAccount, startCore, type CoreHandle } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { composeDraft } from '../support/compose-drafts';

const server = getMailServer();
const cores: CoreHandle[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close(true);
});

describe('a stored password that cannot be opened', () => {
  it('after the key file was lost puts the account in auth-failed, not in a retry loop', async () => {
    const user = await createMailUser(server, 'lostkey');
    const first = await startCore(server);
    const account = await addAccount(first, server, user);
    await waitFor(async () => (await first.service.call('accounts.status', {}))[0]?.state === 'online', {
      what: 'online',
    });
    await first.close();
    rmSync(path.join(first.dataDir, 'secret.key'));

    const second = await startCore(server, { dataDir: first.dataDir });
    cores.push(second);
    const failed = await waitFor(() => second.eventsOf('account.status').find((s) => s.state !== 'connecting'), {
      what: 'a state after connecting',
    });
    expect(failed).toMatchObject({ accountId: account.id, state: 'auth-failed', reason: 'auth' });
    expect(failed.message).toMatch(/cannot be opened/);
    // long enough for several backoff rounds if it were treated as a passing error
    await new Promise((r) => setTimeout(r, 3_000));
    const states = second.eventsOf('account.status').map((s) => s.state);
    expect(states.filter((state) => state === 'offline' || state === 'error')).toEqual([]);
    expect(states.filter((state) => state === 'connecting').length).toBeLessThanOrEqual(1);

    await second.service.call('accounts.setPassword', { accountId: account.id, password: user.password });
    await waitFor(async () => (await second.service.call('accounts.status', {}))[0]?.state === 'online', {
      what: 'online with the password typed again',
    });
  });
  it('keeps mail queued before the key was lost waiting for the password, then sends it', async () => {
    const user = await createMailUser(server, 'lostkeyq');
    const first = await startCore(server);
    const account = await addAccount(first, server, user);
    await first.close();
    // queued while offline: due at once when the app next starts
    const offline = await startCore(server, { dataDir: first.dataDir, offline: true });
    await offline.service.call('outbox.send', {
      draft: composeDraft(account.id, {
        to: user.address,
        subject: 'Queued before the key was lost',
        body: 'Still here.\n',
      }),
      undoSeconds: 0,
    });
    await offline.close();
    rmSync(path.join(first.dataDir, 'secret.key'));

    const second = await startCore(server, { dataDir: first.dataDir });
    cores.push(second);
    await waitFor(() => second.eventsOf('account.status').find((s) => s.state === 'auth-failed'), {
      what: 'the account to ask for the password',
    });
    await second.service.settled();
    expect((await second.service.call('outbox.list', { accountId: account.id })).map((i) => i.state)).toEqual([
      'queued',
    ]);

    await second.service.call('accounts.setPassword', { accountId: account.id, password: user.password });
    await waitFor(async () => (await second.service.call('outbox.list', { accountId: account.id })).length === 0, {
      timeoutMs: 20_000,
      what: 'the queued message sent',
    });
  });
});
