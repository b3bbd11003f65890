import { describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../electron/shell/app-protocol';
import { contentSecurityPolicy } from '../../electron/shell/csp';
import { useStaticRoot } from '../support/static-root';

const { root } = useStaticRoot();

describe('the app:// protocol handler', () => {
  it('serves the UI with the strict CSP and nosniff', async () => {
    const response = await serveAppRequest(root(), new Request('app://mail/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Mail</title>');
  });

  it('refuses traversal, other hosts and writes', async () => {
    // the URL parser already resolves a plain "/../"; encoded slashes reach the handler
    for (const url of ['app://mail/../secret.txt', 'app://mail/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const response = await serveAppRequest(root(), new Request(url));
      expect(response.status, url).not.toBe(200);
      expect(await response.text()).not.toContain('TOP SECRET');
    }
    expect((await serveAppRequest(root(), new Request('app://mail/..%2fsecret.txt'))).status).toBe(403);
    expect((await serveAppRequest(root(), new Request('app://other/index.html'))).status).toBe(404);
    expect((await serveAppRequest(root(), new Request('app://mail/index.html', { method: 'POST' }))).status).toBe(404);
  });
});
