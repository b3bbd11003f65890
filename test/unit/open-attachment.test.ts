// Opening an attachment in the desktop app: which types are never handed to another app, the
// private copy it opens, and the routing that sends only this one method past the core.
// Electron itself is not needed: shell.openPath arrives as a function (faked here).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearOpenedAttachments,
  OPENED_ATTACHMENTS_DIR,
  safeOpenedName,
  writeOpenedAttachment,
} from '../../electron/core/opened-attachments';
import type { MailService } from '../../electron/core/service-api';
import { openAttachmentWithApp, withDesktopMethods } from '../../electron/shell/open-attachment';
import { openPolicy } from '../../shared/attachment-open-policy';

let profileDir = '';
beforeEach(() => {
  profileDir = mkdtempSync(path.join(tmpdir(), 'open-attachment-'));
});
afterEach(() => rmSync(profileDir, { recursive: true, force: true }));

function fakeService(filename: string, contentType: string, bytes = Buffer.from('%PDF-1.7 hello')) {
  const call = vi.fn(async (method: string, input: unknown) => {
    if (method !== 'message.attachment') throw new Error(`unexpected ${method}`);
    expect(input).toEqual({ id: 7, part: '2' });
    return { filename, contentType, dataBase64: bytes.toString('base64') };
  });
  return { call: call as unknown as MailService['call'], calls: call, bytes };
}

describe('the open allow-list', () => {
  it.each([
    ['setup.exe', 'application/octet-stream', 'program'],
    ['SETUP.EXE', 'application/octet-stream', 'program'],
    ['invoice.pdf.exe', 'application/pdf', 'program'],
    ['trailing-dot.exe.', 'application/octet-stream', 'program'],
    ['trailing-space.bat ', 'text/plain', 'program'],
    ['script.js', 'text/plain', 'program'],
    ['profile.ps1', 'text/plain', 'program'],
    ['tool.jar', 'application/zip', 'program'],
    ['Thing.app', 'application/octet-stream', 'program'],
    ['install.sh', 'text/plain', 'program'],
    ['shortcut.lnk', 'application/octet-stream', 'program'],
    ['report.pdf', 'application/x-msdownload', 'program'],
    ['report.pdf', 'application/x-msdownload; name="report.pdf"', 'program'],
    ['report.pdf', 'application/vnd.microsoft.portable-executable', 'program'],
    ['report.pdf', 'application/x-ms-dos-executable', 'program'],
    ['notes', 'application/x-sh', 'program'],
    ['addin.xll', 'application/octet-stream', 'program'],
    ['notebook.one', 'application/onenote', 'program'],
    ['query.iqy', 'text/plain', 'program'],
    ['wifi.mobileconfig', 'application/x-apple-aspen-config', 'program'],
    ['archive.zip', 'application/zip', 'archive'],
    ['archive.7z', 'application/x-7z-compressed', 'archive'],
    ['disk.iso', 'application/octet-stream', 'archive'],
    ['budget.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.12', 'macros'],
    ['letter.docm', 'application/vnd.ms-word.document.macroEnabled.12', 'macros'],
    ['old.doc', 'application/msword', 'macros'],
    ['page.html', 'text/html', 'web'],
    ['logo.svg', 'image/svg+xml', 'web'],
    ['data.xyz', 'application/octet-stream', 'unlisted'],
    ['exe', 'application/octet-stream', 'unlisted'],
    ['README', 'text/plain', 'unlisted'],
  ])('%s (%s) is saved only: %s', (filename, type, reason) => {
    expect(openPolicy(filename, type)).toEqual({ open: false, reason });
  });

  it.each([
    ['report.pdf', 'application/pdf'],
    ['photo.JPG', 'image/jpeg'],
    ['scan.heic', 'image/heic'],
    ['letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['sheet.xlsx', 'application/octet-stream'],
    ['slides.odp', 'application/vnd.oasis.opendocument.presentation'],
    ['readme.txt', 'text/plain'],
    ['invite.ics', 'text/calendar'],
    ['card.vcf', 'text/vcard'],
  ])('%s (%s) opens', (filename, type) => {
    expect(openPolicy(filename, type)).toEqual({ open: true });
  });
});

describe('the private copy', () => {
  it('keeps the name, lives in the profile, is readable by the user only and never executable', async () => {
    const file = await writeOpenedAttachment(profileDir, 'Årsrapport 2026.pdf', Buffer.from('bytes'));
    expect(path.basename(file)).toBe('Årsrapport 2026.pdf');
    expect(path.dirname(path.dirname(file))).toBe(path.join(profileDir, OPENED_ATTACHMENTS_DIR));
    expect(readFileSync(file, 'utf8')).toBe('bytes');
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
    // the same name twice: two copies, neither overwritten
    const again = await writeOpenedAttachment(profileDir, 'Årsrapport 2026.pdf', Buffer.from('other'));
    expect(again).not.toBe(file);
    expect(readFileSync(file, 'utf8')).toBe('bytes');
  });

  it('takes no folders from the name and avoids names the OS reserves', () => {
    expect(safeOpenedName('../../.bashrc')).toBe('_.._.bashrc');
    expect(safeOpenedName('a/b\\c:d*e?.txt')).toBe('a_b_c_d_e_.txt');
    expect(safeOpenedName('CON.txt')).toBe('attachment-CON.txt');
    expect(safeOpenedName('...')).toBe('attachment-');
  });

  it('is emptied at start', async () => {
    await writeOpenedAttachment(profileDir, 'a.pdf', Buffer.from('x'));
    await clearOpenedAttachments(profileDir);
    expect(readdirSync(profileDir)).toEqual([]);
    await clearOpenedAttachments(profileDir); // nothing there: no error
  });
});

describe('opening', () => {
  it('writes the copy and hands its path to the OS', async () => {
    const service = fakeService('report.pdf', 'application/pdf');
    const openPath = vi.fn(async (_file: string) => '');
    const result = await openAttachmentWithApp({ service, profileDir, openPath }, { id: 7, part: '2' });
    expect(result).toEqual({ outcome: 'opened' });
    const file = openPath.mock.calls[0]![0];
    expect(path.basename(file)).toBe('report.pdf');
    expect(readFileSync(file)).toEqual(service.bytes);
  });

  it('a program is never written out or opened: the UI is told to save it', async () => {
    const service = fakeService('invoice.pdf.exe', 'application/octet-stream');
    const openPath = vi.fn(async () => '');
    const result = await openAttachmentWithApp({ service, profileDir, openPath }, { id: 7, part: '2' });
    expect(result).toEqual({ outcome: 'blocked' });
    expect(openPath).not.toHaveBeenCalled();
    expect(readdirSync(profileDir)).toEqual([]);
  });

  it('says why when no app could open it, and refuses input that is not an attachment', async () => {
    const service = fakeService('data.txt', 'application/octet-stream');
    const openPath = vi.fn(async () => 'No application is associated with the file');
    await expect(openAttachmentWithApp({ service, profileDir, openPath }, { id: 7, part: '2' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'No app could open “data.txt”: No application is associated with the file',
    });
    await expect(
      openAttachmentWithApp({ service, profileDir, openPath }, { id: 7, part: '../2' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(service.calls).toHaveBeenCalledTimes(1);
  });

  it('waits for the start-up clean-up before writing', async () => {
    let finish!: () => void;
    const cleared = new Promise<void>((resolve) => (finish = resolve));
    const openPath = vi.fn(async () => '');
    const opening = openAttachmentWithApp(
      { service: fakeService('a.pdf', 'application/pdf'), profileDir, openPath, cleared },
      { id: 7, part: '2' },
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(openPath).not.toHaveBeenCalled();
    finish();
    await expect(opening).resolves.toEqual({ outcome: 'opened' });
  });

  it('the desktop service answers only message.openAttachment itself; the rest is the core’s', async () => {
    const { call: attachmentCall } = fakeService('a.pdf', 'application/pdf');
    const call = vi.fn(async (method: string, input: unknown) =>
      method === 'message.attachment' ? attachmentCall(method, input) : { from: 'core', method },
    );
    const unsubscribe = () => undefined;
    const core = { call, onEvent: vi.fn(() => unsubscribe) } as unknown as MailService;
    const openPath = vi.fn(async () => '');
    const served = withDesktopMethods(core, { profileDir, openPath });
    expect(await served.call('message.openAttachment', { id: 7, part: '2' })).toEqual({ outcome: 'opened' });
    expect(openPath).toHaveBeenCalledTimes(1);
    expect(await served.call('accounts.list', {})).toEqual({ from: 'core', method: 'accounts.list' });
    expect(call).not.toHaveBeenCalledWith('message.openAttachment', expect.anything());
    const listener = () => undefined;
    expect(served.onEvent(listener)).toBe(unsubscribe);
  });
});
