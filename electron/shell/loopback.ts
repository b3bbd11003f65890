// The browser shell listens on the loopback interface only, and answers only requests that
// name it: a web page cannot reach it through DNS rebinding (wrong Host) nor open its
// WebSocket from another site (wrong Origin). Both checks are pure so tests can hit them.

/** Addresses the shell may listen on: the token travels in clear HTTP, so never the network. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** host:port as it appears in a Host header or URL ("[::1]:8080" for IPv6). */
export function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * The Host header values that name this shell: the address it listens on, plus 'localhost'
 * for the same port (only our server can answer on a loopback port we hold).
 */
export function allowedHosts(host: string, port: number): string[] {
  const hosts = new Set([hostPort(host, port), hostPort('localhost', port)]);
  if (host === 'localhost') {
    hosts.add(hostPort('127.0.0.1', port));
    hosts.add(hostPort('::1', port));
  }
  return [...hosts];
}

export function isAllowedHostHeader(header: string | undefined, hosts: readonly string[]): boolean {
  return header !== undefined && hosts.includes(header.toLowerCase());
}

/** The page that opens the WebSocket must be one this shell served. */
export function isAllowedOrigin(origin: string | undefined, hosts: readonly string[]): boolean {
  if (!origin) return false;
  return hosts.some((h) => origin.toLowerCase() === `http://${h}`);
}
