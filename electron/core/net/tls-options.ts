// The trust decisions of every TLS connection (IMAP, SMTP, the account wizard's tests).
//
// The trust store: passing `ca` to Node replaces its default store, so when extra CAs are given
// (a test server's) the system roots and any NODE_EXTRA_CA_CERTS file are added back: trusting
// one more CA never distrusts the rest.
//
// Certificate pins: a certificate the user chose to trust for one host:port (self-signed, or from
// a CA nobody else trusts). The pinned certificate joins the trust store as an anchor of its own
// (allowPartialTrustChain, so a leaf signed by an unknown CA can anchor itself), and
// checkServerIdentity then accepts it only when the server presents exactly that certificate
// (SHA-256 fingerprint). Anything else must pass the normal checks without the pin's help, so a
// pin never lowers the bar for other certificates, and a changed certificate that is not valid
// on its own is refused with CertificatePinMismatchError.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import {
  checkServerIdentity,
  createSecureContext,
  rootCertificates,
  type ConnectionOptions,
  type PeerCertificate,
  type SecureContext,
} from 'node:tls';

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

/** A certificate the user trusted for one server (host and port), by its SHA-256 fingerprint. */
export interface CertificatePin {
  host: string;
  port: number;
  /** Upper-case hex pairs separated by colons, as Node's `fingerprint256`. */
  fingerprint256: string;
  /** The certificate itself (PEM): it becomes the trust anchor for this server only. */
  pem: string;
}

/** The pin for a server, if the user trusted a certificate for it. */
export type PinLookup = (host: string, port: number) => CertificatePin | null;

export interface TlsPolicy {
  trustedCa?: readonly string[];
  pin?: CertificatePin | null;
}

/** Accepts "aa:bb…", "AABB…" or "sha256/AA:BB…" and returns Node's form, "AA:BB:…". */
export function normalizeFingerprint(fingerprint: string): string {
  const hex = fingerprint
    .replace(/^sha-?256[/:=]?/i, '')
    .replace(/[^0-9a-f]/gi, '')
    .toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

export function sameFingerprint(a: string, b: string): boolean {
  const left = normalizeFingerprint(a);
  return left.length > 0 && left === normalizeFingerprint(b);
}

/** The host as pins are stored and looked up: host names are case-insensitive. */
export function pinHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

export function pinKey(host: string, port: number): string {
  return `${pinHost(host)}:${port}`;
}

export class CertificatePinMismatchError extends Error {
  readonly code = 'CERT_PIN_MISMATCH';
  constructor(
    readonly host: string,
    readonly port: number,
    readonly presented: string,
    readonly pinned: string,
  ) {
    super(
      `The certificate of ${host}:${port} changed since you trusted it (now ${presented}, trusted ${pinned}). ` +
        'It was refused: check with your provider before trusting the new one.',
    );
    this.name = 'CertificatePinMismatchError';
  }
}

/** Fingerprints of the certificates the server sent above its own (its chain). */
function chainFingerprints(cert: PeerCertificate): string[] {
  const out: string[] = [];
  const seen = new Set<PeerCertificate>([cert]);
  let current = (cert as Partial<{ issuerCertificate: PeerCertificate }>).issuerCertificate;
  while (current && !seen.has(current)) {
    seen.add(current);
    if (current.fingerprint256) out.push(current.fingerprint256);
    current = (current as Partial<{ issuerCertificate: PeerCertificate }>).issuerCertificate;
  }
  return out;
}

/**
 * The options for tls.connect (or imapflow's and nodemailer's `tls`): SNI, TLS 1.2 or newer,
 * the trust store, and the pin for this server when there is one.
 */
export function tlsConnectOptions(server: { host: string; port: number }, policy: TlsPolicy = {}): ConnectionOptions {
  // SNI takes host names only (RFC 6066); certificate checks still use the host either way.
  const base: ConnectionOptions = {
    ...(isIP(server.host) ? {} : { servername: server.host }),
    minVersion: 'TLSv1.2',
  };
  const ca = trustStore(policy.trustedCa);
  const pin = policy.pin;
  if (!pin) return { ...base, ...(ca ? { ca } : {}) };
  const anchors = ca ?? [...rootCertificates, ...nodeExtraCaCerts()];
  return {
    ...base,
    ca: [...anchors, pin.pem],
    allowPartialTrustChain: true,
    checkServerIdentity: (hostname, cert) => {
      // The pinned certificate itself: the user vouched for it for this server, names and all.
      if (sameFingerprint(cert.fingerprint256, pin.fingerprint256)) return undefined;
      // Another certificate that only verified because the pin anchored its chain: refused.
      if (chainFingerprints(cert).some((fp) => sameFingerprint(fp, pin.fingerprint256)))
        return new CertificatePinMismatchError(server.host, server.port, cert.fingerprint256, pin.fingerprint256);
      // A certificate valid on its own (e.g. the server moved to a public CA): the normal check.
      return checkServerIdentity(hostname, cert);
    },
  };
}

/** Secure contexts by the trust store they hold: a few per app (the system's, one per pin). */
const sharedContexts = new Map<string, SecureContext>();
const MAX_SHARED_CONTEXTS = 16;

/**
 * The same options with a secure context shared by every connection with the same trust store.
 * A `ca` list makes tls.connect build a context of its own, parsing the ~140 system roots again
 * (30–120 ms of CPU per connection); one context per trust policy is built once instead. Options
 * without `ca` already share Node's default context and come back as they are.
 */
export function withSharedSecureContext(options: ConnectionOptions): ConnectionOptions {
  if (!options.ca || options.secureContext) return options;
  const ca = Array.isArray(options.ca) ? options.ca : [options.ca];
  const hash = createHash('sha256');
  for (const cert of ca) hash.update(typeof cert === 'string' ? cert : Buffer.from(cert)).update('\0');
  const key = `${hash.digest('hex')} ${options.minVersion ?? ''} ${options.allowPartialTrustChain === true}`;
  let context = sharedContexts.get(key);
  if (!context) {
    try {
      context = createSecureContext({
        ca: options.ca,
        ...(options.minVersion ? { minVersion: options.minVersion } : {}),
        ...(options.allowPartialTrustChain ? { allowPartialTrustChain: true } : {}),
      });
    } catch {
      // A certificate Node cannot read: tls.connect reports it, as it did before.
      return options;
    }
    if (sharedContexts.size >= MAX_SHARED_CONTEXTS) sharedContexts.clear();
    sharedContexts.set(key, context);
  }
  return { ...options, secureContext: context };
}
