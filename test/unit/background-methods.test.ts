// Requests the window makes by itself must not pause the offline-bodies job: it steps aside for a
// few seconds after each request that is the user at work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';
import { countsAsUserActivity } from '../../electron/core/background-methods';
import { OfflineBodiesJob } from '../../electron/core/imap/offline-bodies/offline-bodies-job';
import { createMailService } from '../../electron/core/service';

describe('countsAsUserActivity', () => {
  it.each([
    'sync.foreground',
    'accounts.status',
    'app.notices',
    // new mail updates the badge and the window looks for launch requests: neither is the user
    'desktop.setUnreadCount',
    'desktop.takeRequests',
  ] as const)('%s is the window on its own', (method) => {
    expect(countsAsUserActivity(method)).toBe(false);
  });

  it.each(['messages.window', 'accounts.list', 'messages.search'] as const)('%s is the user at work', (method) => {
    expect(countsAsUserActivity(method)).toBe(true);
  });
});

describe('the engine and the offline-bodies job', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('pauses the job for a user request, not for the badge count or the launch queue', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mail-background-'));
    dirs.push(root);
    const userActive = vi.spyOn(OfflineBodiesJob.prototype, 'userActive');
    const service = await createMailService({
      dataDir: path.join(root, 'profile'),
      cipher: new KeyFileCipher(path.join(root, 'profile.key'), 'weak'),
      offline: true,
    });
    try {
      await service.call('desktop.setUnreadCount', { count: 3 });
      await service.call('desktop.takeRequests', {});
      expect(userActive).not.toHaveBeenCalled();
      await service.call('accounts.list', {});
      expect(userActive).toHaveBeenCalledTimes(1);
    } finally {
      await service.close();
    }
  });
});
