// The pure decisions behind the window's security rules (docs/security.md, "The window"). Each
// takes a string from an untrusted place (a link in a message, a request URL, an IPC sender)
// and says yes or no, so the rules can be read and tested without Electron.

/** The renderer is served from app://mail/; `standard` + `secure` make it a real origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mail';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** The OS hands a URL to another program's command line; nothing legitimate is this long. */
const MAX_EXTERNAL_URL_LENGTH = 8192;

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for a URL of our own UI (app://mail/...), the only thing the window may show. */
export function isAppUrl(raw: unknown): boolean {
  const url = parse(raw);
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.username || url.password) return false;
  // Chromium lowercases the host of a standard scheme; Node's parser keeps it as written
  return url.host.toLowerCase() === APP_HOST;
}

/**
 * What to hand to shell.openExternal for a link the user activated, or null to drop it.
 * Only http(s) and mailto leave the app. The URL is re-serialised from the parse, so the OS
 * receives exactly what was checked (no whitespace, case or escaping tricks). Links with
 * credentials ("https://bank.example@evil.example/") are refused: their only use in mail
 * is to make a foreign host look like a trusted one.
 */
export function externalUrlToOpen(raw: unknown): string | null {
  const url = parse(raw);
  if (!url || !EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:') {
    if (!url.hostname) return null;
    if (url.username || url.password) return null;
  }
  const href = url.href;
  return href.length <= MAX_EXTERNAL_URL_LENGTH ? href : null;
}

/** Schemes the renderer's session may load; everything else (any network) is cancelled. */
const LOCAL_PROTOCOLS = new Set(['devtools:', 'data:', 'blob:']);
/** The message body iframe uses srcdoc; a new frame starts as about:blank. */
const ABOUT_PAGES = new Set(['about:blank', 'about:srcdoc']);

/**
 * Whether the renderer's session may make this request. The UI and message bodies come only
 * from app:// and inline data; a remote image in a message, a tracking pixel or a compromised
 * script all fail here, even if the CSP were wrong.
 */
export function isAllowedRendererRequest(raw: unknown): boolean {
  if (isAppUrl(raw)) return true;
  const url = parse(raw);
  if (!url) return false;
  if (LOCAL_PROTOCOLS.has(url.protocol)) return true;
  return ABOUT_PAGES.has(url.href);
}

/**
 * Hunspell dictionaries for the spellchecker (Windows, Linux) are fetched by the browser
 * process, not by any page, from Chromium's dictionary server (redirector.gvt1.com, which
 * redirects to a mirror under gvt1.com). Only that download may pass, and only when no web
 * contents made the request.
 */
export function isSpellcheckDictionaryDownload(raw: unknown, webContentsId: number | undefined): boolean {
  if (webContentsId !== undefined) return false;
  const url = parse(raw);
  if (!url || url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname;
  if (host !== 'gvt1.com' && !host.endsWith('.gvt1.com')) return false;
  return url.pathname.startsWith('/edgedl/chrome/dict/') && url.pathname.endsWith('.bdic');
}

/**
 * Whether an IPC message may reach the mail service: it must come from a frame showing our UI
 * (not the message body iframe, which is about:srcdoc, nor a page navigated elsewhere).
 */
export function isTrustedSender(frameUrl: unknown): boolean {
  return isAppUrl(frameUrl);
}
