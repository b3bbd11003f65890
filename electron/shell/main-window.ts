// The one application window: locked-down web preferences (docs/security.md, "The window"), the
// remembered size and position, and no white flash before the UI paints.
import { BrowserWindow, screen } from 'electron';
import { APP_START_URL } from './guards';
import { loadWindowState, saveWindowState, windowStateOf, MIN_HEIGHT, MIN_WIDTH, type Rect } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  stateFile: string;
  title: string;
  /**
   * Chromium's developer tools. Off unless asked for (main.ts asks only in an unpackaged run):
   * in a shipped app they would let anyone at the keyboard run script with the bridge to the core.
   */
  devTools?: boolean;
  /** Started at login (--hidden): the window is made but stays hidden, Mail waits in the tray. */
  hidden?: boolean;
}

/** The displays' work areas, the primary one first (clampWindowState's convention). */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary, ...others].map((d) => d.workArea);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(options.stateFile, workAreas());
  const window = new BrowserWindow({
    title: options.title,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      devTools: options.devTools ?? false,
      preload: options.preloadPath,
    },
  });
  if (state.maximized) window.maximize();
  if (!options.hidden) window.once('ready-to-show', () => window.show());

  // saved on close only: moves and resizes are many, and a crash losing them costs little
  window.on('close', () => {
    try {
      saveWindowState(options.stateFile, windowStateOf(window.getNormalBounds(), window.isMaximized()));
    } catch {
      // a read-only profile must not stop the window from closing
    }
  });

  void window.loadURL(APP_START_URL);
  return window;
}
