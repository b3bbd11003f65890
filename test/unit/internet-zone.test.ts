// A file written for opening is marked as coming from the internet (internet-zone.ts), with the
// platform calls faked: a Zone.Identifier stream on Windows, the quarantine attribute on macOS,
// nothing elsewhere; and an attachment is never opened unmarked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailService } from '../../electron/core/service-api';
import { markFromInternet, quarantineValue, ZONE_IDENTIFIER } from '../../electron/shell/internet-zone';
import { openAttachmentWithApp } from '../../electron/shell/open-attachment';

function fakes(platform: NodeJS.Platform) {
  const order: string[] = [];
  const writeFile = vi.fn(async (file: string, _data: string) => void order.push(`write ${file}`));
  const run = vi.fn(async (program: string, _args: readonly string[]) => void order.push(`run ${program}`));
  return { platform, writeFile, run, now: () => 0x65000000 * 1000, order };
}

describe('marking a file as from the internet', () => {
  it('writes a Zone.Identifier stream with ZoneId=3 on Windows', async () => {
    const deps = fakes('win32');
    await markFromInternet('C:\\Users\\a\\Mail\\opened\\x\\report.pdf', deps);
    expect(deps.writeFile).toHaveBeenCalledWith(
      'C:\\Users\\a\\Mail\\opened\\x\\report.pdf:Zone.Identifier',
      '[ZoneTransfer]\r\nZoneId=3\r\n',
    );
    expect(ZONE_IDENTIFIER).toContain('ZoneId=3');
    expect(deps.run).not.toHaveBeenCalled();
  });

  it('sets com.apple.quarantine with xattr on macOS', async () => {
    const deps = fakes('darwin');
    await markFromInternet('/Users/a/Mail/opened/x/report.pdf', deps);
    expect(deps.run).toHaveBeenCalledWith('/usr/bin/xattr', [
      '-w',
      'com.apple.quarantine',
      '0081;65000000;Mail;',
      '/Users/a/Mail/opened/x/report.pdf',
    ]);
    expect(quarantineValue(0)).toBe('0081;0;Mail;');
    expect(deps.writeFile).not.toHaveBeenCalled();
  });

  it('does nothing where the OS has no such mark', async () => {
    const deps = fakes('linux');
    await markFromInternet('/home/a/report.pdf', deps);
    expect(deps.writeFile).not.toHaveBeenCalled();
    expect(deps.run).not.toHaveBeenCalled();
  });
});

describe('opening an attachment', () => {
  let profileDir = '';
  beforeEach(() => {
    profileDir = mkdtempSync(path.join(tmpdir(), 'zone-mark-'));
  });
  afterEach(() => rmSync(profileDir, { recursive: true, force: true }));

  const service = {
    call: (async () => ({
      filename: 'report.pdf',
      contentType: 'application/pdf',
      dataBase64: Buffer.from('%PDF').toString('base64'),
    })) as unknown as MailService['call'],
  };

  it('marks the copy before any app sees it', async () => {
    const deps = fakes('darwin');
    const openPath = vi.fn(async (file: string) => (deps.order.push(`open ${file}`), ''));
    await openAttachmentWithApp({ service, profileDir, openPath, zoneMark: deps }, { id: 7, part: '2' });
    const file = openPath.mock.calls[0]![0];
    expect(deps.order).toEqual(['run /usr/bin/xattr', `open ${file}`]);
    expect(deps.run.mock.calls[0]![1].at(-1)).toBe(file);
  });

  it('does not open a copy that could not be marked', async () => {
    const deps = fakes('win32');
    deps.writeFile.mockRejectedValueOnce(new Error('EPERM'));
    const openPath = vi.fn(async () => '');
    await expect(
      openAttachmentWithApp({ service, profileDir, openPath, zoneMark: deps }, { id: 7, part: '2' }),
    ).rejects.toThrow('EPERM');
    expect(openPath).not.toHaveBeenCalled();
  });
});
