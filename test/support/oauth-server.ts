// An OAuth2 authorization server written for the tests, so OAuth2 sign-in is tested end to end
// without the internet: an authorize page with Allow and Deny (the browser test clicks them), a
// token endpoint for codes (PKCE S256 checked) and refresh tokens, RFC 7009 revocation, and
// RFC 7662 introspection, which the test Dovecot's oauth2 passdb asks about every token it is
// given (test/mailserver/dovecot-oauth2.ts). Access-token lifetimes can be shortened on demand,
// and every token request is counted, through /test/ endpoints: the server runs in the mail
// server's process (vitest's globalSetup), the tests reach it over HTTP.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Grant {
  user: string;
  clientId: string;
  scope: string;
  revoked: boolean;
}

interface PendingCode {
  grant: Grant;
  redirectUri: string;
  challenge: string;
  used: boolean;
}

interface AccessToken {
  grant: Grant;
  expiresAt: number;
}

export interface OAuthServerStats {
  codeExchanges: number;
  refreshes: number;
  refusedRefreshes: number;
  introspections: number;
  revocations: number;
}

export interface OAuthTestServer {
  /** http://127.0.0.1:PORT */
  url: string;
  close(): Promise<void>;
}

const token = (prefix: string): string => `${prefix}-${randomBytes(18).toString('base64url')}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOAuthServer(options: { port?: number } = {}): Promise<OAuthTestServer> {
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, Grant>();
  const accessTokens = new Map<string, AccessToken>();
  let accessLifetimeSeconds = 3600;
  const stats: OAuthServerStats = {
    codeExchanges: 0,
    refreshes: 0,
    refusedRefreshes: 0,
    introspections: 0,
    revocations: 0,
  };
  const now = (): number => Date.now() / 1000;

  const json = (response: http.ServerResponse, status: number, body: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  };
  const issueAccess = (grant: Grant): { access_token: string; expires_in: number; token_type: string } => {
    const access = token('at');
    accessTokens.set(access, { grant, expiresAt: now() + accessLifetimeSeconds });
    return { access_token: access, expires_in: accessLifetimeSeconds, token_type: 'Bearer' };
  };

  const authorizePage = (query: URLSearchParams): string => {
    const hidden = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'scope']
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(query.get(k) ?? '')}">`)
      .join('');
    return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Test provider: sign in</title>
<main><h1>Test provider</h1>
<form method="post" action="/authorize">${hidden}
<label>Account <input name="user" value="${escapeHtml(query.get('login_hint') ?? '')}"></label>
<p>Mail wants to read and send your mail (${escapeHtml(query.get('scope') ?? '')}).</p>
<button name="decision" value="allow">Allow</button> <button name="decision" value="deny">Deny</button>
</form></main></html>`;
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /authorize') {
      const q = url.searchParams;
      if (q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
        return json(response, 400, { error: 'invalid_request', error_description: 'code + PKCE S256 required' });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(authorizePage(q));
      return;
    }
    if (route === 'POST /authorize') {
      const form = await readForm(request);
      const redirect = new URL(form.get('redirect_uri') ?? '');
      if (redirect.hostname !== '127.0.0.1') return json(response, 400, { error: 'invalid_request' });
      redirect.searchParams.set('state', form.get('state') ?? '');
      if (form.get('decision') === 'allow') {
        const code = token('code');
        codes.set(code, {
          grant: {
            user: (form.get('user') ?? '').toLowerCase(),
            clientId: form.get('client_id') ?? '',
            scope: form.get('scope') ?? '',
            revoked: false,
          },
          redirectUri: form.get('redirect_uri') ?? '',
          challenge: form.get('code_challenge') ?? '',
          used: false,
        });
        redirect.searchParams.set('code', code);
      } else {
        redirect.searchParams.set('error', 'access_denied');
        redirect.searchParams.set('error_description', 'The user denied access');
      }
      response.writeHead(302, { location: redirect.toString() });
      response.end();
      return;
    }
    if (route === 'POST /token') {
      const form = await readForm(request);
      if (form.get('grant_type') === 'authorization_code') {
        stats.codeExchanges++;
        const pending = codes.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          !pending ||
          pending.used ||
          pending.redirectUri !== form.get('redirect_uri') ||
          pending.grant.clientId !== form.get('client_id') ||
          pending.challenge !== challenge
        )
          return json(response, 400, { error: 'invalid_grant' });
        pending.used = true;
        const refresh = token('rt');
        refreshTokens.set(refresh, pending.grant);
        return json(response, 200, {
          ...issueAccess(pending.grant),
          refresh_token: refresh,
          scope: pending.grant.scope,
        });
      }
      if (form.get('grant_type') === 'refresh_token') {
        stats.refreshes++;
        const grant = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!grant || grant.revoked || grant.clientId !== form.get('client_id')) {
          stats.refusedRefreshes++;
          return json(response, 400, { error: 'invalid_grant', error_description: 'refresh token revoked or unknown' });
        }
        return json(response, 200, issueAccess(grant));
      }
      return json(response, 400, { error: 'unsupported_grant_type' });
    }
    if (route === 'POST /revoke') {
      stats.revocations++;
      const form = await readForm(request);
      const grant = refreshTokens.get(form.get('token') ?? '') ?? accessTokens.get(form.get('token') ?? '')?.grant;
      if (grant) grant.revoked = true;
      response.writeHead(200);
      response.end();
      return;
    }
    if (route === 'POST /introspect') {
      // Dovecot's oauth2 passdb, introspection_mode = post: token=<access token>
      stats.introspections++;
      const form = await readForm(request);
      const access = accessTokens.get(form.get('token') ?? '');
      if (!access || access.grant.revoked || access.expiresAt <= now()) return json(response, 200, { active: false });
      return json(response, 200, {
        active: true,
        username: access.grant.user,
        scope: access.grant.scope,
        exp: Math.floor(access.expiresAt),
      });
    }
    // test controls
    if (route === 'POST /test/lifetime') {
      accessLifetimeSeconds = Number((await readForm(request)).get('seconds') ?? 3600);
      return json(response, 200, { seconds: accessLifetimeSeconds });
    }
    if (route === 'POST /test/expire') {
      // every access token of the user stops working now (as if its hour had passed)
      const user = ((await readForm(request)).get('user') ?? '').toLowerCase();
      for (const access of accessTokens.values()) if (access.grant.user === user) access.expiresAt = now() - 1;
      return json(response, 200, {});
    }
    if (route === 'POST /test/revoke-user') {
      const user = ((await readForm(request)).get('user') ?? '').toLowerCase();
      for (const grant of refreshTokens.values()) if (grant.user === user) grant.revoked = true;
      return json(response, 200, {});
    }
    if (route === 'GET /test/stats') return json(response, 200, stats);
    json(response, 404, { error: 'not_found' });
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => json(response, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
