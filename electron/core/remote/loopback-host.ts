// Whether a URL names the machine itself (127.0.0.0/8, ::1, localhost): only the tests' local
// servers, and only under the test override, are ever reached there.
import { isIP } from 'node:net';
import { hostOf } from './remote-url';

export function isLoopbackHost(url: URL): boolean {
  const host = hostOf(url);
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
