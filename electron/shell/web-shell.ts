// The browser shell: the mail core behind a WebSocket on the loopback interface, plus the
// built UI over HTTP. Used by `npm run web`, the end-to-end tests and anyone who wants the
// client in a browser tab. Secrets are sealed with a key file in the profile (no safeStorage
// outside Electron). The engine runs in a child process of its own (engine-process.ts): this
// process serves the UI and relays the WebSocket, so a FETCH being parsed never holds up either.
import { webOAuthEnv } from './oauth-config';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { MailService, MailServiceOptions } from '../core/service-api';
import { DisposableStore, toDisposable } from '../core/lifecycle';
import { closeService } from './close-service';
import { contentSecurityPolicy } from './csp';
import { engineFlags } from './engine-flags';
import { openEngineProcess } from './engine-process';
import { allowedHosts, hostPort, isLoopbackHost } from './loopback';
import { openKeyFileCipher } from './key-file';
import { createStaticHandler } from './static-server';
import { createWsBridge } from './ws-bridge';

export interface ServeOptions {
  /** Default 0: the OS picks a free port. */
  port?: number;
  /** A loopback address; default 127.0.0.1. */
  host?: string;
  /** The built UI; default dist/renderer under the working directory. */
  rendererDir?: string;
  /** Default: 32 random bytes, base64url. */
  token?: string;
}

export interface WebShellOptions extends ServeOptions {
  profileDir: string;
  /** The engine process's entry: dist/engine.mjs, built beside dist/web.mjs. */
  engineEntry: string;
  trustedCa?: string[];
  log?: MailServiceOptions['log'];
}

export interface WebShell {
  /** Open this in a browser: http://127.0.0.1:N/#token=TOKEN */
  url: string;
  /** http://127.0.0.1:N, the origin a WebSocket client must send. */
  origin: string;
  /** ws://127.0.0.1:N/ws */
  wsUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The web shell got no TCP port.'));
      else resolve(address.port);
    });
  });
}

/** Serves an existing service; the caller keeps owning it (close() does not close it). */
export async function serveWebShell(service: MailService, options: ServeOptions = {}): Promise<WebShell> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    throw new Error(`The web shell listens on this computer only (127.0.0.1, ::1 or localhost), not on ${host}.`);
  }
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir ?? path.join('dist', 'renderer'));

  let port = 0;
  const hosts = () => allowedHosts(host, port);
  const csp = () => contentSecurityPolicy({ connectSrc: hosts().map((h) => `ws://${h}`) });
  // Ended newest first: the WebSockets say goodbye before the server drops every connection.
  const lifetime = new DisposableStore();
  const server = createServer(
    createStaticHandler({
      rendererDir,
      csp,
      hosts,
      rawByTicket: (ticket) => service.call('message.rawByTicket', { ticket }),
    }),
  );
  lifetime.add(
    toDisposable(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }),
  );
  const bridge = createWsBridge({ service, token, hosts });
  lifetime.add(toDisposable(() => bridge.close()));
  server.on('upgrade', (req, socket, head) => bridge.handleUpgrade(req, socket, head));
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (error) {
    await lifetime.dispose();
    throw error;
  }

  const origin = `http://${hostPort(host, port)}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    wsUrl: `ws://${hostPort(host, port)}/ws`,
    token,
    port,
    close: () => lifetime.dispose(),
  };
}

/**
 * Opens the profile's mail service and serves it; close() stops both. It serves while the engine
 * still opens (a call waits in the engine for the open): the page loads its code meanwhile, so a
 * cold start pays the engine's start and the page's load side by side, not one after the other.
 * `started` says whether the engine opened; a shell whose engine could not open has nothing to serve.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell & { started: Promise<void> }> {
  // the profile holds the key that unseals every password: this user only
  mkdirSync(options.profileDir, { recursive: true, mode: 0o700 });
  const { service, started } = openEngineProcess({
    entry: options.engineEntry,
    options: {
      dataDir: options.profileDir,
      // the OAuth2 client ids this build was made with, and the test bed's overrides (oauth-config.ts)
      oauthEnv: webOAuthEnv(process.env),
      ...(options.trustedCa ? { trustedCa: options.trustedCa } : {}),
    },
    // the key file is opened here, in the shell: the engine asks for each seal and unseal
    cipher: openKeyFileCipher(options.profileDir, 'key-file', options.log),
    ...(options.log ? { log: options.log } : {}),
    debug: Boolean(process.env.MAIL_DEBUG),
    execArgv: engineFlags(process.env),
  });
  let shell: WebShell;
  try {
    shell = await serveWebShell(service, options);
  } catch (error) {
    await service.close();
    throw error;
  }
  // the service was opened first, so it is closed last, after the shell stopped serving it
  const lifetime = new DisposableStore();
  lifetime.add(toDisposable(() => closeService(service)));
  lifetime.add(toDisposable(() => shell.close()));
  return { ...shell, started, close: () => lifetime.dispose() };
}
