// The trust store for a connection. Passing `ca` to Node replaces its default store, so when
// extra CAs are given (a test server's, later a pinned certificate) the system roots and any
// NODE_EXTRA_CA_CERTS file are added back: trusting one more CA never distrusts the rest.
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';

let extraFromEnv: string[] | null = null;

function nodeExtraCaCerts(): string[] {
  if (extraFromEnv) return extraFromEnv;
  const file = process.env.NODE_EXTRA_CA_CERTS;
  extraFromEnv = [];
  if (file) {
    try {
      extraFromEnv = [readFileSync(file, 'utf8')];
    } catch {
      // Node itself warns about an unreadable file; the system roots still apply.
    }
  }
  return extraFromEnv;
}

export function trustStore(trustedCa: readonly string[] | undefined): string[] | undefined {
  if (!trustedCa || trustedCa.length === 0) return undefined; // Node's default store
  return [...rootCertificates, ...nodeExtraCaCerts(), ...trustedCa];
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}
