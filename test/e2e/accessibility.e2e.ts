// axe-core over every main surface of the app, in English and in Swedish (labels change length
// and wording with the language, so each is checked), light and dark (each has its own colours):
// the account wizard, the main window with a message open (and the warnings of issue 15 in it),
// its source, the composer (with issue 19's Bcc and Send later), the outbox, the settings and the
// command palette. Serious and critical violations fail the test with one line each (rule,
// element, what to fix).
import { appendMessage } from '../mailserver/imap-helpers';
import { MALFORMED_SAMPLES } from '../mailserver/malformed-samples';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { accessibilityViolations } from './axe';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const LABELS = {
  en: {
    locale: 'en-GB',
    addAccount: 'Add account',
    name: 'Name',
    email: 'Email',
    password: 'Password',
    manual: 'Set up manually',
    imapHost: 'IMAP host',
    imapPort: 'IMAP port',
    smtpHost: 'SMTP host',
    smtpPort: 'SMTP port',
    test: 'Test connection',
    messages: 'Messages',
    newMessage: 'New message',
    compose: 'Compose',
    settings: 'Settings',
    palette: 'Command palette',
    showSource: 'Show source',
    dontOpen: 'Don’t open',
    openNotes: 'Open notes.zip',
    source: 'Message source',
    unsubscribe: 'Unsubscribe',
    to: 'To',
    schedule: 'Schedule…',
    tomorrowMorning: /^Tomorrow morning/,
    showOutbox: 'show outbox',
    outbox: 'Outbox',
  },
  sv: {
    locale: 'sv-SE',
    addAccount: 'Lägg till konto',
    name: 'Namn',
    email: 'E-post',
    password: 'Lösenord',
    manual: 'Ställ in manuellt',
    imapHost: 'IMAP-server',
    imapPort: 'IMAP-port',
    smtpHost: 'SMTP-server',
    smtpPort: 'SMTP-port',
    test: 'Testa anslutningen',
    messages: 'Meddelanden',
    newMessage: 'Nytt meddelande',
    compose: 'Skriv',
    settings: 'Inställningar',
    palette: 'Kommandopalett',
    showSource: 'Visa källkod',
    dontOpen: 'Öppna inte',
    openNotes: 'Öppna notes.zip',
    source: 'Meddelandets källkod',
    unsubscribe: 'Avsluta prenumeration',
    to: 'Till',
    schedule: 'Schemalägg…',
    tomorrowMorning: /^I morgon bitti/,
    showOutbox: 'visa utkorgen',
    outbox: 'Utkorg',
  },
} as const;

/**
 * An HTML message with an attachment, so the header block and the attachment list are checked
 * too; its link shows one host and goes to another, and its archive is "save only".
 */
function sampleMessage(): Buffer {
  return Buffer.from(
    'From: Ada Lovelace <ada@example.test>\r\nTo: you@example.test\r\nSubject: Notes on the engine\r\n' +
      'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <notes@example.test>\r\nMIME-Version: 1.0\r\n' +
      'List-Unsubscribe: <mailto:leave@example.test>\r\n' +
      'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' +
      '<p>The notes are at <a href="https://notes.evil.test/">www.example.test</a>.</p>\r\n--b\r\n' +
      'Content-Type: application/zip; name="notes.zip"\r\nContent-Disposition: attachment; filename="notes.zip"\r\n' +
      'Content-Transfer-Encoding: base64\r\n\r\nUEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==\r\n--b--\r\n',
  );
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  expect(await accessibilityViolations(page), `accessibility violations in ${where}`).toEqual([]);
}

async function checkEverySurface(
  page: Page,
  url: string,
  server: MailServerInfo,
  user: MailUser,
  labels: (typeof LABELS)[keyof typeof LABELS],
): Promise<void> {
  await appendMessage(server, user, sampleMessage(), 'INBOX');
  await appendMessage(server, user, MALFORMED_SAMPLES.noBody, 'INBOX');
  await page.goto(url);

  const wizard = page.getByRole('dialog', { name: labels.addAccount });
  await expect(wizard).toBeVisible();
  await expectNoViolations(page, 'the wizard’s first step');
  await wizard.getByLabel(labels.name, { exact: true }).fill(user.name);
  await wizard.getByLabel(labels.email, { exact: true }).fill(user.address);
  await wizard.getByLabel(labels.password, { exact: true }).fill(user.password);
  await wizard.getByRole('button', { name: labels.manual }).click();
  await wizard.getByLabel(labels.imapHost).fill(server.host);
  await wizard.getByLabel(labels.imapPort).fill(String(server.ports.imaps));
  await wizard.getByLabel(labels.smtpHost).fill(server.host);
  await wizard.getByLabel(labels.smtpPort).fill(String(server.ports.submissions));
  await expectNoViolations(page, 'the wizard’s server settings');
  await wizard.getByRole('button', { name: labels.test }).click();
  const add = wizard.getByRole('button', { name: labels.addAccount });
  await expect(add).toBeEnabled({ timeout: 20_000 });
  await expectNoViolations(page, 'the wizard’s connection test');
  await add.click();
  await expect(wizard).toBeHidden({ timeout: 20_000 });

  await page
    .getByRole('listbox', { name: labels.messages })
    .getByRole('option', { name: /Notes on the engine/ })
    .click();
  await expect(page.getByRole('button', { name: labels.unsubscribe })).toBeVisible();
  await expectNoViolations(page, 'the main window with a message open');
  await page.getByRole('button', { name: labels.unsubscribe }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoViolations(page, 'the unsubscribe confirmation');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.getByRole('listbox', { name: labels.messages }).focus();
  await page.keyboard.press('Control+U');
  const source = page.getByRole('dialog', { name: labels.source });
  await expect(source.getByText('Message-ID: <notes@example.test>')).toBeVisible();
  await expectNoViolations(page, 'the message source');
  await page.keyboard.press('Escape');
  await expect(source).toBeHidden();

  // the warnings of issue 15: a deceptive link, an attachment saved rather than opened, a
  // message with nothing to show
  await page.frameLocator('iframe.message-frame:not(.is-standby)').getByRole('link').click();
  const warning = page.getByRole('alertdialog');
  await expect(warning).toBeVisible();
  await expectNoViolations(page, 'the deceptive-link warning');
  await warning.getByRole('button', { name: labels.dontOpen }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: labels.openNotes }).click();
  await download;
  await expect(page.getByText(/^notes\.zip /)).toBeVisible();
  await expectNoViolations(page, 'an attachment saved, not opened');
  await page
    .getByRole('listbox', { name: labels.messages })
    .getByRole('option', { name: /no body/ })
    .click();
  await expect(page.getByRole('button', { name: labels.showSource })).toBeVisible();
  await expectNoViolations(page, 'a message with nothing to show');

  await page.getByRole('button', { name: labels.newMessage }).click();
  const composer = page.getByRole('dialog', { name: labels.compose });
  await expect(composer).toBeVisible();
  await expectNoViolations(page, 'the composer');
  // issue 19: Bcc and Reply-To shown, the Send later panel open, then the outbox with the
  // message it scheduled
  await composer.getByLabel(labels.to, { exact: true }).fill(user.address);
  await page.keyboard.press('Control+Shift+B');
  await composer.getByRole('button', { name: labels.schedule }).click();
  await expectNoViolations(page, 'the composer with Bcc and Send later');
  await composer.getByRole('button', { name: labels.tomorrowMorning }).click();
  await expect(composer).toBeHidden();
  await page.keyboard.press('Control+K');
  await page.keyboard.type(labels.showOutbox);
  await page.keyboard.press('Enter');
  const outbox = page.getByRole('dialog', { name: labels.outbox });
  await expect(outbox.getByRole('listitem')).toHaveCount(1);
  await expectNoViolations(page, 'the outbox');
  await page.keyboard.press('Escape');
  await expect(outbox).toBeHidden();

  await page.getByRole('button', { name: labels.settings }).click();
  const settings = page.getByRole('dialog', { name: labels.settings });
  await expect(settings).toBeVisible();
  await expectNoViolations(page, 'the settings (General)');
  await settings.getByRole('tab').nth(1).click();
  await expectNoViolations(page, 'the settings (Accounts)');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // an .eml file dropped on the window: its reading window
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'notes.eml', { type: 'message/rfc822' }));
    return data;
  }, sampleMessage().toString());
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
  const emlReader = page.getByRole('dialog', { name: 'Notes on the engine' });
  await expect(emlReader).toBeVisible();
  await expect(emlReader.frameLocator('iframe').locator('p')).toBeVisible();
  await expectNoViolations(page, 'the .eml reading window');
  await page.keyboard.press('Escape');
  await expect(emlReader).toBeHidden();

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: labels.palette });
  await expect(palette).toBeVisible();
  await expectNoViolations(page, 'the command palette');
  await page.keyboard.press('Escape');
}

for (const language of ['en', 'sv'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`in ${language === 'en' ? 'English' : 'Swedish'}, ${scheme}`, () => {
      // The app follows the system's scheme by default (renderer/appearance/).
      test.use({ locale: LABELS[language].locale, colorScheme: scheme });
      test('the wizard, main window, warnings, composer, settings, .eml window and palette have no serious accessibility violations', async ({
        page,
        shell,
        mailServer,
        user,
      }) => {
        await checkEverySurface(page, shell.url, mailServer, user, LABELS[language]);
        await expect(page.locator('html')).toHaveAttribute('data-scheme', scheme);
      });
    });
  }
}
