// The app:// protocol that serves the built UI to the window. A privileged standard+secure
// scheme gives the UI a real origin ('self' in the CSP means app://mail) without a web server
// or file:// (which would let any page read any file).
import type { Protocol } from 'electron';
import { contentSecurityPolicy, securityHeaders } from './csp';
import { APP_HOST, APP_SCHEME } from './guards';
import { loadStaticFile } from './static-files';

/** Must run before the app is ready (Electron fixes scheme privileges at start-up). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Answers one app:// request from the files in `rendererDir`. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const headers = securityHeaders(contentSecurityPolicy());
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response('Bad request', { status: 400, headers });
  }
  if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return new Response('Not found', { status: 404, headers });
  }
  const file = await loadStaticFile(rendererDir, url.pathname);
  if (file.status !== 200) return new Response(file.body, { status: file.status, headers });
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: { ...headers, 'Content-Type': file.contentType },
  });
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
}
