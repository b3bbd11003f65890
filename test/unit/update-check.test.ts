import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  UPDATE_FEED_FILE_NAME,
  checkForUpdates,
  readUpdateFeedUrl,
  shouldCheckForUpdates,
  type UpdateCheckFacts,
} from '../../electron/shell/update-check';

const installed: UpdateCheckFacts = {
  shell: 'electron',
  checkForUpdates: true,
  packaged: true,
  feedUrl: 'https://updates.example/mail',
};

describe('shouldCheckForUpdates', () => {
  it('checks in an installed app with a feed when the user chose it', () => {
    expect(shouldCheckForUpdates(installed)).toBe(true);
  });

  it.each([
    ['the setting is off (the default)', { checkForUpdates: false }],
    ['a development run (not packaged)', { packaged: false }],
    ['a build without a feed', { feedUrl: null }],
    ['the browser shell', { shell: 'browser' as const }],
  ])('never checks when %s', (_why, change) => {
    expect(shouldCheckForUpdates({ ...installed, ...change })).toBe(false);
  });
});

describe('readUpdateFeedUrl', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const withFeedFile = (text: string | null) => {
    dir = mkdtempSync(path.join(tmpdir(), 'mail-update-'));
    if (text !== null) writeFileSync(path.join(dir, UPDATE_FEED_FILE_NAME), text);
    return dir;
  };

  it("reads the generic feed's address electron-builder wrote", () => {
    const resources = withFeedFile(
      'provider: generic\nurl: https://updates.example/mail\nupdaterCacheDirName: mail-updater\n',
    );
    expect(readUpdateFeedUrl(resources)).toBe('https://updates.example/mail');
  });

  it('takes a quoted address too', () => {
    expect(readUpdateFeedUrl(withFeedFile("provider: generic\nurl: 'https://updates.example/m'\n"))).toBe(
      'https://updates.example/m',
    );
  });

  it('is null without the file, or when it names no http(s) address', () => {
    expect(readUpdateFeedUrl(withFeedFile(null))).toBeNull();
    rmSync(dir, { recursive: true, force: true });
    expect(readUpdateFeedUrl(withFeedFile('provider: generic\nurl: \n'))).toBeNull();
  });
});

describe('checkForUpdates', () => {
  it('asks electron-updater to check and notify', async () => {
    let asked = 0;
    const logged: string[] = [];
    await checkForUpdates(
      {
        checkForUpdatesAndNotify: () => {
          asked += 1;
          return Promise.resolve(null);
        },
      },
      (_level, message) => logged.push(message),
    );
    expect(asked).toBe(1);
    expect(logged).toEqual([]);
  });

  it('logs a failed check and never throws it', async () => {
    const logged: Array<[string, string]> = [];
    await expect(
      checkForUpdates(
        { checkForUpdatesAndNotify: () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')) },
        (level, message) => logged.push([level, message]),
      ),
    ).resolves.toBeUndefined();
    expect(logged).toEqual([['warn', 'The update check failed: net::ERR_INTERNET_DISCONNECTED']]);
  });
});
