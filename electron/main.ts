// Electron lifecycle: one instance, one window showing the UI from app://, the mail core
// behind IPC, and the security rules of docs/security.md applied before any page loads. The pieces
// live in electron/shell/; this file only puts them in order.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { clearOpenedAttachments } from './core/opened-attachments';
import type { SecretCipher } from './core/accounts/secret-cipher';
import { createMailService } from './core/service';
import type { MailService } from './core/service-api';
import { handleAppProtocol, registerAppScheme } from './shell/app-protocol';
import { closeService } from './shell/close-service';
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

/** The OS keychain when it works; otherwise a key file, so passwords can still be saved. */
async function openCipher(profileDir: string): Promise<SecretCipher> {
  const keychain = new SafeStorageCipher(safeStorage);
  if (await keychain.isAvailable()) return keychain;
  // shown to the user as weak (app.notices, the wizard): a key file is no keychain
  log('warn', 'The OS keychain is not available: passwords are sealed with a key file beside the profile.');
  return openKeyFileCipher(profileDir, 'weak', log);
}

function showMainWindow(): void {
  const profileDir = app.getPath('userData');
  mainWindow = createMainWindow({
    title: APP_NAME,
    preloadPath: path.join(app.getAppPath(), 'dist', 'preload.cjs'),
    stateFile: path.join(profileDir, WINDOW_STATE_FILE_NAME),
    devTools: !app.isPackaged,
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

async function start(): Promise<void> {
  const profileDir = app.getPath('userData');
  hardenSession(session.defaultSession);
  handleAppProtocol(protocol, path.join(app.getAppPath(), 'dist', 'renderer'));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate(process.platform, { appName: APP_NAME, dev: !app.isPackaged })),
  );

  // copies opened with other apps last until the next start (opening waits for this)
  const cleared = clearOpenedAttachments(profileDir).catch((error: unknown) =>
    log('warn', `Old copies of opened attachments could not be removed: ${String(error)}`),
  );
  const opened = await createMailService({ dataDir: profileDir, cipher: await openCipher(profileDir), log });
  service = opened;
  const served = withDesktopMethods(opened, { profileDir, cleared, openPath: (file) => shell.openPath(file) });
  ipc = wireIpc(ipcMain, served, {
    isOurWindow: (contents) => mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.webContents === contents,
    all: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
  });
  showMainWindow();
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  // another instance owns the profile (and its SQLite database): it gets focused instead
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

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

  // close the core before exiting: it finishes its SQLite transactions and logs out
  app.on('will-quit', (event) => {
    if (shutdown === 'closed' || !service) return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    ipc?.dispose();
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
