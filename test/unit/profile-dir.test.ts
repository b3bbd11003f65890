import { describe, expect, it } from 'vitest';
import { defaultProfileDir } from '../../electron/shell/profile-dir';

describe('defaultProfileDir: the same folder Electron uses for userData', () => {
  it('on Linux uses $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultProfileDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Mail');
    expect(defaultProfileDir('linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/home/ann')).toBe('/data/cfg/Mail');
    expect(defaultProfileDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ann')).toBe('/home/ann/.config/Mail');
  });

  it('on the BSDs behaves like Linux', () => {
    expect(defaultProfileDir('freebsd', {}, '/home/ann')).toBe('/home/ann/.config/Mail');
  });

  it('on macOS uses ~/Library/Application Support and ignores XDG', () => {
    expect(defaultProfileDir('darwin', { XDG_CONFIG_HOME: '/x' }, '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Mail',
    );
  });

  it('on Windows uses %APPDATA%, else the roaming folder under the home', () => {
    expect(defaultProfileDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Mail',
    );
    expect(defaultProfileDir('win32', {}, 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Mail');
  });
});
