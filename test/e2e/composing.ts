// The composer's steps that the writing tests all take the same way (signed in, a new message,
// To and Subject filled, Send), so each test shows only what it is about.
import type { Locator, Page } from '@playwright/test';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { addAccountThroughUi, expect } from './fixtures';

/** A new message's composer. */
export async function newMessage(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'New message' }).click();
  return page.getByRole('dialog', { name: 'Compose' });
}

/** The app opened with the test bed's account added and its Inbox listed, then a new message. */
export async function openComposer(page: Page, url: string, server: MailServerInfo, user: MailUser): Promise<Locator> {
  await page.goto(url);
  await addAccountThroughUi(page, server, user);
  await expect(page.getByRole('tree', { name: 'Folders' }).getByRole('treeitem', { name: /^Inbox/ })).toBeVisible();
  return newMessage(page);
}

/** Types a recipient into To and the subject, as the user does before writing. */
export async function addressAndTitle(composer: Locator, to: string, subject: string): Promise<void> {
  await composer.getByLabel('To', { exact: true }).fill(to);
  await composer.getByLabel('Subject', { exact: true }).fill(subject);
}

/** Presses Send and waits for the composer to close (the message is then in the undo window). */
export async function send(composer: Locator): Promise<void> {
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(composer).toBeHidden();
}
