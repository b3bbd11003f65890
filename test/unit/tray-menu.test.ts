// The tray menu's model and what closing the window does.
import { describe, expect, it, vi } from 'vitest';
import { shellStrings } from '../../electron/shell/shell-strings';
import { closeAction, hasTray, trayMenuTemplate } from '../../electron/shell/tray-menu';

const actions = () => ({ open: vi.fn(), compose: vi.fn(), checkMail: vi.fn(), quit: vi.fn() });

describe('trayMenuTemplate', () => {
  it('shows the unread count, then open, compose, check mail and quit, each wired to its action', () => {
    const a = actions();
    const menu = trayMenuTemplate(3, shellStrings(['en-US']), a);
    expect(menu.map((item) => item.label ?? item.type)).toEqual([
      '3 unread messages',
      'separator',
      'Open Mail',
      'New Message',
      'Check Mail',
      'separator',
      'Quit Mail',
    ]);
    expect(menu[0]!.enabled).toBe(false);
    for (const [index, action] of [
      [2, a.open],
      [3, a.compose],
      [4, a.checkMail],
      [6, a.quit],
    ] as const) {
      (menu[index]!.click as () => void)();
      expect(action).toHaveBeenCalledTimes(1);
    }
  });

  it('says when nothing is unread, and speaks Swedish on a Swedish system', () => {
    expect(trayMenuTemplate(0, shellStrings(['en']), actions())[0]!.label).toBe('No unread mail');
    const swedish = trayMenuTemplate(1, shellStrings(['sv-SE', 'en-US']), actions());
    expect(swedish.map((item) => item.label).filter(Boolean)).toEqual([
      '1 oläst meddelande',
      'Öppna Mail',
      'Nytt meddelande',
      'Hämta e-post',
      'Avsluta Mail',
    ]);
    expect(shellStrings(['fr-FR']).quit).toBe('Quit Mail');
  });
});

describe('hasTray', () => {
  it('is Windows and Linux (a macOS app lives in the dock)', () => {
    expect(['win32', 'linux', 'darwin'].map((p) => hasTray(p as NodeJS.Platform))).toEqual([true, true, false]);
  });
});

describe('closeAction', () => {
  it('hides to the tray only when wanted, with a tray, and not while quitting', () => {
    expect(closeAction({ closeToTray: true, trayShown: true, quitting: false })).toBe('hide');
    expect(closeAction({ closeToTray: false, trayShown: true, quitting: false })).toBe('close');
    expect(closeAction({ closeToTray: true, trayShown: false, quitting: false })).toBe('close');
    expect(closeAction({ closeToTray: true, trayShown: true, quitting: true })).toBe('close');
  });
});
