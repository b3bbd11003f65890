// Playwright fixtures: the test mail server (started once by global-setup.ts), a fresh mail user,
// and a fresh browser shell (`node dist/web.mjs`, exactly what `npm run web` runs) with its own
// profile, trusting the test CA the way any Node program does: NODE_EXTRA_CA_CERTS.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { MailServerInfo, MailUser } from '../mailserver/types';
import { createMailUser } from '../support/mail-users';
import { SERVER_INFO_FILE } from './global-setup';

export interface Shell {
  url: string;
  profileDir: string;
  process: ChildProcess;
}

/** `profileDir`: start on an existing profile (a restart); by default a fresh one. */
export async function startShell(
  server: MailServerInfo,
  extraEnv: Record<string, string> = {},
  profileDir = mkdtempSync(path.join(tmpdir(), 'mail-e2e-profile-')),
): Promise<Shell> {
  const child = spawn(process.execPath, ['dist/web.mjs', '--profile', profileDir, '--port', '0'], {
    env: { ...process.env, ...extraEnv, NODE_EXTRA_CA_CERTS: server.caFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web shell did not start: ${stderr}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^Mail web shell: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`web shell exited (${code}): ${stderr}`)));
  });
  return { url, profileDir, process: child };
}

/** Stops the shell the way Ctrl-C does; the profile stays. */
export async function stopShellProcess(shell: Shell): Promise<void> {
  if (shell.process.exitCode === null) {
    const exited = new Promise((resolve) => shell.process.once('exit', resolve));
    shell.process.kill('SIGTERM');
    const timer = setTimeout(() => shell.process.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Stops the shell and removes its profile and the key folder beside it. */
export async function stopShell(shell: Shell): Promise<void> {
  await stopShellProcess(shell);
  rmSync(shell.profileDir, { recursive: true, force: true });
  // the key file's folder beside the profile (electron/shell/key-file.ts)
  rmSync(`${shell.profileDir}.keys`, { recursive: true, force: true });
}

export const test = base.extend<{
  mailServer: MailServerInfo;
  user: MailUser;
  shell: Shell;
  /** Extra environment for the shell, set with test.use({ shellEnv }); none by default. */
  shellEnv: Record<string, string>;
}>({
  shellEnv: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  mailServer: async ({}, use) => {
    await use(JSON.parse(readFileSync(SERVER_INFO_FILE, 'utf8')) as MailServerInfo);
  },
  user: async ({ mailServer }, use) => {
    await use(await createMailUser(mailServer, 'e2e'));
  },
  shell: async ({ mailServer, shellEnv }, use) => {
    const shell = await startShell(mailServer, shellEnv);
    await use(shell);
    await stopShell(shell);
  },
});

export { expect };

/** Fills the add-account form with the test bed's settings and submits it. */
export async function addAccountThroughUi(page: Page, server: MailServerInfo, user: MailUser): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Add account' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name', { exact: true }).fill(user.name);
  await dialog.getByLabel('Email', { exact: true }).fill(user.address);
  await dialog.getByLabel('Password', { exact: true }).fill(user.password);
  // example.test has no DNS and no autoconfig: discovery would honestly find nothing
  await dialog.getByRole('button', { name: 'Set up manually' }).click();
  await dialog.getByLabel('IMAP host').fill(server.host);
  await dialog.getByLabel('IMAP port').fill(String(server.ports.imaps));
  await dialog.getByLabel('SMTP host').fill(server.host);
  await dialog.getByLabel('SMTP port').fill(String(server.ports.submissions));
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const add = dialog.getByRole('button', { name: 'Add account' });
  await expect(add).toBeEnabled({ timeout: 20_000 });
  await add.click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

/** Saves a screenshot under test-results/screenshots/ (kept on every run, pass or fail). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}
