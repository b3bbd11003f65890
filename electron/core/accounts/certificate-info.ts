// What a person needs to decide about a certificate (who it names, who signed it, when it is
// valid, its SHA-256 fingerprint, what is wrong with it), read from Node's PeerCertificate.
import type { PeerCertificate } from 'node:tls';
import type { CertificateInfo, CertificateProblem } from '../../../shared/discovery';
import { certificateProblemOf } from '../net/tls-failure';

/** Node types it as a dictionary of string | string[]: a field that repeats comes as an array. */
type NameFields = PeerCertificate['subject'];

const NAME_ORDER = ['CN', 'OU', 'O', 'L', 'ST', 'C', 'emailAddress'];

/** "CN=mail.example.com, O=Example" from Node's name object (values may repeat as arrays). */
export function formatDistinguishedName(name: NameFields | undefined): string {
  if (!name) return '';
  const keys = Object.keys(name).sort((a, b) => rank(a) - rank(b));
  const parts: string[] = [];
  for (const key of keys) {
    const value = name[key];
    for (const v of Array.isArray(value) ? value : value !== undefined ? [value] : []) parts.push(`${key}=${v}`);
  }
  return parts.join(', ');
}

function rank(key: string): number {
  const index = NAME_ORDER.indexOf(key);
  return index < 0 ? NAME_ORDER.length : index;
}

/** "DNS:a.example, IP Address:127.0.0.1" → ["a.example", "127.0.0.1"] */
export function altNames(subjectaltname: string | undefined): string[] {
  if (!subjectaltname) return [];
  return subjectaltname
    .split(/,\s*/)
    .map((entry) => entry.replace(/^(DNS|IP Address):/i, '').trim())
    .filter(Boolean);
}

/** The certificate as PEM, from its DER bytes. */
export function toPem(raw: Buffer): string {
  const lines = raw.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** What is wrong, from Node's authorizationError (or a hostname check's code). */
export function certificateProblem(code: string | undefined): CertificateProblem {
  if (!code) return 'other';
  const problem = certificateProblemOf(code);
  // The probe checks no pin, so it never sees a pin mismatch; the contract has no name for one.
  return problem === 'pin-mismatch' ? 'other' : problem;
}

export function describeCertificate(cert: PeerCertificate, problem: CertificateProblem): CertificateInfo {
  return {
    subject: formatDistinguishedName(cert.subject),
    issuer: formatDistinguishedName(cert.issuer),
    validFrom: Date.parse(cert.valid_from),
    validTo: Date.parse(cert.valid_to),
    fingerprint256: cert.fingerprint256,
    altNames: altNames(cert.subjectaltname),
    problem,
  };
}
