// The desktop methods as the Electron shell answers them, with Electron's calls faked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi, type Mock } from 'vitest';
import type { MailService } from '../../electron/core/service-api';
import { createDesktopHandlers, withShellHandlers, type DesktopShellDeps } from '../../electron/shell/desktop-methods';
import { defaultDesktopSettings, loadDesktopSettings } from '../../electron/shell/desktop-settings';
import { LaunchQueue } from '../../electron/shell/launch-queue';

const dir = mkdtempSync(path.join(tmpdir(), 'desktop-methods-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function deps(overrides: Partial<DesktopShellDeps> = {}): DesktopShellDeps {
  return {
    platform: 'linux',
    queue: new LaunchQueue(),
    hasTray: true,
    settings: defaultDesktopSettings('linux'),
    settingsFile: path.join(dir, `settings-${Math.random()}.json`),
    isDefaultMailApp: () => false,
    makeDefaultMailApp: () => true,
    setStartAtLogin: vi.fn(),
    showUnreadCount: vi.fn(),
    showWindow: vi.fn(),
    ...overrides,
  };
}

describe('the desktop methods of the Electron shell', () => {
  it('hands out the waiting requests', async () => {
    const d = deps();
    d.queue.push({ kind: 'mailto', url: 'mailto:a@x.se' });
    const handlers = createDesktopHandlers(d);
    expect(await handlers['desktop.takeRequests']({})).toEqual([{ kind: 'mailto', url: 'mailto:a@x.se' }]);
    expect(await handlers['desktop.takeRequests']({})).toEqual([]);
  });

  it('saves a settings change, tells the login items only when that setting changes, and reports it', async () => {
    const d = deps({ settingsChanged: vi.fn() });
    const handlers = createDesktopHandlers(d);
    const info = await handlers['desktop.setSettings']({ closeToTray: false });
    expect(info).toMatchObject({
      platform: 'linux',
      tray: true,
      settings: { closeToTray: false, startAtLogin: false },
    });
    expect(d.setStartAtLogin).not.toHaveBeenCalled();
    await handlers['desktop.setSettings']({ startAtLogin: true });
    expect(d.setStartAtLogin).toHaveBeenCalledWith(true);
    expect(d.settingsChanged).toHaveBeenLastCalledWith({
      closeToTray: false,
      startAtLogin: true,
      checkForUpdates: false,
    });
    expect(loadDesktopSettings(d.settingsFile, 'linux')).toEqual({
      closeToTray: false,
      startAtLogin: true,
      checkForUpdates: false,
    });
  });

  it('says Mail is the default mail app only when the OS agreed and now says so', async () => {
    let isDefault = false;
    const handlers = createDesktopHandlers(
      deps({ isDefaultMailApp: () => isDefault, makeDefaultMailApp: () => ((isDefault = true), true) }),
    );
    expect((await handlers['desktop.info']({}))?.defaultMailApp).toBe(false);
    expect(await handlers['desktop.makeDefaultMailApp']({})).toEqual({ defaultMailApp: true });
    const refused = createDesktopHandlers(deps({ makeDefaultMailApp: () => false }));
    expect(await refused['desktop.makeDefaultMailApp']({})).toEqual({ defaultMailApp: false });
  });

  it('passes the unread count on and brings the window forward', async () => {
    const d = deps();
    const handlers = createDesktopHandlers(d);
    await handlers['desktop.setUnreadCount']({ count: 7 });
    await handlers['desktop.showWindow']({});
    expect(d.showUnreadCount).toHaveBeenCalledWith(7);
    expect(d.showWindow).toHaveBeenCalled();
  });
});

describe('desktop settings', () => {
  it('close to the tray by default only where there is a tray; nothing at login, no update check', () => {
    expect(defaultDesktopSettings('win32')).toEqual({ closeToTray: true, startAtLogin: false, checkForUpdates: false });
    expect(defaultDesktopSettings('darwin').closeToTray).toBe(false);
  });

  it('reads a damaged or foreign file as the defaults', () => {
    expect(loadDesktopSettings(path.join(dir, 'missing.json'), 'linux')).toEqual(defaultDesktopSettings('linux'));
  });
});

describe('withShellHandlers', () => {
  const service = {
    call: vi.fn(async () => 'engine') as unknown as MailService['call'] & Mock,
    onEvent: vi.fn(() => () => undefined),
  };

  it('answers its own methods after checking the input, and passes the rest to the engine', async () => {
    const served = withShellHandlers(service, createDesktopHandlers(deps()));
    await expect(served.call('desktop.setUnreadCount', { count: -1 })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(served.call('desktop.setUnreadCount', { count: 2 })).resolves.toEqual({ ok: true });
    expect(await served.call('accounts.list', {})).toBe('engine');
    expect(service.call).toHaveBeenCalledWith('accounts.list', {});
    expect(service.call).toHaveBeenCalledTimes(1);
  });

  it('writes what it saved where the next start reads it', async () => {
    const d = deps();
    await withShellHandlers(service, createDesktopHandlers(d)).call('desktop.setSettings', { checkForUpdates: true });
    expect(JSON.parse(readFileSync(d.settingsFile, 'utf8'))).toMatchObject({ checkForUpdates: true });
  });
});
