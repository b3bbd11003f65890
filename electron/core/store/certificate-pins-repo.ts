// The certificate_pins table: one trusted certificate per server (host, port). The callers
// (accounts/cert-pins.ts) normalize host names and fingerprints; this file only stores them.
import type { Db } from './database';

export interface PinRow {
  host: string;
  port: number;
  fingerprint256: string;
  pem: string;
}

/** What is kept besides the pin itself, so the settings can show what was trusted. */
export interface PinDetails {
  subject: string;
  issuer: string;
  /** ms since the epoch, 0 when unknown. */
  validTo: number;
}

export class CertificatePinsRepo {
  constructor(private readonly db: Db) {}

  get(host: string, port: number): PinRow | null {
    const row = this.db
      .prepare('SELECT host, port, fingerprint256, pem FROM certificate_pins WHERE host = ? AND port = ?')
      .get(host, port) as PinRow | undefined;
    return row ? { host: row.host, port: row.port, fingerprint256: row.fingerprint256, pem: row.pem } : null;
  }

  /** Stores the pin, replacing an earlier one of the same server. */
  put(pin: PinRow, details: PinDetails): void {
    this.db
      .prepare(
        `INSERT INTO certificate_pins (host, port, fingerprint256, pem, subject, issuer, valid_to, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (host, port) DO UPDATE SET fingerprint256 = excluded.fingerprint256, pem = excluded.pem,
           subject = excluded.subject, issuer = excluded.issuer, valid_to = excluded.valid_to,
           created_at = excluded.created_at`,
      )
      .run(
        pin.host,
        pin.port,
        pin.fingerprint256,
        pin.pem,
        details.subject,
        details.issuer,
        details.validTo,
        Date.now(),
      );
  }

  remove(host: string, port: number): boolean {
    return this.db.prepare('DELETE FROM certificate_pins WHERE host = ? AND port = ?').run(host, port).changes > 0;
  }
}
