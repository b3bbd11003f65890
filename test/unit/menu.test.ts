import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../electron/shell/menu';

function roles(items: MenuItemConstructorOptions[] | undefined): (string | undefined)[] {
  return (items ?? []).filter((i) => i.type !== 'separator').map((i) => i.role ?? i.label);
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

describe('the application menu', () => {
  it('puts New Message and Open .eml File… at the top of the File menu, without accelerators', () => {
    const onNewMessage = vi.fn();
    const onOpenEml = vi.fn();
    const template = buildMenuTemplate('linux', {
      appName: 'Mail',
      dev: false,
      file: { newMessage: 'New Message', openEml: 'Open .eml File…', onNewMessage, onOpenEml },
    });
    const file = submenu(template.find((m) => m.role === 'fileMenu'));
    expect(roles(file)).toEqual(['New Message', 'Open .eml File…', 'quit']);
    expect(file.filter((i) => i.accelerator)).toEqual([]);
    (file[0]!.click as () => void)();
    (file[1]!.click as () => void)();
    expect(onNewMessage).toHaveBeenCalledTimes(1);
    expect(onOpenEml).toHaveBeenCalledTimes(1);
  });

  it('on macOS starts with the app menu: about, hide, quit', () => {
    const template = buildMenuTemplate('darwin', { appName: 'Mail', dev: false });
    expect(template.map((m) => m.role ?? m.label)).toEqual([
      'Mail',
      'fileMenu',
      'editMenu',
      'viewMenu',
      'windowMenu',
      'help',
    ]);
    expect(roles(submenu(template[0]))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(submenu(template[1]))).toEqual(['close']);
    expect(roles(submenu(template[4]))).toEqual(['minimize', 'zoom', 'front']);
  });

  it.each(['linux', 'win32'] as const)(
    'on %s has no app menu, quits from File and shows About under Help',
    (platform) => {
      const template = buildMenuTemplate(platform, { appName: 'Mail', dev: false });
      expect(template.map((m) => m.role ?? m.label)).toEqual([
        'fileMenu',
        'editMenu',
        'viewMenu',
        'windowMenu',
        'help',
      ]);
      expect(roles(submenu(template[0]))).toEqual(['quit']);
      expect(roles(submenu(template[3]))).toEqual(['minimize', 'close']);
      expect(roles(submenu(template[4]))).toContain('about');
    },
  );

  it('has the standard edit roles everywhere, so text fields get copy and paste shortcuts', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const edit = submenu(
        buildMenuTemplate(platform, { appName: 'Mail', dev: false }).find((m) => m.role === 'editMenu'),
      );
      expect(roles(edit)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('offers developer tools only in development', () => {
    const view = (dev: boolean) =>
      roles(submenu(buildMenuTemplate('linux', { appName: 'Mail', dev }).find((m) => m.role === 'viewMenu')));
    expect(view(false)).not.toContain('toggleDevTools');
    expect(view(true)).toContain('toggleDevTools');
    expect(view(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    // Ctrl/Cmd+R is Reply in the Outlook and Apple Mail keymaps: no reload outside development
    expect(view(false)).not.toContain('reload');
    expect(view(true)).toContain('reload');
  });

  it('leaves the keymap’s keys to the page: undo and select all off macOS, Ctrl+Q on Windows', () => {
    const items = (platform: NodeJS.Platform) =>
      buildMenuTemplate(platform, { appName: 'Mail', dev: false }).flatMap((m) =>
        Array.isArray(m.submenu) ? m.submenu : [],
      );
    const registered = (platform: NodeJS.Platform, role: string) =>
      items(platform).find((i) => i.role === role)?.registerAccelerator !== false;
    for (const role of ['undo', 'redo', 'selectAll']) {
      expect(registered('linux', role), role).toBe(false);
      expect(registered('win32', role), role).toBe(false);
      expect(registered('darwin', role), role).toBe(true);
    }
    expect(registered('win32', 'quit')).toBe(false);
    expect(registered('linux', 'quit')).toBe(true);
    expect(registered('darwin', 'quit')).toBe(true);
  });

  it('adds a help link that calls back', () => {
    const openHelp = vi.fn();
    const help = submenu(buildMenuTemplate('darwin', { appName: 'Mail', dev: false, openHelp }).at(-1));
    expect(help[0]?.label).toBe('Learn More');
    (help[0]?.click as () => void)();
    expect(openHelp).toHaveBeenCalled();
  });
});
