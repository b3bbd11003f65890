// The IDLE connection follows the folder the user has open, however fast the switches come:
// after g s, g d, g t, g a, g i in quick succession it must end on the Inbox, or changes made
// there on another device wait for the next interval check (here: never, within the test).
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { cleanupAfterEach } from '../support/cleanup';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) =>
  `From: Sender <sender@example.test>\r\nTo: someone@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

describe('IDLE after quick folder switches', () => {
  it('ends on the folder the user has open', async () => {
    const user = await createMailUser(server, 'idle-switch');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    for (let i = 1; i <= 6; i++) await other.append('INBOX', raw(`Message ${i}`));
    // No interval check within the test: only IDLE can bring the change.
    const c = await startCore(server, { intervalSeconds: 3_600 });
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user, { syncIntervalSeconds: 3_600 });
    const boxes = await Promise.all(
      (['inbox', 'sent', 'drafts', 'trash', 'archive'] as const).map((role) => mailboxByRole(c, account.id, role)),
    );
    const [inbox, sent, drafts, trash, archive] = boxes as [
      (typeof boxes)[0],
      (typeof boxes)[0],
      (typeof boxes)[0],
      (typeof boxes)[0],
      (typeof boxes)[0],
    ];
    await waitFor(async () => (await allHeaders(c, inbox.id)).length === 6, { what: 'six headers' });
    await c.service.settled();

    // Presses closer than a command's round trip, and around the watcher's 100 ms IDLE restart.
    const gaps = [0, 30, 90, 110, 150];
    for (let round = 1; round <= gaps.length; round++) {
      // Key presses do not wait for each other's answers.
      const opens: Promise<unknown>[] = [];
      for (const box of [sent, drafts, trash, archive, inbox]) {
        opens.push(c.service.call('mailboxes.open', { mailboxId: box.id }));
        await new Promise((r) => setTimeout(r, gaps[round - 1]));
      }
      await Promise.all(opens);
      await other.mailboxOpen('INBOX');
      await other.messageDelete(String(round), { uid: true });
      await waitFor(async () => (await allHeaders(c, inbox.id)).length === 6 - round, {
        what: `the deletion of round ${round} through IDLE`,
        timeoutMs: 4_000,
      });
    }
    expect((await allHeaders(c, inbox.id)).map((h) => h.subject).sort()).toEqual(['Message 6']);
  });
});
