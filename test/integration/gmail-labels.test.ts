// Gmail's labels against a Gmail-like server: the test Dovecot behind the recording proxy, which
// advertises X-GM-EXT-1 and answers X-GM-LABELS from keywords (test/support/gmail-imitation.ts).
// Each Inbox message shows its labels, a label changed on another device shows after the next
// sync (CONDSTORE reports it), All Mail is never fetched, and a label folder is fetched only
// once the user opens it, so no message is stored twice by the background sync.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { allHeaders, mailboxByPath, mailboxByRole, otherDevice } from '../support/core-harness';
import { cleanupAfterEach } from '../support/cleanup';
import { startFilteredAccount } from '../support/filtered-server';
import { labelKeyword } from '../support/gmail-imitation';
import type { ProxiedCommand } from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

/** FETCH commands sent while each mailbox was selected. */
function fetchesIn(commands: readonly ProxiedCommand[]): Map<string, string[]> {
  const fetches = new Map<string, string[]>();
  let current: string | null = null;
  for (const { line } of commands) {
    const select = /^(?:SELECT|EXAMINE) (?:"((?:[^"\\]|\\.)*)"|(\S+))/i.exec(line);
    if (select) current = (select[1] ?? select[2]!).replace(/\\(.)/g, '$1');
    else if (/^(?:UID )?FETCH /i.test(line) && current !== null)
      fetches.set(current, [...(fetches.get(current) ?? []), line]);
  }
  return fetches;
}

describe('Gmail labels', () => {
  it('shows each Inbox message’s labels, follows a change made elsewhere, and leaves All Mail and label folders unfetched', async () => {
    const user = await createMailUser(server, 'gmlabels');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    for (const path of ['[Gmail]/All Mail', 'Work']) await other.mailboxCreate(path);
    // "Budget" is labelled Work and Important, "Lunch" has no label; both are in All Mail too,
    // and Budget in the Work folder, as Gmail shows them.
    await other.append('INBOX', raw('Budget'), [labelKeyword('Work'), labelKeyword('\\Important'), '$label2']);
    await other.append('INBOX', raw('Lunch'), ['\\Seen']);
    for (const subject of ['Budget', 'Lunch']) await other.append('[Gmail]/All Mail', raw(subject));
    await other.append('Work', raw('Budget'), [labelKeyword('\\Inbox'), labelKeyword('\\Important')]);

    const bed = await startFilteredAccount(server, user, {
      gmail: { listAttributes: { '[Gmail]/All Mail': '\\All' } },
    });
    cleanup.push(() => bed.close());
    const { core, account, proxy } = bed;
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 2, { what: 'the Inbox' });
    await core.service.settled();

    const bySubject = async () => new Map((await allHeaders(core, inbox.id)).map((h) => [h.subject, h]));
    let headers = await bySubject();
    expect(headers.get('Budget')?.gmailLabels).toEqual(['Work', '\\Important']);
    expect(headers.get('Lunch')?.gmailLabels).toEqual([]);
    // the labels are not tags: only the real keyword stays one
    expect(headers.get('Budget')?.keywords).toEqual(['$label2']);

    const allMail = await mailboxByPath(core, account.id, '[Gmail]/All Mail');
    const work = await mailboxByPath(core, account.id, 'Work');
    expect(allMail.syncEnabled).toBe(false);
    expect(work.syncEnabled).toBe(true);
    expect(work.syncOnOpen).toBe(true);
    expect(inbox.syncOnOpen).toBeUndefined();
    let fetches = fetchesIn(proxy.commands);
    expect(fetches.get('INBOX')?.some((line) => /X-GM-LABELS/.test(line))).toBe(true);
    expect(fetches.get('[Gmail]/All Mail') ?? []).toEqual([]);
    expect(fetches.get('Work') ?? []).toEqual([]);
    expect(await allHeaders(core, work.id)).toEqual([]);

    // Another device labels Budget "Urgent" and takes Important off: the next sync shows it.
    proxy.clearLog();
    await other.mailboxOpen('INBOX');
    await other.messageFlagsAdd({ header: { subject: 'Budget' } }, [labelKeyword('Urgent')]);
    await other.messageFlagsRemove({ header: { subject: 'Budget' } }, [labelKeyword('\\Important')]);
    await core.service.call('sync.now', { accountId: account.id });
    await waitFor(async () => (await bySubject()).get('Budget')?.gmailLabels?.includes('Urgent') === true, {
      what: 'the new label',
    });
    headers = await bySubject();
    expect(headers.get('Budget')?.gmailLabels).toEqual(['Urgent', 'Work']);
    await core.service.settled();
    fetches = fetchesIn(proxy.commands);
    // CONDSTORE's CHANGEDSINCE fetch asked for the labels with the flags
    expect(fetches.get('INBOX')?.some((line) => /CHANGEDSINCE/i.test(line) && /X-GM-LABELS/.test(line))).toBe(true);
    expect(fetches.get('[Gmail]/All Mail') ?? []).toEqual([]);
    expect(fetches.get('Work') ?? []).toEqual([]);

    // Opened, the label folder syncs (Gmail leaves its own label out there)...
    await core.service.call('mailboxes.open', { mailboxId: work.id });
    await waitFor(async () => (await allHeaders(core, work.id)).length === 1, { what: 'the opened label folder' });
    expect((await allHeaders(core, work.id))[0]?.gmailLabels).toEqual(['\\Important', '\\Inbox']);
    // ...and the user may have it synced in the background like any folder.
    await core.service.call('folders.setSync', { mailboxId: work.id, sync: true });
    const boxes = await core.service.call('mailboxes.list', { accountId: account.id });
    expect(boxes.find((m) => m.id === work.id)?.syncOnOpen).toBeUndefined();
    expect(boxes.find((m) => m.id === work.id)?.syncEnabled).toBe(true);
  });
});
