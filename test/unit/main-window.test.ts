import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];

class FakeWindow {
  readonly handlers = new Map<string, () => void>();
  readonly loadURL = vi.fn(async () => undefined);
  readonly maximize = vi.fn();
  constructor(readonly options: BrowserWindowConstructorOptions) {
    created.push(this);
  }
  once(name: string, h: () => void) {
    this.handlers.set(name, h);
  }
  on(name: string, h: () => void) {
    this.handlers.set(name, h);
  }
  show = vi.fn();
  getNormalBounds = () => ({ x: 30, y: 40, width: 1000, height: 700 });
  isMaximized = () => false;
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
    getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
  },
}));

const { createMainWindow } = await import('../../electron/shell/main-window');

describe('the main window', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shell-main-window-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is sandboxed, isolated, without Node or webviews, with spellcheck and our preload', () => {
    createMainWindow({ preloadPath: '/app/dist/preload.cjs', stateFile: path.join(dir, 'none.json'), title: 'Mail' });
    const prefs = created.at(-1)!.options.webPreferences!;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/app/dist/preload.cjs',
    });
    expect(prefs.webSecurity).not.toBe(false);
    expect(created.at(-1)!.loadURL).toHaveBeenCalledWith('app://mail/index.html');
  });

  it('has no developer tools unless asked for (main.ts asks only when not packaged)', () => {
    createMainWindow({ preloadPath: 'p', stateFile: path.join(dir, 'none.json'), title: 'Mail' });
    expect(created.at(-1)!.options.webPreferences!.devTools).toBe(false);
    createMainWindow({ preloadPath: 'p', stateFile: path.join(dir, 'none.json'), title: 'Mail', devTools: true });
    expect(created.at(-1)!.options.webPreferences!.devTools).toBe(true);
  });

  it('opens where it was closed and remembers where it is closed', () => {
    const stateFile = path.join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify({ x: 100, y: 50, width: 1100, height: 750, maximized: false }));
    createMainWindow({ preloadPath: 'p', stateFile, title: 'Mail' });
    const window = created.at(-1)!;
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1100, height: 750, show: false });
    window.handlers.get('ready-to-show')!();
    expect(window.show).toHaveBeenCalled();
    window.handlers.get('close')!();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({
      x: 30,
      y: 40,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});
