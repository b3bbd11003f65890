// The browser shell's HTTP side: the built UI, read-only, with the same security headers the
// Electron window gets. No other route exists; /ws is only an upgrade (ws-bridge.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from './csp';
import { isAllowedHostHeader } from './loopback';
import { loadStaticFile } from './static-files';

export interface StaticServerOptions {
  rendererDir: string;
  csp: () => string;
  /** Host header values that name this server (see loopback.ts). */
  hosts: () => readonly string[];
}

export function createStaticHandler(options: StaticServerOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = securityHeaders(options.csp());
    const send = (status: number, body: string | Buffer, contentType = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (!isAllowedHostHeader(req.headers.host, options.hosts())) return send(421, 'Misdirected request');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://shell').pathname;
    } catch {
      return send(400, 'Bad request');
    }
    if (pathname === '/ws') return send(426, 'This endpoint speaks WebSocket only');
    // the raw request path, not the URL-normalised one: a literal "/../" must be refused, not resolved
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    try {
      const file = await loadStaticFile(options.rendererDir, rawPath);
      if (file.status !== 200) return send(file.status, file.body);
      send(200, file.body, file.contentType);
    } catch {
      send(500, 'Could not read the UI files');
    }
  };
}
