// The Content-Security-Policy both shells send with the UI. The UI needs nothing but its own
// files: no remote script, style, image or connection, no plugins, no <base> or form posts.
// Message bodies live in a sandboxed srcdoc iframe, hence frame-src about:.

export interface CspOptions {
  /** Extra connect-src sources, e.g. the browser shell's own WebSocket endpoint. */
  connectSrc?: string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['frame-src', ["'self'", 'about:']],
    ['connect-src', ["'self'", ...(options.connectSrc ?? [])]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** Headers sent with every UI file, by the app:// protocol and by the browser shell. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    // the UI is never framed by anyone: no clickjacking of the localhost shell by a web page
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  };
}
