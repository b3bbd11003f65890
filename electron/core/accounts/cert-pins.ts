// Certificates the user trusted, one per server (host:port), and the certificates the engine
// saw recently during connection tests. A pin is only ever made from a certificate the engine
// received itself: the UI names a fingerprint, never hands in a certificate.
import type { CertificateInfo } from '../../../shared/discovery';
import { normalizeFingerprint, pinHost, pinKey, sameFingerprint, type CertificatePin } from '../net/tls-options';
import { CertificatePinsRepo } from '../store/certificate-pins-repo';
import type { Db } from '../store/database';

export interface SeenCertificate {
  host: string;
  port: number;
  pem: string;
  info: CertificateInfo;
}

export class CertificatePins {
  private readonly repo: CertificatePinsRepo;

  constructor(db: Db) {
    this.repo = new CertificatePinsRepo(db);
  }

  get(host: string, port: number): CertificatePin | null {
    return this.repo.get(pinHost(host), port);
  }

  /** For createImapClient and the SMTP options: `pins: pins.lookup`. */
  readonly lookup = (host: string, port: number): CertificatePin | null => this.get(host, port);

  /** Trusts `seen` for its server, replacing an earlier pin of the same server. */
  pin(seen: SeenCertificate): CertificatePin {
    const pin = {
      host: pinHost(seen.host),
      port: seen.port,
      fingerprint256: normalizeFingerprint(seen.info.fingerprint256),
      pem: seen.pem,
    };
    this.repo.put(pin, {
      subject: seen.info.subject,
      issuer: seen.info.issuer,
      validTo: Number.isFinite(seen.info.validTo) ? seen.info.validTo : 0,
    });
    return pin;
  }

  remove(host: string, port: number): boolean {
    return this.repo.remove(pinHost(host), port);
  }
}

/**
 * Certificates shown to the user by recent connection tests, so "trust" pins exactly what the
 * user looked at. Small and short-lived: a trust decision follows a test within minutes.
 */
export class SeenCertificates {
  private readonly entries = new Map<string, SeenCertificate & { at: number }>();

  constructor(
    private readonly maxEntries = 32,
    private readonly maxAgeMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(seen: SeenCertificate): void {
    const key = `${pinKey(seen.host, seen.port)}/${normalizeFingerprint(seen.info.fingerprint256)}`;
    this.entries.delete(key);
    this.entries.set(key, { ...seen, at: this.now() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  find(host: string, port: number, fingerprint256: string): SeenCertificate | null {
    const key = `${pinKey(host, port)}/${normalizeFingerprint(fingerprint256)}`;
    const entry = this.entries.get(key);
    if (!entry || this.now() - entry.at > this.maxAgeMs) return null;
    return sameFingerprint(entry.info.fingerprint256, fingerprint256) ? entry : null;
  }
}
