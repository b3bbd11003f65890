// The application menu. Built from roles, so the OS supplies the labels, shortcuts and
// translations users expect (Cmd+Q, Ctrl+C, ...); the template is a pure function so each
// platform's menu can be checked in a test.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  appName: string;
  /** Developer tools only in unpackaged builds. */
  dev: boolean;
  /** Opens the project's help page in the browser. */
  openHelp?: () => void;
  /**
   * New Message and Open .eml File… at the top of the File menu, with their labels in the
   * system's language (shell-strings.ts). No accelerators: the page's keymap owns the keys.
   */
  file?: { newMessage: string; openEml: string; onNewMessage: () => void; onOpenEml: () => void };
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(platform: NodeJS.Platform, options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        separator,
        { role: 'services' },
        separator,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        separator,
        { role: 'quit' },
      ],
    });
  }

  // Windows quits with Alt+F4; Ctrl+Q there is the Outlook keymap's "mark as read".
  const fileItems: MenuItemConstructorOptions[] = options.file
    ? [
        { label: options.file.newMessage, click: options.file.onNewMessage },
        { label: options.file.openEml, click: options.file.onOpenEml },
        separator,
      ]
    : [];
  template.push({
    role: 'fileMenu',
    submenu: [...fileItems, mac ? { role: 'close' } : { role: 'quit', registerAccelerator: platform !== 'win32' }],
  });

  // Off macOS, Blink handles Ctrl+Z / Ctrl+A inside text fields by itself; leaving them unregistered
  // lets the page see them elsewhere too (undo an archive, select every message).
  const pageKeys = mac ? {} : { registerAccelerator: false };
  template.push({
    role: 'editMenu',
    submenu: [
      { role: 'undo', ...pageKeys },
      { role: 'redo', ...pageKeys },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll', ...pageKeys },
    ],
  });

  template.push({
    role: 'viewMenu',
    submenu: [
      // Reloading is for developers: Ctrl/Cmd+R is Reply in the Outlook and Apple Mail keymaps.
      ...(options.dev
        ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const]
        : []),
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  });

  template.push({
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });

  const help: MenuItemConstructorOptions[] = [];
  if (options.openHelp) help.push({ label: 'Learn More', click: options.openHelp });
  // macOS shows About in the app menu; elsewhere Help is where people look for it
  if (!mac) help.push({ role: 'about' });
  template.push({ role: 'help', submenu: help });

  return template;
}
