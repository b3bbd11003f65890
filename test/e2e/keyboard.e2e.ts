// A person triages an inbox with the keyboard alone: opens the first message, reads on with j,
// stars, archives, replies, goes to Sent with g s, undoes the archive with z, marks one unread,
// moves one to another folder through the command palette; then a separate IMAP connection
// checks that the server holds exactly what those keys did.
import type { ImapFlow } from 'imapflow';
import { appendMessage, withImap } from '../mailserver/imap-helpers';
import { buildMessage } from '../mailserver/message-samples';
import { populateMailbox } from '../mailserver/populate';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import type { Locator } from '@playwright/test';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const SUBJECT = (i: number) => `Weekly sync notes #${i}`;
const COUNT = 6;
const NOT_SENDING = 'the composer cannot send yet: needs outbox.send wired to its onSend';

/** Whether this build's composer can send (its Send button says so), not just the contract. */
async function composerCanSend(composer: Locator): Promise<boolean> {
  return (await composer.getByRole('button', { name: 'Send' }).getAttribute('aria-disabled')) !== 'true';
}

/** Subject → flags of every message in a mailbox, read by a connection of our own. */
async function mailboxState(server: MailServerInfo, user: MailUser, path: string): Promise<Map<string, Set<string>>> {
  return withImap(server, user, async (client: ImapFlow) => {
    const lock = await client.getMailboxLock(path);
    try {
      const out = new Map<string, Set<string>>();
      if (!client.mailbox || client.mailbox.exists === 0) return out;
      const collected: { subject: string; flags: Set<string> }[] = [];
      for await (const message of client.fetch('1:*', { envelope: true, flags: true }))
        collected.push({ subject: message.envelope?.subject ?? '', flags: message.flags ?? new Set() });
      for (const { subject, flags } of collected) out.set(subject, flags);
      return out;
    } finally {
      lock.release();
    }
  });
}

test('triage an inbox with the keyboard only; the server ends up matching every key', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  test.setTimeout(120_000);
  await withImap(mailServer, user, (client) => client.mailboxCreate('Projects').then(() => undefined));
  // #1 is the newest, so the list reads #1 … #6 from the top
  for (let i = 1; i <= COUNT; i++) await appendMessage(mailServer, user, buildMessage('plain', i).raw, 'INBOX');

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const reader = page.getByRole('region', { name: 'Message' });
  const toast = page.getByRole('region', { name: 'Notifications' });
  const row = (i: number) => list.getByRole('option', { name: new RegExp(`${SUBJECT(i)}\\b`) });
  const shows = async (i: number) => {
    await expect(reader.getByRole('heading', { name: SUBJECT(i) })).toBeVisible();
    await expect(row(i)).toHaveAttribute('aria-selected', 'true');
  };
  await expect(list.getByRole('option')).toHaveCount(COUNT, { timeout: 20_000 });

  // Open the first message, then read on with j: three messages read. Each is marked read once
  // the frame that shows it has painted (use-mark-read-on-open.ts); a person reading it waits that
  // long, a test does not by itself (a j sent before that frame passes the message over).
  const read = (i: number) => expect(row(i)).not.toHaveAccessibleName(/^Unread, /);
  await page.keyboard.press('Enter');
  await shows(1);
  await expect(reader).toBeFocused();
  await read(1);
  await page.keyboard.press('j');
  await shows(2);
  await read(2);
  await page.keyboard.press('j');
  await shows(3);
  await read(3);

  // The panes: u goes back to the list, F6 / Shift+F6 move between panes.
  await page.keyboard.press('u');
  await expect(list).toBeFocused();
  await page.keyboard.press('F6');
  await expect(reader).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(list).toBeFocused();

  // Star #3.
  await page.keyboard.press('s');
  await expect(row(3).getByTitle('Starred')).toBeVisible();

  // Archive #4: the toast says so and offers undo; #5 takes its place.
  await page.keyboard.press('j');
  await shows(4);
  await page.keyboard.press('e');
  await expect(toast).toContainText('Archived');
  await expect(toast.getByRole('button', { name: /Undo/ })).toBeVisible();
  await expect(row(4)).toHaveCount(0);
  await shows(5);
  await screenshot(page, 'keyboard-toast');

  // Reply to #5 and send with Ctrl+Enter (when the core can send: see the second test).
  await page.keyboard.press('r');
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await expect(composer).toBeVisible();
  await expect(composer.getByLabel('Subject', { exact: true })).toHaveValue(`Re: ${SUBJECT(5)}`);
  const canSend = await composerCanSend(composer);
  if (canSend) {
    await page.keyboard.type('Thanks, agreed.');
    await page.keyboard.press('Control+Enter');
  } else {
    test.info().annotations.push({ type: 'fixme', description: `reply not sent: ${NOT_SENDING}` });
    await page.keyboard.press('Escape'); // unchanged draft: closes
  }
  await expect(composer).toBeHidden();

  // g s: Sent.
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Sent' })).toBeVisible();
  if (canSend) await expect(list.getByRole('option', { name: new RegExp(`Re: ${SUBJECT(5)}`) })).toBeVisible();

  // z: the archive is undone (the last undoable action), from wherever one is.
  await page.keyboard.press('z');
  await expect(toast).toContainText('Undone: Archived');
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(row(4)).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(COUNT);

  // Shift+U: #2 back to unread.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await shows(2);
  await page.keyboard.press('Shift+U');
  await expect(row(2)).toHaveAccessibleName(/^Unread, /);

  // #6 to "Projects" through the palette: Ctrl+K, "move", Enter, "proj", Enter.
  for (let i = 3; i <= 6; i++) await page.keyboard.press('j');
  await shows(6);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  const combobox = palette.getByRole('combobox');
  await expect(combobox).toBeFocused();
  await page.keyboard.type('move');
  await expect(palette.getByRole('option').first()).toContainText('Move to…');
  await page.keyboard.press('Enter');
  await page.keyboard.type('proj');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Projects');
  await expect(combobox).toHaveAttribute('aria-activedescendant', /.+/);
  await screenshot(page, 'keyboard-palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(toast).toContainText('Moved to Projects');
  await expect(row(6)).toHaveCount(0);

  // ?: the shortcut overlay lists the keymap, translated; Escape closes it.
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByText('Go to Inbox')).toBeVisible();
  await screenshot(page, 'keyboard-shortcuts');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  // The server, seen by another connection (the engine replays the queue in the background).
  await expect
    .poll(
      async () => {
        const inbox = await mailboxState(mailServer, user, 'INBOX');
        const projects = await mailboxState(mailServer, user, 'Projects');
        const archive = await mailboxState(mailServer, user, 'Archive');
        const flags = (i: number) => [...(inbox.get(SUBJECT(i)) ?? ['(missing)'])].sort().join(' ');
        return {
          inbox: [...inbox.keys()].sort(),
          projects: [...projects.keys()],
          archive: [...archive.keys()],
          read1: flags(1),
          unread2: flags(2),
          starred3: flags(3),
          read4: flags(4),
          read5: flags(5),
        };
      },
      { timeout: 30_000, intervals: [250, 500, 1000] },
    )
    .toEqual({
      inbox: [1, 2, 3, 4, 5].map(SUBJECT).sort(),
      projects: [SUBJECT(6)],
      archive: [],
      read1: '\\Seen',
      unread2: '',
      starred3: '\\Flagged \\Seen',
      read4: '\\Seen',
      read5: canSend ? '\\Answered \\Seen' : '\\Seen',
    });
  if (canSend) {
    const sent = await mailboxState(mailServer, user, 'Sent');
    expect([...sent.keys()]).toContain(`Re: ${SUBJECT(5)}`);
  }
});

test('holding j moves the list at key-repeat speed and opens only the message it stops at', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  await populateMailbox(mailServer, user, { count: 60, seed: 5 });
  const bodyRequests: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      if (typeof payload === 'string' && payload.includes('"method":"message.body"')) bodyRequests.push(payload);
    }),
  );
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const reader = page.getByRole('region', { name: 'Message' });
  await expect(page.getByText('60 messages')).toBeVisible({ timeout: 30_000 });
  await expect(list.getByRole('option').first()).toBeVisible(); // the rows, not just the count
  await page.keyboard.press('j');
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '1');
  await expect(reader.getByRole('heading', { level: 2 })).toBeVisible();
  await expect.poll(() => bodyRequests.length).toBeGreaterThan(0);
  const before = bodyRequests.length;

  // Held down: the first keydown, then 29 auto-repeats 20 ms apart (a keyboard's repeat rate;
  // React renders between them), then the key comes up.
  await page.evaluate(async () => {
    const fire = (type: string, repeat: boolean) =>
      document.activeElement!.dispatchEvent(
        new KeyboardEvent(type, { key: 'j', code: 'KeyJ', repeat, bubbles: true, cancelable: true }),
      );
    for (let i = 0; i < 30; i++) {
      fire('keydown', i > 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    fire('keyup', false);
  });

  const selected = list.getByRole('option', { selected: true });
  await expect(selected).toHaveAttribute('aria-posinset', '31');
  await expect(selected).toBeInViewport();
  const subject = (await selected.locator('.row-subject').textContent()) ?? '';
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText(subject.trim());
  // The message it stopped at and its read-ahead neighbours: not thirty loads (a little slack
  // for a loaded machine whose timers stretch a pause past the settle time).
  await page.waitForTimeout(500);
  expect(bodyRequests.length - before).toBeLessThanOrEqual(8);
});

test('a reply written with the keyboard is sent with Ctrl+Enter', async ({ page, shell, mailServer, user }) => {
  await appendMessage(mailServer, user, buildMessage('plain', 1).raw, 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  await expect(page.getByRole('listbox', { name: 'Messages' }).getByRole('option')).toHaveCount(1, {
    timeout: 20_000,
  });
  await page.keyboard.press('Enter');
  await page.keyboard.press('r');
  const composer = page.getByRole('dialog', { name: 'Compose' });
  await expect(composer.getByLabel('Body', { exact: true })).toBeFocused();
  test.fixme(!(await composerCanSend(composer)), NOT_SENDING);
  await page.keyboard.type('Sent from the keyboard.');
  await page.keyboard.press('Control+Enter');
  await expect(composer).toBeHidden();
  await expect
    .poll(async () => [...(await mailboxState(mailServer, user, 'Sent')).keys()], { timeout: 30_000 })
    .toContain(`Re: ${SUBJECT(1)}`);
});

test('the Outlook preset: Ctrl+Q/Ctrl+U, Delete and Ctrl+Z; single letters stay quiet; Trash deletes for good', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  for (let i = 1; i <= 2; i++) await appendMessage(mailServer, user, buildMessage('plain', i).raw, 'INBOX');
  await page.addInitScript(() => localStorage.setItem('mail.keymap', JSON.stringify({ preset: 'outlook' })));
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option')).toHaveCount(2, { timeout: 20_000 });
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toContainText(SUBJECT(1));
  await page.keyboard.press('Control+u');
  await expect(list.getByRole('option', { selected: true })).toHaveAccessibleName(/^Unread, /);
  await page.keyboard.press('Control+q');
  await expect(list.getByRole('option', { selected: true })).not.toHaveAccessibleName(/^Unread, /);
  await page.keyboard.press('e'); // Gmail's archive: nothing here
  await expect(list.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Moved to Trash');
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('option')).toHaveCount(2);

  // Delete right after the undo: the move back may still be on its way to the server. The
  // server must end up with the message in Trash too, or the Inbox's sync brings it back.
  await page.keyboard.press('Delete');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect
    .poll(
      async () => ({
        inbox: (await mailboxState(mailServer, user, 'INBOX')).size,
        trash: (await mailboxState(mailServer, user, 'Trash')).size,
      }),
      { timeout: 20_000 },
    )
    .toEqual({ inbox: 1, trash: 1 });

  // Deleting from Trash is for good: the toast says it cannot be undone.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('trash');
  await expect(
    page.getByRole('dialog', { name: 'Command palette' }).getByRole('option', { selected: true }),
  ).toContainText('Trash');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('This cannot be undone.');
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: /Undo/ })).toHaveCount(
    0,
  );
  await expect(list.getByRole('option')).toHaveCount(0);

  await expect
    .poll(
      async () => ({
        inbox: (await mailboxState(mailServer, user, 'INBOX')).size,
        trash: (await mailboxState(mailServer, user, 'Trash')).size,
      }),
      { timeout: 20_000 },
    )
    .toEqual({ inbox: 1, trash: 0 });
});

test('a shortcut changed in the settings works at once and is remembered', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  for (let i = 1; i <= 2; i++) await appendMessage(mailServer, user, buildMessage('plain', i).raw, 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  await expect(list.getByRole('option')).toHaveCount(2, { timeout: 20_000 });

  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('combobox', { name: 'Keyboard shortcuts' })).toHaveValue('gmail');
  await settings.getByText('Customize shortcuts').click();
  const change = settings.getByRole('button', { name: 'Change shortcut for Archive' });
  await change.click();
  await expect(change).toHaveText('Press keys…');
  await page.keyboard.press('y');
  await expect(change).toHaveText('y');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await page.keyboard.press('j');
  await page.keyboard.press('e'); // no longer archive
  await expect(list.getByRole('option')).toHaveCount(2);
  await page.keyboard.press('y');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Archived');

  await page.reload();
  // a key pressed before the app has drawn its list reaches no shortcut handler yet
  await expect(list.getByRole('option')).toHaveCount(1, { timeout: 20_000 });
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay.getByRole('definition').filter({ hasText: /^y$/ })).toHaveCount(1);
});

test('a key pressed in the same moment a message opens finds it read first: "mark unread" sticks', async ({
  page,
  shell,
  mailServer,
  user,
}) => {
  for (let i = 1; i <= 3; i++) await appendMessage(mailServer, user, buildMessage('plain', i).raw, 'INBOX');
  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const reader = page.getByRole('region', { name: 'Message' });
  const row = (i: number) => list.getByRole('option', { name: new RegExp(`${SUBJECT(i)}\\b`) });
  await expect(list.getByRole('option')).toHaveCount(3, { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await expect(reader.getByRole('heading', { name: SUBJECT(1) })).toBeVisible();
  // j, then Shift+U in the very next task: #2 opens and is marked unread before the frame its
  // mark-read waits for (a message channel's task comes before the next animation frame).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const press = (init: KeyboardEventInit) =>
          (document.activeElement ?? document.body).dispatchEvent(
            new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true }),
          );
        const next = new MessageChannel();
        next.port1.onmessage = () => {
          press({ key: 'U', code: 'KeyU', shiftKey: true });
          resolve();
        };
        press({ key: 'j', code: 'KeyJ' });
        next.port2.postMessage(null);
      }),
  );
  await expect(reader.getByRole('heading', { name: SUBJECT(2) })).toBeVisible();
  await expect(row(2)).toHaveAccessibleName(/^Unread,/);
  // j once more: #3's mark-read replays after anything queued for #2.
  await page.keyboard.press('j');
  await expect(reader.getByRole('heading', { name: SUBJECT(3) })).toBeVisible();
  const seen = async () => {
    const inbox = await mailboxState(mailServer, user, 'INBOX');
    return [1, 2, 3].map((i) => inbox.get(SUBJECT(i))?.has('\\Seen') ?? null);
  };
  await expect.poll(seen, { timeout: 20_000 }).toEqual([true, false, true]);
  // and it stays so on screen too: nothing marked #2 read a frame later
  await expect(row(2)).toHaveAccessibleName(/^Unread,/);
});
