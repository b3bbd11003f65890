// The same session against Dovecot with each extension hidden on its own, and with all of them
// hidden at once: the first sync, one action (archive, a MOVE or COPY + STORE + EXPUNGE) and the
// Sent copy must reach the server whatever the server lacks. docs/servers.md says what each
// fallback is.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import type { MailUser } from '../mailserver/types';
import { allHeaders, mailboxByRole, otherDevice } from '../support/core-harness';
import { startFilteredAccount } from '../support/filtered-server';
import type { HiddenExtension } from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';
import { plainMessage } from '../support/plain-message';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const EXTENSIONS: HiddenExtension[] = [
  'CONDSTORE',
  'QRESYNC',
  'MOVE',
  'UIDPLUS',
  'SPECIAL-USE',
  'IDLE',
  'LIST-STATUS',
  'ESEARCH',
  'LITERAL+',
  'UIDNEXT',
];

async function subjectsOn(user: MailUser, path: string): Promise<string[]> {
  const other = await otherDevice(server, user);
  try {
    const box = await other.mailboxOpen(path, { readOnly: true });
    const out: string[] = [];
    if (box.exists > 0)
      for await (const m of other.fetch('1:*', { envelope: true })) out.push(m.envelope?.subject ?? '');
    return out.sort();
  } finally {
    await other.logout();
  }
}

const cases: [string, HiddenExtension[]][] = [
  ...EXTENSIONS.map((ext): [string, HiddenExtension[]] => [`without ${ext}`, [ext]]),
  ['without any of them', EXTENSIONS],
];

describe('sync, an action and the Sent copy with extensions hidden', () => {
  it.each(cases)('%s', async (_name, hide) => {
    const user = await createMailUser(server, 'matrix');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    for (const s of ['One', 'Two', 'Three']) await other.append('INBOX', plainMessage(s));

    // Courier's refusal to APPEND to a mailbox open read-only is allowed by the RFC: always on here.
    const run = await startFilteredAccount(server, user, { hide, refuseAppendToReadOnly: true });
    cleanup.push(() => run.close());
    const { core, account } = run;
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await mailboxByRole(core, account.id, 'archive');
    await mailboxByRole(core, account.id, 'sent');
    const headers = await waitFor(
      async () => {
        const h = await allHeaders(core, inbox.id);
        return h.length === 3 && h;
      },
      { what: 'three headers' },
    );

    const two = headers.find((h) => h.subject === 'Two')!;
    await core.service.call('messages.archive', { ids: [two.id] });
    const draft = await core.service.call('compose.prepare', { mode: 'new', accountId: account.id });
    await core.service.call('outbox.send', {
      draft: { ...draft, to: 'friend@remote.example', subject: 'Matrix sent', text: 'Hello', html: '<p>Hello</p>' },
      undoSeconds: 0,
    });

    await waitFor(async () => (await subjectsOn(user, 'Archive')).includes('Two'), { what: 'Two in Archive' });
    await waitFor(async () => (await subjectsOn(user, 'Sent')).includes('Matrix sent'), { what: 'the Sent copy' });
    expect(await subjectsOn(user, 'INBOX')).toEqual(['One', 'Three']);
    expect(await subjectsOn(user, 'Sent')).toEqual(['Matrix sent']);
    await core.service.settled();
    expect((await allHeaders(core, inbox.id)).map((h) => h.subject).sort()).toEqual(['One', 'Three']);
    expect(core.eventsOf('account.status').some((s) => s.state === 'error')).toBe(false);
    expect(core.eventsOf('operation.failed')).toEqual([]);
  });
});
