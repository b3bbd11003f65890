import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../electron/shell/app-protocol';
import { contentSecurityPolicy } from '../../electron/shell/csp';
import { contentTypeFor, loadStaticFile, resolveStaticPath } from '../../electron/shell/static-files';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'shell-static-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Mail</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'a b.css'), 'body{}');
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveStaticPath', () => {
  it('maps URL paths to files inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.css')).toBe(path.join(root, 'assets', 'a b.css'));
    expect(resolveStaticPath(root, '//assets//app.js')).toBe(path.join(root, 'assets', 'app.js'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/index.html%00.js',
    '/%ff%fe',
    '/.env',
    '/C:/Windows/win.ini',
    '/%E0%A4%A',
  ])('refuses %j', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeNull();
  });
});

describe('loadStaticFile', () => {
  it('serves a file with its content type', async () => {
    const file = await loadStaticFile(root, '/assets/app.js');
    expect(file.status).toBe(200);
    if (file.status !== 200) return;
    expect(file.contentType).toBe('text/javascript; charset=utf-8');
    expect(file.body.toString()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes, not for missing assets', async () => {
    const route = await loadStaticFile(root, '/mailbox/42');
    expect(route.status).toBe(200);
    if (route.status === 200) expect(route.filePath).toBe(path.join(root, 'index.html'));
    expect((await loadStaticFile(root, '/assets/missing.js')).status).toBe(404);
  });

  it('refuses traversal with 403 and never reads outside the folder', async () => {
    const result = await loadStaticFile(root, '/%2e%2e/secret.txt');
    expect(result.status).toBe(403);
    expect(String(result.body)).not.toContain('TOP SECRET');
  });

  it('does not follow a symlink out of the folder', async () => {
    const result = await loadStaticFile(root, '/assets/link.txt');
    expect(result.status).toBe(404);
    expect(String(result.body)).not.toContain('TOP SECRET');
  });

  it('says how to build the UI when it is missing', async () => {
    const result = await loadStaticFile(path.join(base, 'nothing'), '/');
    expect(result.status).toBe(404);
    expect(String(result.body)).toMatch(/npm run build/);
  });

  it('knows the content types a Vite build produces', () => {
    expect(contentTypeFor('x.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('x.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});

describe('the app:// protocol handler', () => {
  it('serves the UI with the strict CSP and nosniff', async () => {
    const response = await serveAppRequest(root, new Request('app://mail/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Mail</title>');
  });

  it('refuses traversal, other hosts and writes', async () => {
    // the URL parser already resolves a plain "/../"; encoded slashes reach the handler
    for (const url of ['app://mail/../secret.txt', 'app://mail/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const response = await serveAppRequest(root, new Request(url));
      expect(response.status, url).not.toBe(200);
      expect(await response.text()).not.toContain('TOP SECRET');
    }
    expect((await serveAppRequest(root, new Request('app://mail/..%2fsecret.txt'))).status).toBe(403);
    expect((await serveAppRequest(root, new Request('app://other/index.html'))).status).toBe(404);
    expect((await serveAppRequest(root, new Request('app://mail/index.html', { method: 'POST' }))).status).toBe(404);
  });
});

describe('contentSecurityPolicy', () => {
  it('is the policy docs/security.md describes', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "frame-src 'self' about:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('adds the browser shell WebSocket to connect-src only', () => {
    const csp = contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:4567'] });
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4567;");
    expect(csp).toContain("script-src 'self';");
  });
});
