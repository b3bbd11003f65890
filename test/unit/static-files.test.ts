import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, loadStaticFile, resolveStaticPath } from '../../electron/shell/static-files';
import { useStaticRoot } from '../support/static-root';

const { root } = useStaticRoot();

describe('resolveStaticPath', () => {
  it('maps URL paths to files inside the folder', () => {
    expect(resolveStaticPath(root(), '/')).toBe(path.join(root(), 'index.html'));
    expect(resolveStaticPath(root(), '/assets/app.js')).toBe(path.join(root(), 'assets', 'app.js'));
    expect(resolveStaticPath(root(), '/assets/a%20b.css')).toBe(path.join(root(), 'assets', 'a b.css'));
    expect(resolveStaticPath(root(), '//assets//app.js')).toBe(path.join(root(), 'assets', 'app.js'));
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
    expect(resolveStaticPath(root(), urlPath)).toBeNull();
  });
});

describe('loadStaticFile', () => {
  it('serves a file with its content type', async () => {
    const file = await loadStaticFile(root(), '/assets/app.js');
    expect(file.status).toBe(200);
    if (file.status !== 200) return;
    expect(file.contentType).toBe('text/javascript; charset=utf-8');
    expect(file.body.toString()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes, not for missing assets', async () => {
    const route = await loadStaticFile(root(), '/mailbox/42');
    expect(route.status).toBe(200);
    if (route.status === 200) expect(route.filePath).toBe(path.join(root(), 'index.html'));
    expect((await loadStaticFile(root(), '/assets/missing.js')).status).toBe(404);
  });

  it('refuses traversal with 403 and never reads outside the folder', async () => {
    const result = await loadStaticFile(root(), '/%2e%2e/secret.txt');
    expect(result.status).toBe(403);
    expect(String(result.body)).not.toContain('TOP SECRET');
  });

  it('does not follow a symlink out of the folder', async () => {
    const result = await loadStaticFile(root(), '/assets/link.txt');
    expect(result.status).toBe(404);
    expect(String(result.body)).not.toContain('TOP SECRET');
  });

  it('says how to build the UI when it is missing', async () => {
    const result = await loadStaticFile(path.join(path.dirname(root()), 'nothing'), '/');
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
