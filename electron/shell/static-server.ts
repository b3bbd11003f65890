// The browser shell's HTTP side: the built UI, read-only, with the same security headers the
// Electron window gets. One other route: /eml/<ticket>/<name>.eml, a message dragged out of the
// list to the desktop (shared/contract-eml-drag.ts); the ticket, not the session token, is its
// key, spent by the one fetch. /ws is only an upgrade (ws-bridge.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders } from './csp';
import { isAllowedHostHeader } from './loopback';
import { loadStaticFile } from './static-files';

export interface StaticServerOptions {
  rendererDir: string;
  csp: () => string;
  /** Host header values that name this server (see loopback.ts). */
  hosts: () => readonly string[];
  /** The raw message a drag ticket names (spending it); throws when it names none. */
  rawByTicket?: (ticket: string) => Promise<{ filename: string; dataBase64: string }>;
}

const EML_ROUTE = /^\/eml\/([A-Za-z0-9_-]{16,64})\/[^/]*$/;

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
    const eml = EML_ROUTE.exec(pathname);
    if (eml && options.rawByTicket) {
      // HEAD would spend the ticket without the bytes: only GET fetches
      if (req.method !== 'GET') return send(405, 'Method not allowed');
      try {
        const raw = await options.rawByTicket(eml[1] ?? '');
        res.writeHead(200, {
          ...headers,
          'Content-Type': 'message/rfc822',
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(raw.filename)}`,
          'Cache-Control': 'no-store',
        });
        res.end(Buffer.from(raw.dataBase64, 'base64'));
      } catch {
        send(404, 'No such message');
      }
      return;
    }
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
