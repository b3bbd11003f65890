// The one answer to "did this connection fail because of TLS, and how?", for every connection the
// engine makes: IMAP (the connection loop, queued actions), SMTP (the outbox), the wizard's
// connection test and its certificate probe. Each of them used to keep its own list of codes,
// and the lists disagreed, so the same refused certificate stopped IMAP but only delayed SMTP.
// The callers still word the outcome for their own situation; what happened is decided here.
//
// Two kinds, because they call for different advice:
//   certificate  the handshake completed but the certificate was refused (untrusted, expired,
//                for another host, not the pinned one): only trusting it, or the server
//                fixing it, helps; retrying never does.
//   handshake    no secure connection at all (TLS spoken to a plain port, no common protocol
//                version, STARTTLS refused or not offered): usually the port or the security
//                setting is wrong.
// A connection that dropped or timed out during the handshake is the network's, not TLS's: it is
// not classified here, so it is retried like any other network failure.
import type { CertificateProblem } from '../../../shared/discovery';
import { isNetworkCode } from './network-failure';

/** What is wrong with a refused certificate: the contract's problems, plus a broken pin. */
export type CertificateRefusal = CertificateProblem | 'pin-mismatch';

export type TlsFailure =
  | { kind: 'certificate'; problem: CertificateRefusal; code: string | undefined }
  | { kind: 'handshake'; code: string | undefined };

/**
 * Every certificate verification code Node reports (OpenSSL's X509_V_ERR_* names, the
 * host-name check's ERR_TLS_CERT_ALTNAME_INVALID) and the pin check's own, with the problem it
 * means. OUT_OF_MEM, also among OpenSSL's verification codes, says nothing about a certificate.
 */
export const CERTIFICATE_CODES: Readonly<Record<string, CertificateRefusal>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'untrusted-issuer',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'untrusted-issuer',
  UNABLE_TO_GET_ISSUER_CERT: 'untrusted-issuer',
  CERT_UNTRUSTED: 'untrusted-issuer',
  CERT_CHAIN_TOO_LONG: 'untrusted-issuer',
  INVALID_CA: 'untrusted-issuer',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not-yet-valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'wrong-host',
  HOSTNAME_MISMATCH: 'wrong-host',
  CERT_PIN_MISMATCH: 'pin-mismatch',
  UNABLE_TO_GET_CRL: 'other',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'other',
  UNABLE_TO_DECRYPT_CRL_SIGNATURE: 'other',
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'other',
  CERT_SIGNATURE_FAILURE: 'other',
  CRL_SIGNATURE_FAILURE: 'other',
  CRL_NOT_YET_VALID: 'other',
  CRL_HAS_EXPIRED: 'other',
  ERROR_IN_CERT_NOT_BEFORE_FIELD: 'other',
  ERROR_IN_CERT_NOT_AFTER_FIELD: 'other',
  ERROR_IN_CRL_LAST_UPDATE_FIELD: 'other',
  ERROR_IN_CRL_NEXT_UPDATE_FIELD: 'other',
  CERT_REVOKED: 'other',
  PATH_LENGTH_EXCEEDED: 'other',
  INVALID_PURPOSE: 'other',
  CERT_REJECTED: 'other',
};

/** nodemailer's STARTTLS failure; imapflow marks its own with `tlsFailed` instead. */
const HANDSHAKE_CODES: ReadonlySet<string> = new Set(['ETLS', 'STARTTLS_INJECTION']);

/** For errors that lost their code on the way (wrapped by a library): Node's and OpenSSL's words. */
const CERTIFICATE_TEXT = /certificate|self[- ]signed|unable to verify|CERT_/i;
const HANDSHAKE_TEXT = /SSL|TLS|wrong version/i;

interface ErrorLike {
  code?: unknown;
  /** nodemailer keeps the socket's code here when it files the error under its own (ESOCKET). */
  originalCode?: unknown;
  message?: unknown;
  tlsFailed?: unknown;
}

/** The problem a certificate verification code names: 'other' for a code not in the table. */
export function certificateProblemOf(code: string): CertificateRefusal {
  return CERTIFICATE_CODES[code] ?? 'other';
}

/** Whether, and how, `error` is a TLS failure; null for anything else (network, auth, protocol). */
export function classifyTlsFailure(error: unknown): TlsFailure | null {
  if (error === null || typeof error !== 'object') return null;
  const e = error as ErrorLike;
  const codes = [e.code, e.originalCode].filter((c): c is string => typeof c === 'string' && c !== '');
  const message = typeof e.message === 'string' ? e.message : '';
  const certificateCode = codes.find((c) => Object.hasOwn(CERTIFICATE_CODES, c));
  if (certificateCode)
    return { kind: 'certificate', problem: certificateProblemOf(certificateCode), code: certificateCode };
  // A connection that broke or timed out, whatever the message says: imapflow's greeting timeout,
  // for one, suggests "Maybe should use TLS?", and a reset mid-handshake names TLS too.
  if (codes.some(isNetworkCode)) return null;
  if (CERTIFICATE_TEXT.test(message)) return { kind: 'certificate', problem: 'other', code: codes[0] };
  if (
    e.tlsFailed === true ||
    codes.some((c) => HANDSHAKE_CODES.has(c) || c.startsWith('ERR_SSL_') || c.startsWith('ERR_TLS_')) ||
    HANDSHAKE_TEXT.test(`${codes.join(' ')} ${message}`)
  )
    return { kind: 'handshake', code: codes[0] };
  return null;
}
