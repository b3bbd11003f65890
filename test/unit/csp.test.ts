import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/shell/csp';

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
