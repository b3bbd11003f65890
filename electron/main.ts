// Electron lifecycle: one instance, one window showing the UI from app://, the mail core
// behind IPC, and the security rules of docs/security.md applied before any page loads. The pieces
// live in electron/shell/; this file only puts them in order.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import path from 'node:path';
import { autoUpdater } from 'electron-updater';
import type { DesktopSettings } from '../shared/contract-desktop';
import { isMailtoUrl } from '../shared/mailto';
import { clearOpenedAttachments } from './core/opened-attachments';
import type { SecretCipher } from './core/accounts/secret-cipher';
import { desktopOAuthEnv } from './shell/oauth-config';
import type { MailService } from './core/service-api';
import { openEngine, type OpeningEngine } from './shell/engine-client';
import { engineFlags } from './shell/engine-flags';
import { utilityEngineChannel } from './shell/engine-utility-process';
import { handleAppProtocol, registerAppScheme } from './shell/app-protocol';
import { closeService } from './shell/close-service';
import { createDesktopHandlers, withShellHandlers } from './shell/desktop-methods';
import { DESKTOP_SETTINGS_FILE_NAME, loadDesktopSettings } from './shell/desktop-settings';
import { EVENT_CHANNEL } from './shell/ipc-channels';
import { readLaunchArgs } from './shell/launch-args';
import { LaunchQueue } from './shell/launch-queue';
import { readEmlRequest } from './shell/eml-request';
import { trayIconPng, unreadDotPng } from './shell/icon-images';
import { HIDDEN_ARG, setStartAtLogin } from './shell/login-item';
import { shellStrings, type ShellStrings } from './shell/shell-strings';
import { createTray, type MailTray } from './shell/tray';
import { closeAction, hasTray } from './shell/tray-menu';
import { showUnreadCount } from './shell/unread-badge';
import { checkForUpdates, readUpdateFeedUrl, shouldCheckForUpdates } from './shell/update-check';
import { wireIpc, type IpcWiring } from './shell/ipc';
import { createStderrLog } from './shell/log';
import { createMainWindow } from './shell/main-window';
import { editContextMenuTemplate } from './shell/edit-context-menu';
import { buildMenuTemplate } from './shell/menu';
import { withDesktopMethods } from './shell/open-attachment';
import { openKeyFileCipher } from './shell/key-file';
import { APP_NAME, WINDOW_STATE_FILE_NAME } from './shell/profile-dir';
import { SafeStorageCipher } from './shell/safe-storage-cipher';
import { hardenSession, hardenWebContents } from './shell/window-security';

const log = createStderrLog(!app.isPackaged && Boolean(process.env.MAIL_DEBUG));

// the profile folder is <appData>/Mail on every platform, whatever package.json is called;
// the browser shell computes the same path (shell/profile-dir.ts)
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;
let service: MailService | null = null;
let ipc: IpcWiring | null = null;
let shutdown: 'running' | 'closing' | 'closed' = 'running';
// set by before-quit: closing the window then really closes it instead of hiding it in the tray
let quitting = false;
let tray: MailTray | null = null;
let desktopSettings: DesktopSettings | null = null;
// mailto: links (and the tray's Compose) wait here for the window to take them
const launches = new LaunchQueue();

/** Queues what a command line asks to open: this start's, or a second start's (Windows, Linux). */
function takeLaunchArgs(argv: readonly string[], cwd: string): void {
  const args = readLaunchArgs(argv, cwd, process.platform);
  for (const url of args.mailto) launches.push({ kind: 'mailto', url });
  for (const file of args.eml) void openEmlFile(file);
}

/** File › Open .eml File…: the system's file dialog, then the file's reading window. */
async function pickEmlFile(strings: ShellStrings): Promise<void> {
  const options = { properties: ['openFile' as const], filters: [{ name: strings.emlFiles, extensions: ['eml'] }] };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const file = picked.filePaths[0];
  if (!picked.canceled && file) await openEmlFile(file);
}

/** An .eml file for its reading window (double-clicked, dropped on the dock, given on the command line). */
async function openEmlFile(file: string): Promise<void> {
  const request = await readEmlRequest(file, log);
  if (request) launches.push(request);
}

/** Mail as the handler of mailto: links; an unpackaged run registers electron with the app's folder. */
function makeDefaultMailApp(): boolean {
  if (app.isPackaged || process.argv.length < 2) return app.setAsDefaultProtocolClient('mailto');
  return app.setAsDefaultProtocolClient('mailto', process.execPath, [path.resolve(process.argv[1]!)]);
}

/**
 * The mail engine in a utility process of its own (docs/architecture.md, "Processes"): main only
 * relays the window's calls to it. What it needs of the shell crosses explicitly: its options as
 * data, the cipher's seal and unseal as requests back here, where safeStorage answers. Returned
 * while the engine still opens: its calls wait in the engine for the open, so the window loads
 * meanwhile; `started` rejects with the engine's reason if it cannot open.
 */
async function startEngine(profileDir: string): Promise<OpeningEngine> {
  const child = utilityProcess.fork(path.join(app.getAppPath(), 'dist', 'engine-utility.cjs'), [], {
    serviceName: `${APP_NAME} engine`,
    execArgv: engineFlags(process.env),
    stdio: 'inherit',
  });
  const channel = utilityEngineChannel(child);
  // an engine that ends on its own is reported; the window's calls then fail instead of waiting
  channel.onExit((reason) => {
    if (shutdown !== 'running') return;
    dialog.showErrorBox(`${APP_NAME}: the mail engine stopped`, `${reason}. Restart ${APP_NAME} to reconnect.`);
  });
  let cipher: SecretCipher;
  try {
    cipher = await openCipher(profileDir);
  } catch (error) {
    channel.kill();
    throw error;
  }
  return openEngine({
    channel,
    options: {
      dataDir: profileDir,
      // the OAuth2 client ids this build was made with (shell/oauth-config.ts)
      oauthEnv: desktopOAuthEnv(process.env),
    },
    cipher,
    log,
    debug: !app.isPackaged && Boolean(process.env.MAIL_DEBUG),
  });
}

/** The OS keychain when it works; otherwise a key file, so passwords can still be saved. */
async function openCipher(profileDir: string): Promise<SecretCipher> {
  const keychain = new SafeStorageCipher(safeStorage);
  if (await keychain.isAvailable()) return keychain;
  // shown to the user as weak (app.notices, the wizard): a key file is no keychain
  log('warn', 'The OS keychain is not available: passwords are sealed with a key file beside the profile.');
  return openKeyFileCipher(profileDir, 'weak', log);
}

function showMainWindow(hidden = false): void {
  const profileDir = app.getPath('userData');
  const window = createMainWindow({
    title: APP_NAME,
    preloadPath: path.join(app.getAppPath(), 'dist', 'preload.cjs'),
    stateFile: path.join(profileDir, WINDOW_STATE_FILE_NAME),
    devTools: !app.isPackaged,
    hidden,
  });
  mainWindow = window;
  // closing to the tray hides the window: its page keeps running, so notifications still come
  window.on('close', (event) => {
    const action = closeAction({
      closeToTray: desktopSettings?.closeToTray ?? false,
      trayShown: tray !== null,
      quitting,
    });
    if (action === 'hide') {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('closed', () => (mainWindow = null));
}

/** The unread count on the dock, launcher, taskbar and tray (shell/unread-badge.ts decides which). */
function showUnread(count: number, strings: ShellStrings): void {
  showUnreadCount(
    {
      platform: process.platform,
      setBadgeCount: (n) => app.setBadgeCount(n),
      setOverlay: (dot, description) =>
        mainWindow?.setOverlayIcon(dot ? nativeImage.createFromBuffer(unreadDotPng()) : null, description),
      setTray: tray ? (n, tooltip) => tray?.setUnread(n, tooltip) : undefined,
    },
    count,
    strings.unread,
    APP_NAME,
  );
}

async function start(): Promise<void> {
  const profileDir = app.getPath('userData');
  hardenSession(session.defaultSession);
  handleAppProtocol(protocol, path.join(app.getAppPath(), 'dist', 'renderer'));
  const strings = shellStrings(app.getPreferredSystemLanguages());
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, {
        appName: APP_NAME,
        dev: !app.isPackaged,
        file: {
          newMessage: strings.newMessage,
          openEml: strings.openEml,
          onNewMessage: () => launches.push({ kind: 'compose' }),
          onOpenEml: () => void pickEmlFile(strings),
        },
      }),
    ),
  );

  // copies opened with other apps last until the next start (opening waits for this)
  const cleared = clearOpenedAttachments(profileDir).catch((error: unknown) =>
    log('warn', `Old copies of opened attachments could not be removed: ${String(error)}`),
  );
  const { service: opened, started } = await startEngine(profileDir);
  // the window loads while the engine opens; one that cannot open ends the app with its reason
  started.catch(fail);
  service = opened;
  const settings = loadDesktopSettings(path.join(profileDir, DESKTOP_SETTINGS_FILE_NAME), process.platform);
  desktopSettings = settings;
  if (hasTray(process.platform)) {
    tray = createTray(
      strings,
      {
        open: focusMainWindow,
        compose: () => launches.push({ kind: 'compose' }),
        checkMail: () => void opened.call('sync.now', {}).catch(() => undefined),
        quit: () => app.quit(),
      },
      APP_NAME,
    );
  }
  const desktop = createDesktopHandlers({
    platform: process.platform,
    queue: launches,
    hasTray: tray !== null,
    settings,
    settingsFile: path.join(profileDir, DESKTOP_SETTINGS_FILE_NAME),
    isDefaultMailApp: () => app.isDefaultProtocolClient('mailto'),
    makeDefaultMailApp,
    setStartAtLogin: (start) =>
      setStartAtLogin(
        {
          platform: process.platform,
          setLoginItemSettings: (login) => app.setLoginItemSettings(login),
          configDir: process.env.XDG_CONFIG_HOME || path.join(app.getPath('home'), '.config'),
          // an AppImage runs from a temporary mount: autostart must start the AppImage file itself
          command: process.env.APPIMAGE || process.execPath,
        },
        start,
      ),
    showUnreadCount: (count) => showUnread(count, strings),
    showWindow: focusMainWindow,
  });
  const served = withShellHandlers(
    withDesktopMethods(opened, {
      profileDir,
      cleared,
      openPath: (file) => shell.openPath(file),
      askWhere: (defaultName) => askWhereToSave(defaultName),
      // the reader's drag handle: the system's own drag of the message's .eml file
      startDrag: (file) => {
        if (mainWindow && !mainWindow.isDestroyed())
          mainWindow.webContents.startDrag({ file, icon: nativeImage.createFromBuffer(trayIconPng(32, false)) });
      },
    }),
    desktop,
  );
  ipc = wireIpc(ipcMain, served, {
    isOurWindow: (contents) => mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.webContents === contents,
    all: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
  });
  // started at login: wait in the tray (or the dock) without putting a window in the way
  showMainWindow(process.argv.includes(HIDDEN_ARG) && (tray !== null || process.platform === 'darwin'));
  launches.onPush(() => {
    // a window that exists takes the request now; a new one takes it as it starts
    if (!mainWindow) showMainWindow();
    else mainWindow.webContents.send(EVENT_CHANNEL, 'desktop.requested', {});
    focusMainWindow();
  });
  // opt-in (Settings › General › Desktop): electron-updater downloads a newer release from the
  // generic feed and offers it with a notification; a failed look is only logged
  const updates = {
    shell: 'electron' as const,
    checkForUpdates: settings.checkForUpdates,
    packaged: app.isPackaged,
    feedUrl: readUpdateFeedUrl(process.resourcesPath),
  };
  if (shouldCheckForUpdates(updates)) void checkForUpdates(autoUpdater, log);
}

/** The save dialog of "Save as .eml", over the main window when there is one. */
async function askWhereToSave(defaultName: string): Promise<string | undefined> {
  const options = { defaultPath: defaultName, filters: [{ name: 'Email message', extensions: ['eml'] }] };
  const result =
    mainWindow && !mainWindow.isDestroyed()
      ? await dialog.showSaveDialog(mainWindow, options)
      : await dialog.showSaveDialog(options);
  return result.canceled ? undefined : result.filePath;
}

function focusMainWindow(): void {
  if (!mainWindow) {
    if (service) showMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // another instance owns the profile (and its SQLite database): it gets focused instead
  app.quit();
} else {
  takeLaunchArgs(process.argv, process.cwd());
  // Windows and Linux start the app again for a mailto: link: that start hands us its arguments
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    takeLaunchArgs(argv, workingDirectory);
  });
  // macOS hands links over as an event, which can come before 'ready': registered this early
  app.on('will-finish-launching', () => {
    app.on('open-url', (event, url) => {
      event.preventDefault();
      if (isMailtoUrl(url)) launches.push({ kind: 'mailto', url });
    });
    // and files (the .eml association, a file dropped on the dock icon) the same way
    app.on('open-file', (event, file) => {
      event.preventDefault();
      if (/\.eml$/i.test(file)) void openEmlFile(file);
    });
  });

  // every web contents, including any created later, gets the navigation and webview rules
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => shell.openExternal(url));
    // text fields: spelling suggestions and the edit roles (shell/edit-context-menu.ts)
    contents.on('context-menu', (_menuEvent, params) => {
      const template = editContextMenuTemplate(params, (word) => contents.replaceMisspelling(word));
      if (template) Menu.buildFromTemplate(template).popup();
    });
  });

  app.on('window-all-closed', () => {
    // macOS apps stay in the dock without windows
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && service && !mainWindow) showMainWindow();
  });

  app.on('before-quit', () => (quitting = true));

  // close the core before exiting: it finishes its SQLite transactions and logs out
  app.on('will-quit', (event) => {
    if (shutdown === 'closed' || !service) return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    ipc?.dispose();
    tray?.destroy();
    tray = null;
    closeService(service)
      .catch((error: unknown) => log('error', `The mail engine did not close cleanly: ${String(error)}`))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });

  app.whenReady().then(start).catch(fail);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log('error', `start-up failed: ${message}`);
  dialog.showErrorBox(`${APP_NAME} could not start`, message);
  app.exit(1);
}
