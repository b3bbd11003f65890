// Reads the built UI (dist/renderer/) for the app:// protocol and the browser shell's HTTP
// server. The URL path comes from the renderer or from any local program, so anything that
// could leave the folder (.., encoded slashes, NUL, a symlink out) is refused, not normalised.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names inside `rootDir`, or null when the path tries to leave it.
 * `urlPath` is the still-encoded pathname of a URL ("/assets/a%20b.js").
 */
export function resolveStaticPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  // dot-files are never part of a build; ".." is the traversal itself
  if (segments.some((s) => s.startsWith('.') || s.includes(':'))) return null;
  if (segments.length === 0) segments.push('index.html');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

export type StaticResult =
  { status: 200; filePath: string; contentType: string; body: Buffer } | { status: 403 | 404; body: string };

async function isFileInside(root: string, file: string): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const rel = path.relative(realRoot, realFile);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  } catch {
    return false;
  }
}

/**
 * Loads the file for `urlPath`. A path without an extension that names no file gets
 * index.html, so a reload on a client-side route still shows the app.
 */
export async function loadStaticFile(rootDir: string, urlPath: string): Promise<StaticResult> {
  const file = resolveStaticPath(rootDir, urlPath);
  if (!file) return { status: 403, body: 'Forbidden' };
  let chosen: string | null = null;
  if (await isFileInside(rootDir, file)) chosen = file;
  else if (path.extname(file) === '') {
    const index = path.join(path.resolve(rootDir), 'index.html');
    if (await isFileInside(rootDir, index)) chosen = index;
  }
  if (!chosen) {
    const missingUi = path.basename(file) === 'index.html' || path.extname(file) === '';
    return {
      status: 404,
      body: missingUi ? 'The mail UI is not built yet: run `npm run build`.' : 'Not found',
    };
  }
  return { status: 200, filePath: chosen, contentType: contentTypeFor(chosen), body: await readFile(chosen) };
}
