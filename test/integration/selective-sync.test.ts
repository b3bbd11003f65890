// Selective sync against Dovecot, watched through the recording proxy: a folder whose sync is
// turned off and a folder unsubscribed from are never selected, so never FETCHed; a folder left
// on is. And an account that syncs only its last months of headers stores only those, and all
// of them once the window is widened.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { cleanupAfterEach } from '../support/cleanup';
import { addAccount, allHeaders, mailboxByPath, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { startFilteredAccount } from '../support/filtered-server';
import type { ProxiedCommand } from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string, date = 'Tue, 03 Mar 2026 10:00:00 +0000') =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: ${date}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

/** FETCH commands sent while each mailbox was selected, and every mailbox SELECTed or EXAMINEd. */
function fetchesByMailbox(commands: readonly ProxiedCommand[]): {
  fetches: Map<string, number>;
  selected: Set<string>;
} {
  const fetches = new Map<string, number>();
  const selected = new Set<string>();
  let current: string | null = null;
  for (const { line } of commands) {
    const select = /^(?:SELECT|EXAMINE) "?([^"\s]+)"?/i.exec(line);
    if (select) {
      current = select[1]!;
      selected.add(current);
    } else if (/^(?:UID )?FETCH /i.test(line) && current !== null)
      fetches.set(current, (fetches.get(current) ?? 0) + 1);
  }
  return { fetches, selected };
}

describe('selective sync', () => {
  it('never fetches a folder whose sync is off or that is unsubscribed', async () => {
    const user = await createMailUser(server, 'selective');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    for (const path of ['Hidden', 'Unsubscribed', 'Normal']) await other.mailboxCreate(path);

    const bed = await startFilteredAccount(server, user, {});
    cleanup.push(() => bed.close());
    const { core, account, proxy } = bed;
    const hidden = await mailboxByPath(core, account.id, 'Hidden');
    const unsubscribed = await mailboxByPath(core, account.id, 'Unsubscribed');
    const normal = await mailboxByPath(core, account.id, 'Normal');
    await core.service.settled();

    await core.service.call('folders.setSync', { mailboxId: hidden.id, sync: false });
    await core.service.call('folders.subscribe', { mailboxId: unsubscribed.id, subscribed: false });
    await core.service.settled();
    // imapflow leaves `subscribed` unset for a folder LSUB does not list
    expect((await other.list()).find((m) => m.path === 'Unsubscribed')?.subscribed).toBeFalsy();
    expect((await other.list()).find((m) => m.path === 'Normal')?.subscribed).toBe(true);
    const boxes = await core.service.call('mailboxes.list', { accountId: account.id });
    expect(boxes.find((m) => m.id === hidden.id)?.syncEnabled).toBe(false);
    expect(boxes.find((m) => m.id === unsubscribed.id)?.subscribed).toBe(false);
    // the Inbox cannot be left out
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await expect(core.service.call('folders.setSync', { mailboxId: inbox.id, sync: false })).rejects.toMatchObject({
      code: 'invalid-input',
    });

    proxy.clearLog();
    for (const path of ['Hidden', 'Unsubscribed', 'Normal', 'INBOX']) await other.append(path, raw(`In ${path}`));
    await core.service.call('sync.now', {});
    await waitFor(async () => (await allHeaders(core, normal.id)).length === 1, { what: 'Normal synced' });
    await core.service.settled();

    const { fetches, selected } = fetchesByMailbox(proxy.commands);
    expect(fetches.get('Normal') ?? 0).toBeGreaterThan(0);
    expect(fetches.get('INBOX') ?? 0).toBeGreaterThan(0);
    expect(fetches.get('Hidden') ?? 0).toBe(0);
    expect(fetches.get('Unsubscribed') ?? 0).toBe(0);
    expect([...selected]).not.toContain('Hidden');
    expect([...selected]).not.toContain('Unsubscribed');
    expect(await allHeaders(core, hidden.id)).toEqual([]);

    // turned back on, it syncs
    await core.service.call('folders.setSync', { mailboxId: hidden.id, sync: true });
    await waitFor(async () => (await allHeaders(core, hidden.id)).length === 1, { what: 'Hidden synced' });
  });

  it('syncs only the headers of the last months, and the rest once the window is widened', async () => {
    const user = await createMailUser(server, 'since');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    const now = Date.now();
    const day = 24 * 3600_000;
    for (let i = 0; i < 3; i++) await other.append('INBOX', raw(`Old ${i}`), [], new Date(now - (400 + i) * day));
    for (let i = 0; i < 2; i++) await other.append('INBOX', raw(`Recent ${i}`), [], new Date(now - (10 + i) * day));

    // set up offline, so the window is in place before the first sync
    const offline = await startCore(server, { offline: true });
    const account = await addAccount(offline, server, user);
    await offline.service.call('sync.setSince', { accountId: account.id, months: 6 });
    expect(await offline.service.call('sync.since', { accountId: account.id })).toEqual({ months: 6 });
    await offline.close();

    const core = await startCore(server, { dataDir: offline.dataDir });
    cleanup.push(() => core.close(true));
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 2, { what: 'the recent messages' });
    await core.service.settled();
    expect((await allHeaders(core, inbox.id)).map((h) => h.subject).sort()).toEqual(['Recent 0', 'Recent 1']);

    await core.service.call('sync.setSince', { accountId: account.id, months: null });
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 5, { what: 'every message' });
  });
});
