// The Sent copy and drafts on servers stricter than Dovecot. Courier-IMAP refuses an APPEND to
// the mailbox the session has open read-only (EXAMINE), which is how a copy is first looked for;
// and a Sent copy that cannot be saved is said to the user, a bounded number of times.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { otherDevice } from '../support/core-harness';
import { startFilteredAccount, type FilteredAccount } from '../support/filtered-server';
import type { ImapFilterOptions } from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

async function sendOne(run: FilteredAccount, subject: string) {
  const { core, account } = run;
  const draft = await core.service.call('compose.prepare', { mode: 'new', accountId: account.id });
  return core.service.call('outbox.send', {
    draft: { ...draft, to: 'friend@remote.example', subject, text: `Text of ${subject}`, html: `<p>${subject}</p>` },
    undoSeconds: 0,
  });
}

async function sentSubjects(user: Awaited<ReturnType<typeof createMailUser>>): Promise<string[]> {
  const other = await otherDevice(server, user);
  try {
    await other.mailboxOpen('Sent', { readOnly: true });
    const out: string[] = [];
    if ((other.mailbox && other.mailbox.exists) || 0)
      for await (const m of other.fetch('1:*', { envelope: true })) out.push(m.envelope?.subject ?? '');
    return out;
  } finally {
    await other.logout();
  }
}

async function start(filter: ImapFilterOptions, prefix: string) {
  const user = await createMailUser(server, prefix);
  const run = await startFilteredAccount(server, user, filter);
  cleanup.push(() => run.close());
  return { user, run };
}

async function subjectsIn(user: Awaited<ReturnType<typeof createMailUser>>, path: string): Promise<string[]> {
  const other = await otherDevice(server, user);
  try {
    const box = await other.mailboxOpen(path, { readOnly: true });
    const out: string[] = [];
    if (box.exists > 0)
      for await (const m of other.fetch('1:*', { envelope: true })) out.push(m.envelope?.subject ?? '');
    return out;
  } finally {
    await other.logout();
  }
}

describe('drafts on the server', () => {
  it('replace each other on a server that refuses APPEND to a mailbox selected read-only', async () => {
    const { user, run } = await start({ refuseAppendToReadOnly: true }, 'drafts-ro');
    const { core, account } = run;
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'online'), { what: 'online' });
    const draft = await core.service.call('compose.prepare', { mode: 'new', accountId: account.id });
    const first = await core.service.call('drafts.save', {
      draft: { ...draft, to: 'friend@remote.example', subject: 'Version 1' },
      sync: true,
    });
    expect(first.savedToServer).toBe(true);
    const second = await core.service.call('drafts.save', {
      draft: { ...draft, draftId: first.draftId, to: 'friend@remote.example', subject: 'Version 2' },
      sync: true,
    });
    expect(second.savedToServer).toBe(true);
    expect(await subjectsIn(user, 'Drafts')).toEqual(['Version 2']);
  });
});

describe('the Sent copy', () => {
  it('reaches Sent on a server that refuses APPEND to a mailbox selected read-only', async () => {
    const { user, run } = await start({ refuseAppendToReadOnly: true }, 'sent-ro');
    await sendOne(run, 'Filed despite EXAMINE');
    await waitFor(async () => (await sentSubjects(user)).includes('Filed despite EXAMINE'), {
      what: 'the copy in Sent',
      timeoutMs: 20_000,
    });
    expect(await sentSubjects(user)).toEqual(['Filed despite EXAMINE']);
    expect(run.core.eventsOf('operation.failed')).toEqual([]);
  });

  it('tells the user when the copy cannot be saved', async () => {
    const { user, run } = await start({ refuse: /^APPEND "?Sent"? /i }, 'sent-refused');
    await sendOne(run, 'Never filed');
    const failure = await waitFor(() => run.core.eventsOf('operation.failed').find((f) => f.kind === 'sent-copy'), {
      what: 'a sent-copy failure',
      timeoutMs: 20_000,
    });
    expect(failure.message).toMatch(/Sent/);
    expect(await sentSubjects(user)).toEqual([]);
  });
});
