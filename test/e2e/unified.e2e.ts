// Two accounts (alice and bob) at once with the unified inbox: "All Inboxes" interleaves both
// accounts' mail by date, names each row's account and sums the unread counts; mail delivered to
// bob shows up live; archiving one of bob's from the unified view moves it on bob's server and
// leaves alice's alone, as a separate IMAP connection confirms.
import type { ImapFlow } from 'imapflow';
import { appendMessage, withImap } from '../mailserver/imap-helpers';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { createMailUser } from '../support/mail-users';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 10));

function raw(from: string, subject: string, n: number): string {
  return [
    `From: ${from} <${from.toLowerCase()}@partner.example>`,
    'To: me@example.test',
    `Subject: ${subject}`,
    `Date: ${day(n).toUTCString()}`,
    `Message-ID: <${subject.replace(/\W/g, '')}@unified.example>`,
    '',
    `${subject}: the body.`,
    '',
  ].join('\r\n');
}

async function deliver(server: MailServerInfo, user: MailUser, subject: string, n: number, seen = false) {
  await appendMessage(server, user, raw('Sender', subject, n), 'INBOX', seen ? ['\\Seen'] : [], day(n));
}

/** Subjects in a mailbox, read by a connection of our own. */
async function subjects(server: MailServerInfo, user: MailUser, path: string): Promise<string[]> {
  return withImap(server, user, async (client: ImapFlow) => {
    const lock = await client.getMailboxLock(path);
    try {
      if (!client.mailbox || client.mailbox.exists === 0) return [];
      const out: string[] = [];
      for await (const message of client.fetch('1:*', { envelope: true })) out.push(message.envelope?.subject ?? '');
      return out.sort();
    } finally {
      lock.release();
    }
  });
}

test('two accounts (alice and bob) at once with the unified inbox', async ({ page, shell, mailServer }) => {
  test.setTimeout(150_000);
  const alice = await createMailUser(mailServer, 'alice');
  const bob = await createMailUser(mailServer, 'bob');
  // alice: days 1, 3 (read), 5; bob: days 2, 4. Newest first they alternate.
  await deliver(mailServer, alice, 'Alice day 1', 1);
  await deliver(mailServer, alice, 'Alice day 3', 3, true);
  await deliver(mailServer, alice, 'Alice day 5', 5);
  await deliver(mailServer, bob, 'Bob day 2', 2);
  await deliver(mailServer, bob, 'Bob day 4', 4);

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, alice);
  const folders = page.getByRole('tree', { name: 'Folders' });
  await expect(folders.getByRole('treeitem', { name: /^Inbox/ })).toHaveCount(1, { timeout: 20_000 });
  // one account: nothing to unify
  await expect(folders.getByRole('treeitem', { name: 'All accounts', exact: true })).toHaveCount(0);

  await page.getByRole('button', { name: 'Add account' }).click();
  await addAccountThroughUi(page, mailServer, bob);
  await expect(folders.getByRole('treeitem', { name: /^Inbox/ })).toHaveCount(2, { timeout: 20_000 });

  // The group comes first; its folders sum both accounts' unread mail (alice 2 + bob 2).
  const group = folders.getByRole('treeitem', { name: 'All accounts', exact: true });
  const allInboxes = folders.getByRole('treeitem', { name: 'All Inboxes' });
  await expect(folders.getByRole('treeitem').first()).toHaveAccessibleName('All accounts');
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  await expect(allInboxes).toHaveAttribute('aria-level', '2');
  await expect(folders.getByRole('treeitem', { name: 'All Sent' })).toBeVisible();
  await expect(folders.getByRole('treeitem', { name: 'All Drafts' })).toBeVisible();
  await expect(allInboxes).toHaveAccessibleDescription('4 unread', { timeout: 20_000 });

  await allInboxes.click();
  await expect(allInboxes).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 1, name: 'All Inboxes', exact: true })).toBeVisible();
  const list = page.getByRole('listbox', { name: 'Messages' });
  const rows = list.getByRole('option');
  const labels = () => rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')));
  const who = (subject: string, user: MailUser) => new RegExp(`${subject}, .*, in ${user.name}$`);
  await expect(rows).toHaveCount(5, { timeout: 20_000 });
  const expected = [
    who('Alice day 5', alice),
    who('Bob day 4', bob),
    who('Alice day 3', alice),
    who('Bob day 2', bob),
    who('Alice day 1', alice),
  ];
  const shown = await labels();
  expected.forEach((pattern, index) => expect(shown[index]).toMatch(pattern));
  // the account is also there for the eye, on the row itself
  await expect(rows.nth(1)).toContainText(bob.name);
  await expect(rows.nth(0)).toContainText(alice.name);

  // Delivered to bob by another connection while the unified inbox is open: it appears, on top.
  await deliver(mailServer, bob, 'Bob day 6', 6);
  await expect(rows).toHaveCount(6, { timeout: 20_000 });
  await expect(rows.first()).toHaveAccessibleName(who('Bob day 6', bob));
  await expect(allInboxes).toHaveAccessibleDescription('5 unread', { timeout: 10_000 });
  await screenshot(page, 'unified-inbox');

  // Open one of bob's from the unified view, star it with s, then archive it with e.
  const bobDay4 = list.getByRole('option', { name: /Bob day 4/ });
  await bobDay4.click();
  const reader = page.getByRole('region', { name: 'Message' });
  await expect(reader.getByRole('heading', { name: 'Bob day 4' })).toBeVisible();
  await expect(reader.frameLocator('iframe[title="Message body"]').locator('body')).toContainText(
    'Bob day 4: the body.',
  );
  await page.keyboard.press('s');
  await expect(bobDay4.getByTitle('Starred')).toBeVisible();
  await page.keyboard.press('e');
  const toast = page.getByRole('region', { name: 'Notifications' });
  await expect(toast).toContainText('Archived');
  await expect(bobDay4).toHaveCount(0);
  await expect(rows).toHaveCount(5);
  // the neighbour (alice's day 3) takes its place, from the other account
  await expect(reader.getByRole('heading', { name: 'Alice day 3' })).toBeVisible();

  // j / k walk the mixed list as in any folder.
  await page.keyboard.press('k');
  await expect(reader.getByRole('heading', { name: 'Alice day 5' })).toBeVisible();

  // The server, seen by connections of our own: bob's message moved to bob's Archive, starred
  // and read; alice's mailboxes are as they were.
  await expect
    .poll(
      async () => ({
        bobInbox: await subjects(mailServer, bob, 'INBOX'),
        bobArchive: await subjects(mailServer, bob, 'Archive'),
        aliceInbox: await subjects(mailServer, alice, 'INBOX'),
        aliceArchive: await subjects(mailServer, alice, 'Archive'),
      }),
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toEqual({
      bobInbox: ['Bob day 2', 'Bob day 6'],
      bobArchive: ['Bob day 4'],
      aliceInbox: ['Alice day 1', 'Alice day 3', 'Alice day 5'],
      aliceArchive: [],
    });
  const archivedFlags = await withImap(mailServer, bob, async (client) => {
    const lock = await client.getMailboxLock('Archive');
    try {
      const message = await client.fetchOne('*', { flags: true });
      return message ? [...(message.flags ?? [])].sort() : [];
    } finally {
      lock.release();
    }
  });
  expect(archivedFlags).toEqual(['\\Flagged', '\\Seen']);

  // Undo brings it back into the unified inbox, from bob's Archive to bob's Inbox.
  await page.keyboard.press('z');
  await expect(toast).toContainText('Undone: Archived');
  await expect(list.getByRole('option', { name: who('Bob day 4', bob) })).toBeVisible();
  await expect
    .poll(() => subjects(mailServer, bob, 'INBOX'), { timeout: 30_000, intervals: [250, 500, 1000] })
    .toEqual(['Bob day 2', 'Bob day 4', 'Bob day 6']);

  // A reply is written from the message's own account.
  await expect(reader.getByRole('heading', { name: 'Bob day 4' })).toBeVisible();
  await page.keyboard.press('r');
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await expect(composer).toBeVisible();
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue('Re: Bob day 4');
  await expect(composer.getByLabel('From', { exact: true }).locator('option:checked')).toContainText(bob.address);
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();

  // A selection across both accounts: moving is not offered (folders are per account), deleting
  // sends each message to its own account's Trash.
  await list.getByRole('option', { name: /Alice day 1/ }).click();
  await list.getByRole('option', { name: /Bob day 2/ }).click({ modifiers: ['Control'] });
  await expect(list.getByRole('option', { selected: true })).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Move to…' })).toBeDisabled();
  await page.keyboard.press('#');
  await expect(rows).toHaveCount(4);
  await expect
    .poll(
      async () => ({
        aliceTrash: await subjects(mailServer, alice, 'Trash'),
        bobTrash: await subjects(mailServer, bob, 'Trash'),
      }),
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toEqual({ aliceTrash: ['Alice day 1'], bobTrash: ['Bob day 2'] });

  // "!" on a selection across both accounts: each message goes to its own account's Junk.
  await list.getByRole('option', { name: /Alice day 3/ }).click();
  await list.getByRole('option', { name: /Bob day 4/ }).click({ modifiers: ['Control'] });
  await expect(list.getByRole('option', { selected: true })).toHaveCount(2);
  await page.keyboard.press('!');
  await expect(rows).toHaveCount(2);
  await expect
    .poll(
      async () => ({
        aliceJunk: await subjects(mailServer, alice, 'Junk'),
        bobJunk: await subjects(mailServer, bob, 'Junk'),
      }),
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toEqual({ aliceJunk: ['Alice day 3'], bobJunk: ['Bob day 4'] });

  // In a unified view, g s stays unified; from one account's folder it goes to that account's.
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'All Sent', exact: true })).toBeVisible();
  await expect(folders.getByRole('treeitem', { name: 'All Sent' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page.getByRole('heading', { level: 1, name: 'All Inboxes', exact: true })).toBeVisible();
  await folders
    .getByRole('treeitem', { name: /^Inbox/ })
    .last()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox', exact: true })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Sent', exact: true })).toBeVisible();

  // The palette offers the unified folders too.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('all inb');
  await expect(palette.getByRole('option', { selected: true })).toContainText('All Inboxes');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'All Inboxes', exact: true })).toBeVisible();

  // The keyboard walks the tree across the group: Up from All Inboxes reaches "All accounts",
  // Left on it collapses the group.
  await allInboxes.focus();
  await page.keyboard.press('ArrowUp');
  await expect(group).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(group).toHaveAttribute('aria-expanded', 'false');
  await expect(allInboxes).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(allInboxes).toBeVisible();
});
