// A conversation end to end, with the keyboard only: a question in the Inbox, your reply in Sent,
// the answer to it back in the Inbox, and one unrelated message. Shift+C shows the Inbox as
// conversations (two rows, the conversation with its three messages); the pane stacks it with
// the newest unread expanded (asking before it loads its remote image, as any message does);
// p/n walk the stack and ; collapses; axe finds nothing serious in
// that view. Archiving the row moves both Inbox messages on the server (the reply stays in
// Sent), z brings them back, the mode is still on after a reload, and a search in that folder
// shows its results as conversations too.
import type { ImapFlow } from 'imapflow';
import { appendMessage, withImap } from '../mailserver/imap-helpers';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { accessibilityViolations } from './axe';
import { addAccountThroughUi, expect, screenshot, test } from './fixtures';

const day = (n: number) => new Date(Date.UTC(2026, 2, n, 10));
const id = (name: string) => `<${name}@conversation.example>`;

function raw(options: {
  from: string;
  subject: string;
  n: number;
  name: string;
  replyTo?: string[];
  /** An HTML body with a remote image (the pane asks before loading it). */
  remoteImage?: boolean;
}): string {
  const parent = options.replyTo?.at(-1);
  const body = `${options.subject} (${options.name}): the body.`;
  return [
    `From: ${options.from} <${options.from.toLowerCase()}@example.test>`,
    'To: someone@example.test',
    `Subject: ${options.subject}`,
    `Date: ${day(options.n).toUTCString()}`,
    `Message-ID: ${id(options.name)}`,
    ...(parent ? [`In-Reply-To: ${parent}`, `References: ${options.replyTo!.join(' ')}`] : []),
    ...(options.remoteImage ? ['MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8'] : []),
    '',
    options.remoteImage ? `<p>${body}</p><img src="https://images.example/pixel.png" alt="">` : body,
    '',
  ].join('\r\n');
}

async function subjectsIn(server: MailServerInfo, user: MailUser, path: string): Promise<string[]> {
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

test('a conversation read and archived with the keyboard', async ({ page, shell, mailServer, user }) => {
  test.setTimeout(150_000);
  await appendMessage(mailServer, user, raw({ from: 'Alice', subject: 'Plans', n: 1, name: 'a' }), 'INBOX', ['\\Seen']);
  await appendMessage(
    mailServer,
    user,
    raw({ from: 'Me', subject: 'Re: Plans', n: 2, name: 'b', replyTo: [id('a')] }),
    'Sent',
    ['\\Seen'],
  );
  await appendMessage(
    mailServer,
    user,
    raw({ from: 'Alice', subject: 'Re: Plans', n: 3, name: 'c', replyTo: [id('a'), id('b')], remoteImage: true }),
    'INBOX',
  );
  await appendMessage(mailServer, user, raw({ from: 'Bob', subject: 'Plans', n: 4, name: 'd' }), 'INBOX');

  await page.goto(shell.url);
  await addAccountThroughUi(page, mailServer, user);
  const list = page.getByRole('listbox', { name: 'Messages' });
  const reader = page.getByRole('region', { name: 'Message' });
  await expect(list.getByRole('option')).toHaveCount(3, { timeout: 20_000 });
  // Sent must be synced too before the conversation is whole: open it once, then back to the Inbox
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Sent' })).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(1, { timeout: 20_000 });
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(list.getByRole('option')).toHaveCount(3, { timeout: 20_000 });

  // Shift+C: one row per conversation; the same subject alone (Bob's "Plans") stays apart
  await page.keyboard.press('Shift+C');
  await expect(page.getByRole('button', { name: 'Show as messages' })).toHaveAttribute('aria-pressed', 'true');
  await expect(list.getByRole('option')).toHaveCount(2, { timeout: 20_000 });
  const conversation = list.getByRole('option', { name: /3 messages in the conversation/ });
  await expect(conversation).toHaveAccessibleName(/^Unread, Alice, Me, Re: Plans/);
  await expect(page.getByText('2 conversations')).toBeVisible();

  // j, j: Bob's message, then the conversation, stacked with its newest unread message open
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(conversation).toHaveAttribute('aria-selected', 'true');
  const stack = reader.getByRole('list', { name: 'Conversation, 3 messages' });
  await expect(stack).toBeVisible();
  const line = (sender: string) => reader.getByRole('button', { name: new RegExp(`^${sender}\\b`) });
  await expect(line('Alice').last()).toHaveAttribute('aria-expanded', 'true');
  await expect(reader.getByText('Re: Plans (c): the body.')).toHaveCount(0); // the body is in its frame
  await expect(reader.locator('iframe.message-frame:visible')).toHaveCount(1);
  // opening it read it: the row is read now, the conversation's other messages were read already
  await expect(conversation).toHaveAccessibleName(/^Alice, Me, Re: Plans/, { timeout: 10_000 });
  await screenshot(page, 'conversation-stacked');

  // each message keeps its own remote-content handling: Alice's answer asks, your plain reply does not
  await expect(reader.getByRole('button', { name: 'Load once' })).toBeVisible();

  // p: your reply from Sent; p again: the first message; n: back to your reply
  await page.keyboard.press('p');
  await expect(line('Me')).toHaveAttribute('aria-expanded', 'true');
  await expect(line('Alice').last()).toHaveAttribute('aria-expanded', 'false');
  await expect(reader.getByRole('button', { name: 'Load once' })).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(line('Alice').first()).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('n');
  await expect(line('Me')).toHaveAttribute('aria-expanded', 'true');
  // ; collapses it (no body shown), ; again expands it
  await page.keyboard.press(';');
  await expect(line('Me')).toHaveAttribute('aria-expanded', 'false');
  await expect(reader.locator('iframe.message-frame:visible')).toHaveCount(0);
  await page.keyboard.press(';');
  await expect(line('Me')).toHaveAttribute('aria-expanded', 'true');

  expect(await accessibilityViolations(page)).toEqual([]);

  // e archives the whole conversation in this folder: a and c leave the Inbox, b stays in Sent
  await page.keyboard.press('e');
  await expect(list.getByRole('option')).toHaveCount(1, { timeout: 10_000 });
  await expect.poll(() => subjectsIn(mailServer, user, 'Archive'), { timeout: 20_000 }).toEqual(['Plans', 'Re: Plans']);
  expect(await subjectsIn(mailServer, user, 'INBOX')).toEqual(['Plans']);
  expect(await subjectsIn(mailServer, user, 'Sent')).toEqual(['Re: Plans']);

  // z: both back in the Inbox, on the server too, and the conversation selected and stacked again
  await page.keyboard.press('z');
  await expect(list.getByRole('option')).toHaveCount(2, { timeout: 10_000 });
  await expect(conversation).toHaveAttribute('aria-selected', 'true');
  await expect(stack).toBeVisible();
  await expect
    .poll(() => subjectsIn(mailServer, user, 'INBOX'), { timeout: 20_000 })
    .toEqual(['Plans', 'Plans', 'Re: Plans']);

  // the Inbox still shows conversations after a reload; Sent, never switched, shows messages
  await page.reload();
  await expect(list.getByRole('option')).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Show as messages' })).toBeVisible();

  // search results in it are conversations too: three hits, two conversations
  await list.focus();
  await page.keyboard.press('/');
  await page.keyboard.type('plans');
  await expect(page.getByRole('heading', { name: 'Search results' })).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(list.getByRole('option', { name: /3 messages in the conversation/ })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Search results' })).toHaveCount(0);
  await list.focus();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('button', { name: 'Show as conversations' })).toBeVisible();
});
