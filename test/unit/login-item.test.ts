// Starting at login: the OS's login items on macOS and Windows, an XDG autostart entry on Linux.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { autostartEntry, setStartAtLogin } from '../../electron/shell/login-item';

const dir = mkdtempSync(path.join(tmpdir(), 'login-item-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('setStartAtLogin', () => {
  it('macOS and Windows: a login item that starts Mail hidden, removed when turned off', () => {
    const setLoginItemSettings = vi.fn();
    const deps = { platform: 'win32' as const, setLoginItemSettings, configDir: dir, command: 'C:\\Mail\\Mail.exe' };
    setStartAtLogin(deps, true);
    expect(setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true, args: ['--hidden'] });
    setStartAtLogin(deps, false);
    expect(setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false });
  });

  it('Linux: writes and removes ~/.config/autostart/mail.desktop', () => {
    const setLoginItemSettings = vi.fn();
    const deps = { platform: 'linux' as const, setLoginItemSettings, configDir: dir, command: '/opt/Mail/mail' };
    const file = path.join(dir, 'autostart', 'mail.desktop');
    setStartAtLogin(deps, true);
    expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Mail/mail" --hidden');
    setStartAtLogin(deps, false);
    expect(existsSync(file)).toBe(false);
    expect(setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('quotes a command with spaces and special characters as the Desktop Entry spec asks', () => {
    expect(autostartEntry('/home/a b/Mail "x"$.AppImage')).toContain(
      'Exec="/home/a b/Mail \\"x\\"\\$.AppImage" --hidden',
    );
  });
});
