// Wires the pure guards (guards.ts) into Electron: what a window may navigate to, open, attach
// or ask for, and which requests its session may make. Applied to every web contents, so a
// window added later cannot forget a rule.
import type { Session, WebContents } from 'electron';
import { externalUrlToOpen, isAllowedRendererRequest, isAppUrl, isSpellcheckDictionaryDownload } from './guards';

type OpenExternal = (url: string) => Promise<void>;

/** A frame inside the UI may only show our pages or the message body's srcdoc. */
function isAllowedFrameUrl(url: string): boolean {
  return isAppUrl(url) || url === 'about:srcdoc' || url === 'about:blank';
}

export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  // <webview> would embed a page with its own preferences: never wanted here
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // a link or script in the UI must not replace it with another page
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    const allowed = event.isMainFrame ? isAppUrl(event.url) : isAllowedFrameUrl(event.url);
    if (!allowed) event.preventDefault();
  });

  // window.open and target=_blank links (e.g. in a message body): never a new Electron window;
  // a web or mailto link goes to the user's browser or mail handler after the allow-list
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) void openExternal(external).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** The one permission the UI has: notifications, asked for by its own top frame. */
export function mayUsePermission(permission: string, requestingUrl: string, isMainFrame: boolean): boolean {
  return permission === 'notifications' && isMainFrame && isAppUrl(requestingUrl);
}

export function hardenSession(session: Session): void {
  // camera, geolocation, clipboard reading, ...: the UI asks for none. Notifications of new mail
  // only for the UI's own top frame: a message body (an opaque-origin frame) never gets them.
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayUsePermission(permission, details.requestingUrl, details.isMainFrame)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    mayUsePermission(permission, details.requestingUrl ?? requestingOrigin, details.isMainFrame ?? false),
  );
  // the renderer never talks to the network: everything it needs comes over IPC
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isAllowedRendererRequest(details.url) || isSpellcheckDictionaryDownload(details.url, details.webContentsId);
    callback({ cancel: !allowed });
  });
}
