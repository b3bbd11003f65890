// The redirect target of a desktop OAuth2 sign-in (RFC 8252 section 7.3): an HTTP listener on
// 127.0.0.1 at a port the kernel picks, alive for one sign-in only. It accepts exactly one answer
// that carries the expected `state` and closes at once, so a second request (a replay, a page
// reloaded) finds nothing listening. A request with another state is refused and does not end
// the wait: a page that guesses the port cannot abort the user's sign-in or slip in its own code.
// Past the deadline the listener closes and the sign-in fails with a timeout.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sameState } from './pkce';

/** The provider's answer: a code to exchange, or the error it sent (access_denied when the user said no). */
export type AuthorizationAnswer = { code: string } | { error: string; description?: string };

export class LoopbackTimeoutError extends Error {
  readonly code = 'OAUTH_TIMEOUT';
  constructor(timeoutMs: number) {
    super(`No answer from the sign-in page within ${Math.round(timeoutMs / 1000)} s.`);
  }
}

export class LoopbackClosedError extends Error {
  readonly code = 'OAUTH_CANCELLED';
  constructor() {
    super('The sign-in was cancelled.');
  }
}

export interface LoopbackListener {
  /** http://127.0.0.1:PORT/callback: the redirect_uri of the authorization request. */
  readonly redirectUri: string;
  /** The first answer with the right state; rejects on timeout or close(). */
  readonly answer: Promise<AuthorizationAnswer>;
  /** Stops waiting (the user cancelled); idempotent. */
  close(): void;
}

export interface LoopbackOptions {
  state: string;
  timeoutMs: number;
  /** The page shown in the browser tab once the answer arrived (the app's own words). */
  donePage?: (answer: AuthorizationAnswer) => string;
}

const CALLBACK_PATH = '/callback';

function defaultPage(answer: AuthorizationAnswer): string {
  const text =
    'code' in answer ? 'Signed in. You can close this tab.' : 'Sign-in did not complete. You can close this tab.';
  return `<!doctype html><meta charset="utf-8"><title>Mail</title><p>${text}</p>`;
}

export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  let settle: { resolve(a: AuthorizationAnswer): void; reject(e: Error): void } | null = null;
  const answer = new Promise<AuthorizationAnswer>((resolve, reject) => (settle = { resolve, reject }));
  // nobody may be awaiting yet when a timeout fires
  answer.catch(() => undefined);
  let finished = false;

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: string): void => {
      response.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        // the page must not load anything, nor be framed
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        connection: 'close',
      });
      response.end(body);
    };
    if (finished || request.method !== 'GET' || url.pathname !== CALLBACK_PATH) return reply(404, 'Not found');
    if (!sameState(options.state, url.searchParams.get('state'))) return reply(400, 'Unexpected sign-in answer.');
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    const result: AuthorizationAnswer | null = code
      ? { code }
      : error
        ? {
            error,
            ...(url.searchParams.get('error_description')
              ? { description: url.searchParams.get('error_description') ?? '' }
              : {}),
          }
        : null;
    if (!result) return reply(400, 'Unexpected sign-in answer.');
    reply(200, (options.donePage ?? defaultPage)(result));
    finish(() => settle?.resolve(result));
  });

  const finish = (then: () => void): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    server.close();
    // an idle keep-alive socket would let a replay in after the answer; the answering one is
    // closed by its own `connection: close` once the page is sent
    server.closeIdleConnections();
    then();
  };

  const timer = setTimeout(
    () => finish(() => settle?.reject(new LoopbackTimeoutError(options.timeoutMs))),
    options.timeoutMs,
  );
  timer.unref?.();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    answer,
    close: () => finish(() => settle?.reject(new LoopbackClosedError())),
  };
}
