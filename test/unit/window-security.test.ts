import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents } from '../../electron/shell/window-security';

vi.mock('electron', () => ({}));

type Handler = (details: { url: string }) => { action: 'deny' | 'allow' };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: Handler | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: Handler) => (openHandler = h),
  });
  const fire = (name: string, fields: Record<string, unknown>) => {
    const event = { ...fields, preventDefault: vi.fn() };
    emitter.emit(name, event);
    return event.preventDefault;
  };
  return { contents: contents as unknown as WebContents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('hardenWebContents', () => {
  it('denies navigation away from app://mail, in the window and in frames', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, vi.fn());
    expect(fire('will-navigate', { url: 'https://evil.example/' })).toHaveBeenCalled();
    expect(fire('will-navigate', { url: 'file:///etc/passwd' })).toHaveBeenCalled();
    expect(fire('will-navigate', { url: 'app://mail/index.html' })).not.toHaveBeenCalled();
    expect(fire('will-redirect', { url: 'https://evil.example/' })).toHaveBeenCalled();
    expect(fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toHaveBeenCalled();
    expect(fire('will-frame-navigate', { url: 'about:srcdoc', isMainFrame: false })).not.toHaveBeenCalled();
    expect(fire('will-frame-navigate', { url: 'about:srcdoc', isMainFrame: true })).toHaveBeenCalled();
  });

  it('never attaches a <webview>', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, vi.fn());
    expect(fire('will-attach-webview', {})).toHaveBeenCalled();
  });

  it('denies every new window and hands only allowed links to the OS', async () => {
    const openExternal = vi.fn(async () => undefined);
    const { contents, open } = fakeContents();
    hardenWebContents(contents, openExternal);
    expect(open('https://example.com/a')).toEqual({ action: 'deny' });
    expect(open('mailto:bob@example.com')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('https://bank.example@evil.example/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/a'], ['mailto:bob@example.com']]);
  });

  it('survives the OS failing to open a link', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(
      contents,
      vi.fn(async () => Promise.reject(new Error('no handler'))),
    );
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      webRequest: { onBeforeRequest: (h: never) => (handlers.beforeRequest = h) },
    };
    return { session: session as unknown as Session, handlers };
  }

  const ui = { requestingUrl: 'app://mail/index.html', isMainFrame: true };

  it('denies every permission request and check but notifications', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      (handlers.request as (...a: unknown[]) => void)({}, permission, callback, ui);
      expect(callback).toHaveBeenCalledWith(false);
      expect((handlers.check as (...a: unknown[]) => boolean)({}, permission, 'app://mail', ui)).toBe(false);
    }
  });

  it('allows notifications to the UI top frame only, never to a message body or another page', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const request = (details: { requestingUrl: string; isMainFrame: boolean }) => {
      const callback = vi.fn();
      (handlers.request as (...a: unknown[]) => void)({}, 'notifications', callback, details);
      return callback.mock.calls[0]?.[0];
    };
    expect(request(ui)).toBe(true);
    expect(request({ requestingUrl: 'about:srcdoc', isMainFrame: false })).toBe(false);
    expect(request({ requestingUrl: 'app://mail/index.html', isMainFrame: false })).toBe(false);
    expect(request({ requestingUrl: 'https://example.com/', isMainFrame: true })).toBe(false);
    const check = handlers.check as (...a: unknown[]) => boolean;
    expect(check({}, 'notifications', 'app://mail', ui)).toBe(true);
    expect(check({}, 'notifications', 'null', { requestingUrl: 'about:srcdoc', isMainFrame: false })).toBe(false);
  });

  it('cancels every request that is not the app, data, blob or devtools', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session);
    const decide = (url: string, fromPage = true) => {
      const webContentsId = fromPage ? 1 : undefined;
      const callback = vi.fn();
      (handlers.beforeRequest as (...a: unknown[]) => void)({ url, webContentsId }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('app://mail/index.html')).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AA')).toEqual({ cancel: false });
    expect(decide('https://tracker.example/p.gif')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:1234/')).toEqual({ cancel: true });
    // the spellchecker's dictionary download, made by the browser process itself
    const dictionary = 'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic';
    expect(decide(dictionary, false)).toEqual({ cancel: false });
    expect(decide(dictionary)).toEqual({ cancel: true });
  });
});
