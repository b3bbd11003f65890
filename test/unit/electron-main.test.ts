// electron/main.ts with Electron and the core replaced by fakes: the order of the lifecycle
// steps and the wiring, which the real binary cannot show here (it is not installable). The
// utility process is faked by running the real engine host (shell/engine-host.ts) in this
// process over structured clones, so the messages main exchanges with its engine are real.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';

const profileRoot = mkdtempSync(path.join(tmpdir(), 'shell-main-'));
afterAll(() => rmSync(profileRoot, { recursive: true, force: true }));

const h = vi.hoisted(() => ({ state: {} as Record<string, unknown> }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { runEngineHost } = await import('../../electron/shell/engine-host');
  const core = await import('../../electron/core/service');
  /** A utility process whose engine host runs here; kill() ends it as a crash would. */
  const fork = vi.fn((modulePath: string, _args: string[], options: unknown) => {
    const child = Object.assign(new EventEmitter(), {
      modulePath,
      options,
      postMessage: (message: unknown) => queueMicrotask(() => toHost?.(structuredClone(message) as never)),
      kill: vi.fn(() => child.emit('exit', 9)),
    });
    let toHost: ((message: never) => void) | null = null;
    runEngineHost(
      {
        post: (message) => queueMicrotask(() => child.emit('message', structuredClone(message))),
        onMessage: (listener) => (toHost = listener as never),
      },
      core.createMailService as never,
      () => queueMicrotask(() => child.emit('exit', 0)),
    );
    h.state.engine = child;
    return child;
  });
  const paths = new Map<string, string>();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setName: vi.fn(),
    setPath: vi.fn((name: string, value: string) => paths.set(name, value)),
    getPath: vi.fn((name: string) => paths.get(name) ?? (h.state.appData as string)),
    getAppPath: () => '/opt/mail',
    requestSingleInstanceLock: vi.fn(() => h.state.lock as boolean),
    whenReady: vi.fn(() => h.state.ready as Promise<void>),
    isReady: () => true,
    getPreferredSystemLanguages: () => ['en-US'],
    setBadgeCount: vi.fn(() => true),
    isDefaultProtocolClient: vi.fn(() => false),
    quit: vi.fn(() => app.emit('will-quit', { preventDefault: vi.fn() })),
    exit: vi.fn(),
  });
  const windows: unknown[] = [];
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => windows;
    readonly webContents = { send: vi.fn(), isDestroyed: () => false };
    constructor(readonly options: unknown) {
      super();
      windows.push(this);
      h.state.window = this;
    }
    loadURL = vi.fn(async () => undefined);
    maximize = vi.fn();
    isMinimized = () => true;
    isDestroyed = () => false;
    restore = vi.fn();
    show = vi.fn();
    hide = vi.fn();
    focus = vi.fn();
    getNormalBounds = () => ({ x: 0, y: 0, width: 800, height: 600 });
    isMaximized = () => false;
  }
  class Tray {
    menu: unknown;
    constructor(readonly image: unknown) {
      h.state.tray = this;
    }
    setToolTip = vi.fn();
    setContextMenu = vi.fn((menu: unknown) => (this.menu = menu));
    setImage = vi.fn();
    on = vi.fn();
    destroy = vi.fn();
  }
  return {
    app,
    BrowserWindow,
    Tray,
    nativeImage: { createFromBuffer: vi.fn(() => ({})) },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => h.state.keychain !== false,
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
    screen: {
      getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
      getAllDisplays: () => [],
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    utilityProcess: { fork },
  };
});

const service = {
  call: vi.fn(),
  onEvent: vi.fn(() => () => undefined),
  settled: vi.fn(async () => undefined),
  close: vi.fn(async () => undefined),
};
const createMailService = vi.fn(async (_options: unknown) => service);
vi.mock('../../electron/core/service', () => ({ createMailService }));

async function loadMain(options: { lock: boolean; keychain?: boolean }) {
  let ready!: () => void;
  h.state = {
    lock: options.lock,
    keychain: options.keychain ?? true,
    appData: profileRoot,
    ready: new Promise<void>((resolve) => (ready = resolve)),
  };
  vi.resetModules();
  const electron = await import('electron');
  // the mocked module outlives resetModules: drop the previous run's listeners
  (electron.app as unknown as EventEmitter).removeAllListeners();
  await import('../../electron/main');
  return { electron: electron as unknown as Record<string, Record<string, unknown>>, ready };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

beforeEach(() => vi.clearAllMocks());

describe('electron/main.ts', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { electron } = await loadMain({ lock: false });
    expect(electron.app!.quit).toHaveBeenCalled();
    expect(createMailService).not.toHaveBeenCalled();
  });

  it('names the app, puts the profile at <appData>/Mail and registers app:// before ready', async () => {
    const { electron } = await loadMain({ lock: true });
    expect(electron.app!.setName).toHaveBeenCalledWith('Mail');
    expect(electron.app!.setPath).toHaveBeenCalledWith('userData', path.join(profileRoot, 'Mail'));
    expect(electron.protocol!.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(electron.protocol!.handle).not.toHaveBeenCalled();
  });

  it('on ready: locks the session, serves app://, opens the core, wires IPC and shows the window', async () => {
    const { electron, ready } = await loadMain({ lock: true });
    ready();
    await settle();
    const session = (electron.session!.defaultSession as Record<string, unknown>) ?? {};
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.setPermissionCheckHandler).toHaveBeenCalled();
    expect((session.webRequest as Record<string, unknown>).onBeforeRequest).toHaveBeenCalled();
    expect(electron.protocol!.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(createMailService).toHaveBeenCalledWith(
      expect.objectContaining({
        dataDir: path.join(profileRoot, 'Mail'),
        cipher: expect.objectContaining({ strength: 'os-keychain' }),
      }),
    );
    expect(electron.ipcMain!.handle).toHaveBeenCalledWith('mail:invoke', expect.any(Function));
    expect(electron.Menu!.setApplicationMenu).toHaveBeenCalled();
    const window = h.state.window as { options: { webPreferences: Record<string, unknown> }; loadURL: unknown };
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: path.join('/opt/mail', 'dist', 'preload.cjs'),
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://mail/index.html');
  });

  it('runs the engine in a utility process of its own, and asks the keychain here for its secrets', async () => {
    const { electron, ready } = await loadMain({ lock: true });
    ready();
    await settle();
    const engine = h.state.engine as { modulePath: string; options: { serviceName: string } };
    expect((electron.utilityProcess!.fork as Mock).mock.calls).toHaveLength(1);
    expect(engine.modulePath).toBe(path.join('/opt/mail', 'dist', 'engine-utility.cjs'));
    expect(engine.options.serviceName).toBe('Mail engine');
    // the engine got the cipher's name and strength, not the cipher: sealing is asked of main
    const { cipher } = createMailService.mock.calls[0]![0] as { cipher: object };
    expect(cipher.constructor.name).toBe('RemoteCipher');
  });

  it('reports an engine that stops on its own: an error box, and the window’s calls fail instead of waiting', async () => {
    const { electron, ready } = await loadMain({ lock: true });
    ready();
    await settle();
    const engine = h.state.engine as { kill(): void };
    engine.kill();
    expect(electron.dialog!.showErrorBox).toHaveBeenCalledWith(
      'Mail: the mail engine stopped',
      'exit code 9. Restart Mail to reconnect.',
    );
    const window = h.state.window as { webContents: unknown };
    const invoke = (electron.ipcMain!.handle as Mock).mock.calls[0]![1] as (...args: unknown[]) => Promise<unknown>;
    const fromUi = { sender: window.webContents, senderFrame: { parent: null, url: 'app://mail/index.html' } };
    expect(await invoke(fromUi, 'accounts.list', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The mail engine stopped (exit code 9). Restart Mail to reconnect.' },
    });
  });

  it('without an OS keychain falls back to a key file beside the profile, reported as weak', async () => {
    const { ready } = await loadMain({ lock: true, keychain: false });
    ready();
    await settle();
    const { cipher } = createMailService.mock.calls[0]![0] as { cipher: { id: string; strength: string } };
    expect(cipher).toMatchObject({ id: 'key-file', strength: 'weak' });
    // the key is not in the profile folder that holds the database
    expect(existsSync(path.join(profileRoot, 'Mail.keys', 'secrets.key'))).toBe(true);
    expect(existsSync(path.join(profileRoot, 'Mail', 'secrets.key'))).toBe(false);
  });

  it('hardens every web contents created later', async () => {
    const { electron } = await loadMain({ lock: true });
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    (electron.app as unknown as EventEmitter).emit('web-contents-created', {}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts, and takes the mailto: link it was given', async () => {
    const { electron, ready } = await loadMain({ lock: true });
    ready();
    await settle();
    const window = h.state.window as { restore: unknown; focus: unknown; webContents: { send: Mock } };
    (electron.app as unknown as EventEmitter).emit(
      'second-instance',
      {},
      ['/opt/Mail/mail', '--no-sandbox'],
      '/home/a',
    );
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).not.toHaveBeenCalled();

    (electron.app as unknown as EventEmitter).emit(
      'second-instance',
      {},
      ['/opt/Mail/mail', 'mailto:a@x.se'],
      '/home/a',
    );
    expect(window.webContents.send).toHaveBeenCalledWith('mail:event', 'desktop.requested', {});
    const invoke = (electron.ipcMain!.handle as Mock).mock.calls[0]![1] as (...args: unknown[]) => Promise<unknown>;
    const fromUi = { sender: window.webContents, senderFrame: { parent: null, url: 'app://mail/index.html' } };
    expect(await invoke(fromUi, 'desktop.takeRequests', {})).toEqual({
      ok: true,
      result: [{ kind: 'mailto', url: 'mailto:a@x.se' }],
    });
  });

  it('takes a mailto: link macOS hands over with open-url, and one on its own command line', async () => {
    const argv = process.argv;
    process.argv = ['/Applications/Mail.app/Contents/MacOS/Mail', 'mailto:first@x.se'];
    try {
      const { electron, ready } = await loadMain({ lock: true });
      const app = electron.app as unknown as EventEmitter;
      app.emit('will-finish-launching');
      const event = { preventDefault: vi.fn() };
      app.emit('open-url', event, 'mailto:b@y.se?subject=Hi');
      app.emit('open-url', { preventDefault: vi.fn() }, 'https://not-mail.example');
      expect(event.preventDefault).toHaveBeenCalled();
      ready();
      await settle();
      const window = h.state.window as { webContents: unknown };
      const invoke = (electron.ipcMain!.handle as Mock).mock.calls[0]![1] as (...args: unknown[]) => Promise<unknown>;
      const fromUi = { sender: window.webContents, senderFrame: { parent: null, url: 'app://mail/index.html' } };
      expect(await invoke(fromUi, 'desktop.takeRequests', {})).toEqual({
        ok: true,
        result: [
          { kind: 'mailto', url: 'mailto:first@x.se' },
          { kind: 'mailto', url: 'mailto:b@y.se?subject=Hi' },
        ],
      });
    } finally {
      process.argv = argv;
    }
  });

  it('keeps running in the tray when the window is closed (Linux), and the tray quits for real', async () => {
    const { electron, ready } = await loadMain({ lock: true });
    ready();
    await settle();
    const window = h.state.window as EventEmitter & { hide: Mock };
    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalled();

    const tray = h.state.tray as { menu: { label?: string; click?: () => void }[] };
    expect(tray.menu.map((item) => item.label).filter(Boolean)).toEqual([
      'No unread mail',
      'Open Mail',
      'New Message',
      'Check Mail',
      'Quit Mail',
    ]);
    service.call.mockResolvedValueOnce({ ok: true });
    tray.menu.find((item) => item.label === 'Check Mail')!.click!();
    await settle();
    expect(service.call).toHaveBeenCalledWith('sync.now', {});
    tray.menu.find((item) => item.label === 'Quit Mail')!.click!();
    (electron.app as unknown as EventEmitter).emit('before-quit');
    const closeWhileQuitting = { preventDefault: vi.fn() };
    window.emit('close', closeWhileQuitting);
    expect(closeWhileQuitting.preventDefault).not.toHaveBeenCalled();
    await settle();
    expect(service.close).toHaveBeenCalledTimes(1);
  });

  it('shows the unread count from the window on the launcher and in the tray', async () => {
    const { electron, ready } = await loadMain({ lock: true });
    ready();
    await settle();
    const window = h.state.window as { webContents: unknown };
    const invoke = (electron.ipcMain!.handle as Mock).mock.calls[0]![1] as (...args: unknown[]) => Promise<unknown>;
    const fromUi = { sender: window.webContents, senderFrame: { parent: null, url: 'app://mail/index.html' } };
    expect(await invoke(fromUi, 'desktop.setUnreadCount', { count: 3 })).toEqual({ ok: true, result: { ok: true } });
    expect(electron.app!.setBadgeCount).toHaveBeenCalledWith(3);
    const tray = h.state.tray as { menu: { label?: string }[]; setToolTip: Mock };
    expect(tray.menu[0]!.label).toBe('3 unread messages');
    expect(tray.setToolTip).toHaveBeenLastCalledWith('Mail (3) · 3 unread messages');
  });

  it('closes the core before quitting', async () => {
    const { electron, ready } = await loadMain({ lock: true });
    ready();
    await settle();
    const event = { preventDefault: vi.fn() };
    (electron.app as unknown as EventEmitter).emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await settle();
    expect(service.close).toHaveBeenCalledTimes(1);
    expect(electron.ipcMain!.removeHandler).toHaveBeenCalledWith('mail:invoke');
    // the second will-quit (from app.quit after closing) goes through
    expect(electron.app!.quit).toHaveBeenCalled();
  });
});
