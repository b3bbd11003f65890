// The desktop methods of the contract (shared/contract-desktop.ts) as the engine answers them,
// which is how the browser shell has them (eml.parse, reading an .eml file, is the engine's in both): the OS hands a browser tab nothing to open (a mailto:
// link reaches it as the page's ?mailto= parameter instead), there is no dock or tray to show a
// count on, and no desktop settings. The Electron shell answers these methods itself
// (electron/shell/desktop-methods.ts) before they reach the engine.
import type { DesktopMethodName } from '../../shared/contract-desktop';
import { parseEmlFile } from './eml-file';
import type { MethodHandlers } from './method-handlers';

export function createBrowserDesktopHandlers(): MethodHandlers<DesktopMethodName> {
  return {
    // reading a file's bytes is the same in every shell: the engine does it for both
    'eml.parse': ({ fileName, dataBase64 }) => parseEmlFile(fileName, Buffer.from(dataBase64, 'base64')),
    'desktop.takeRequests': async () => [],
    'desktop.info': async () => null,
    'desktop.setSettings': async () => null,
    'desktop.makeDefaultMailApp': async () => ({ defaultMailApp: false }),
    // the browser shows the count in the tab's title, which the page sets itself
    'desktop.setUnreadCount': async () => ({ ok: true as const }),
    'desktop.showWindow': async () => ({ ok: true as const }),
  };
}
