import { describe, expect, it } from 'vitest';
import {
  externalUrlToOpen,
  isAllowedRendererRequest,
  isAppUrl,
  isSpellcheckDictionaryDownload,
  isTrustedSender,
} from '../../electron/shell/guards';

describe('externalUrlToOpen: which links leave the app', () => {
  it.each([
    ['https://example.com/path?q=1#frag', 'https://example.com/path?q=1#frag'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:alice@example.com', 'mailto:alice@example.com'],
    ['mailto:alice@example.com?subject=Hi%20there', 'mailto:alice@example.com?subject=Hi%20there'],
    ['HTTPS://Example.COM/A', 'https://example.com/A'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['https://例え.jp/', 'https://xn--r8jz45g.jp/'],
  ])('opens %j as %j (normalised, so the OS gets what was checked)', (raw, expected) => {
    expect(externalUrlToOpen(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    'jAvAsCrIpT:alert(document.cookie)',
    'file:///etc/passwd',
    'FILE:///C:/Windows/System32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'app://mail/index.html',
    'ftp://example.com/file',
    'smb://evil.example/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=x',
    'chrome://settings',
    'about:blank',
    'blob:https://example.com/uuid',
    '//example.com/no-scheme',
    '/relative/path',
    'example.com',
    '',
    'https://',
    'not a url',
  ])('refuses %j', (raw) => {
    expect(externalUrlToOpen(raw)).toBeNull();
  });

  it('refuses links with credentials, which disguise the real host', () => {
    expect(externalUrlToOpen('https://user@evil.example')).toBeNull();
    expect(externalUrlToOpen('https://bank.example.com@evil.example/login')).toBeNull();
    expect(externalUrlToOpen('https://user:pass@example.com/')).toBeNull();
    expect(externalUrlToOpen('http://:pw@example.com/')).toBeNull();
  });

  it('refuses non-strings and absurdly long URLs', () => {
    expect(externalUrlToOpen(undefined)).toBeNull();
    expect(externalUrlToOpen(null)).toBeNull();
    expect(externalUrlToOpen(42)).toBeNull();
    expect(externalUrlToOpen({ toString: () => 'https://example.com' })).toBeNull();
    expect(externalUrlToOpen(`https://example.com/${'a'.repeat(9000)}`)).toBeNull();
  });

  it('percent-encodes whatever a parse leaves, so no raw space or quote reaches a command line', () => {
    const url = externalUrlToOpen('https://example.com/a b"c<d>');
    expect(url).toBe('https://example.com/a%20b%22c%3Cd%3E');
  });
});

describe('isAllowedRendererRequest: the window makes no network requests', () => {
  it.each([
    'app://mail/index.html',
    'app://mail/assets/index-abc123.js',
    'APP://MAIL/index.html',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,AAAA',
    'blob:app://mail/0f7b4c2e-1d2a-4c1e-9a8b-123456789abc',
    'about:blank',
    'about:srcdoc',
  ])('allows %j', (url) => {
    expect(isAllowedRendererRequest(url)).toBe(true);
  });

  it.each([
    'https://tracker.example/pixel.gif',
    'http://127.0.0.1:8080/',
    'ws://127.0.0.1:1234/ws',
    'wss://example.com/',
    'file:///etc/passwd',
    'app://other-host/index.html',
    'app://mail.evil.example/index.html',
    'ftp://example.com/',
    'chrome://gpu',
    'about:config',
    'mailto:a@example.com',
    '',
    'garbage',
  ])('cancels %j', (url) => {
    expect(isAllowedRendererRequest(url)).toBe(false);
  });
});

describe('isTrustedSender: who may call the mail service over IPC', () => {
  it('trusts our UI on app://mail', () => {
    expect(isTrustedSender('app://mail/index.html')).toBe(true);
    expect(isTrustedSender('app://mail/index.html#/inbox')).toBe(true);
    expect(isTrustedSender('app://mail/')).toBe(true);
  });

  it.each([
    'about:srcdoc',
    'about:blank',
    'https://mail.example.com/',
    'http://127.0.0.1:5173/',
    'file:///opt/Mail/resources/app/dist/renderer/index.html',
    'app://evil/index.html',
    'app://mail:8080/index.html',
    'data:text/html,hi',
    '',
  ])('refuses a frame at %j', (url) => {
    expect(isTrustedSender(url)).toBe(false);
  });

  it('refuses a missing frame URL', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('isAppUrl accepts only the app host, without credentials or port', () => {
    expect(isAppUrl('app://mail/x')).toBe(true);
    expect(isAppUrl('app://user@mail/x')).toBe(false);
    expect(isAppUrl('app://mail:443/x')).toBe(false);
    expect(isAppUrl('app:mail/x')).toBe(false);
  });
});

describe('isSpellcheckDictionaryDownload: the one request not from the app', () => {
  it("lets the browser process fetch Chromium's Hunspell dictionaries", () => {
    expect(
      isSpellcheckDictionaryDownload('https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', undefined),
    ).toBe(true);
    expect(
      isSpellcheckDictionaryDownload('https://r2---sn-abc.gvt1.com/edgedl/chrome/dict/de-de-3-0.bdic', undefined),
    ).toBe(true);
  });

  it.each([
    ['https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', 3],
    ['http://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', undefined],
    ['https://gvt1.com.evil.example/edgedl/chrome/dict/en.bdic', undefined],
    ['https://evilgvt1.com/edgedl/chrome/dict/en.bdic', undefined],
    ['https://redirector.gvt1.com/other/path.bdic', undefined],
    ['https://redirector.gvt1.com/edgedl/chrome/dict/en-us.exe', undefined],
    ['https://user@redirector.gvt1.com/edgedl/chrome/dict/en.bdic', undefined],
    ['https://tracker.example/pixel.gif', undefined],
  ] as const)('refuses %j from web contents %j', (url, webContentsId) => {
    expect(isSpellcheckDictionaryDownload(url, webContentsId)).toBe(false);
  });
});
