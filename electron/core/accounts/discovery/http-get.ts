// The HttpGet discovery uses by default: HTTPS only (an autoconfig file over plain HTTP could be
// swapped by anyone on the network, and it says where the password goes), certificates checked
// against the same trust store as mail connections, a few redirects (HTTPS to HTTPS), a size cap
// and a deadline.
import https from 'node:https';
import { isIP } from 'node:net';
import { tlsConnectOptions } from '../../net/tls-options';
import type { HttpGet, HttpResponse } from './types';

export interface HttpGetConfig {
  trustedCa?: readonly string[];
  /**
   * Where to connect instead of the URL's host and port (like curl --connect-to), for tests:
   * the certificate is still checked against the URL's host name.
   */
  connectTo?: (host: string, port: number) => { host: string; port: number } | null;
  maxRedirects?: number;
}

const DEFAULT_MAX_BYTES = 256 * 1024;

export class HttpGetError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'HttpGetError';
  }
}

export function createHttpGet(config: HttpGetConfig = {}): HttpGet {
  const maxRedirects = config.maxRedirects ?? 3;
  return async (url, options) => {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    const signal = AbortSignal.any([options.signal, deadline]);
    let current = url;
    for (let redirects = 0; ; redirects++) {
      const response = await getOnce(current, signal, options.maxBytes ?? DEFAULT_MAX_BYTES, config);
      if (response.location === null) return { status: response.status, body: response.body, url: current };
      if (redirects >= maxRedirects) throw new HttpGetError(`Too many redirects from ${url}`, 'EREDIRECT');
      current = new URL(response.location, current).toString();
    }
  };
}

interface RawResponse extends HttpResponse {
  location: string | null;
}

function getOnce(url: string, signal: AbortSignal, maxBytes: number, config: HttpGetConfig): Promise<RawResponse> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') return Promise.reject(new HttpGetError(`Refusing ${url}: HTTPS only`, 'EPROTOCOL'));
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '');
  const port = Number(parsed.port || 443);
  const target = config.connectTo?.(hostname, port) ?? { host: hostname, port };
  const tls = tlsConnectOptions({ host: hostname, port }, { trustedCa: config.trustedCa });
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        ...tls,
        host: target.host,
        port: target.port,
        // The certificate is checked against the URL's name even when connecting elsewhere.
        ...(isIP(hostname) ? {} : { servername: hostname }),
        path: `${parsed.pathname}${parsed.search}`,
        method: 'GET',
        headers: { host: parsed.host, accept: 'application/xml, text/xml;q=0.9, */*;q=0.1' },
        agent: false,
        signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = status >= 300 && status < 400 ? (response.headers.location ?? null) : null;
        if (location !== null) {
          response.resume();
          resolve({ status, body: '', url, location });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            request.destroy(new HttpGetError(`${url} sent more than ${maxBytes} bytes`, 'ETOOLARGE'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8'), url, location }));
        response.on('error', reject);
      },
    );
    request.on('error', (error) =>
      reject(signal.aborted && !(error instanceof HttpGetError) ? abortReason(signal, url) : error),
    );
    request.end();
  });
}

function abortReason(signal: AbortSignal, url: string): Error {
  const reason = signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError'
    ? new HttpGetError(`${url} did not answer in time`, 'ETIMEDOUT')
    : new HttpGetError('Cancelled', 'ABORT_ERR');
}
