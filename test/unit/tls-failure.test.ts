// One TLS-failure classifier for every connection: each known code goes through it, and through
// the IMAP, SMTP and certificate-probe wordings built on it, which must all agree.
import { describe, expect, it } from 'vitest';
import { certificateProblem } from '../../electron/core/accounts/certificate-info';
import { classifyImapError } from '../../electron/core/imap/errors';
import { CERTIFICATE_CODES, classifyTlsFailure } from '../../electron/core/net/tls-failure';
import { SubmitError } from '../../electron/core/smtp/smtp-client';
import { classifySubmitError } from '../../electron/core/smtp/smtp-errors';

/** Every certificate verification code Node reports, and the pin check's, with its problem. */
const certificateCases: [string, string][] = [
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'untrusted-issuer'],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'untrusted-issuer'],
  ['UNABLE_TO_GET_ISSUER_CERT', 'untrusted-issuer'],
  ['CERT_UNTRUSTED', 'untrusted-issuer'],
  ['CERT_CHAIN_TOO_LONG', 'untrusted-issuer'],
  ['INVALID_CA', 'untrusted-issuer'],
  ['CERT_HAS_EXPIRED', 'expired'],
  ['CERT_NOT_YET_VALID', 'not-yet-valid'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'wrong-host'],
  ['HOSTNAME_MISMATCH', 'wrong-host'],
  ['CERT_PIN_MISMATCH', 'pin-mismatch'],
  ['UNABLE_TO_GET_CRL', 'other'],
  ['UNABLE_TO_DECRYPT_CERT_SIGNATURE', 'other'],
  ['UNABLE_TO_DECRYPT_CRL_SIGNATURE', 'other'],
  ['UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY', 'other'],
  ['CERT_SIGNATURE_FAILURE', 'other'],
  ['CRL_SIGNATURE_FAILURE', 'other'],
  ['CRL_NOT_YET_VALID', 'other'],
  ['CRL_HAS_EXPIRED', 'other'],
  ['ERROR_IN_CERT_NOT_BEFORE_FIELD', 'other'],
  ['ERROR_IN_CERT_NOT_AFTER_FIELD', 'other'],
  ['ERROR_IN_CRL_LAST_UPDATE_FIELD', 'other'],
  ['ERROR_IN_CRL_NEXT_UPDATE_FIELD', 'other'],
  ['CERT_REVOKED', 'other'],
  ['PATH_LENGTH_EXCEEDED', 'other'],
  ['INVALID_PURPOSE', 'other'],
  ['CERT_REJECTED', 'other'],
];

/** No secure connection at all: the codes (and marks) the libraries and OpenSSL use. */
const handshakeCases: [string, object][] = [
  ['OpenSSL: TLS spoken to a plain port', { code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'wrong version number' }],
  ['OpenSSL: no common protocol', { code: 'ERR_SSL_UNSUPPORTED_PROTOCOL', message: 'unsupported protocol' }],
  ['OpenSSL: handshake alert', { code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', message: 'handshake failure' }],
  ['nodemailer: STARTTLS failed', { code: 'ETLS', message: 'Error initiating TLS' }],
  [
    'nodemailer: socket error kept as originalCode',
    { code: 'ESOCKET', originalCode: 'ERR_SSL_WRONG_VERSION_NUMBER', message: 'wrong version number' },
  ],
  ['imapflow: STARTTLS required but not offered', { tlsFailed: true, message: 'Server does not support STARTTLS' }],
  ['imapflow: data injected before the handshake', { code: 'STARTTLS_INJECTION', tlsFailed: true, message: 'x' }],
  ['a wrapped error that lost its code', { message: 'SSL routines: packet length too long' }],
];

/** The network's, even where the words mention TLS or a timeout during the handshake. */
const networkCases: [string, unknown][] = [
  ['a reset during the handshake', { code: 'ECONNRESET', message: 'socket disconnected before secure TLS connection' }],
  ['imapflow greeting timeout', { code: 'GREETING_TIMEOUT', message: 'Greeting timeout. Maybe should use TLS?' }],
  ['Node handshake timeout', { code: 'ERR_TLS_HANDSHAKE_TIMEOUT', message: 'TLS handshake timeout' }],
  [
    'nodemailer socket error kept as originalCode',
    { code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED' },
  ],
  ['refused', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:993' }],
  ['a wrong password', { code: 'EAUTH', message: 'Invalid login: 535 5.7.8 Error: authentication failed' }],
  ['not an error object', 'CERT_HAS_EXPIRED'],
];

describe('classifyTlsFailure', () => {
  it('knows exactly the certificate codes this table tests', () => {
    expect(Object.keys(CERTIFICATE_CODES).sort()).toEqual(certificateCases.map(([code]) => code).sort());
  });

  it.each(certificateCases)('%s is a refused certificate (%s), whichever field carries it', (code, problem) => {
    const message = `verification failed (${code.toLowerCase()})`;
    for (const error of [
      Object.assign(new Error(message), { code }),
      Object.assign(new Error(message), { code: 'ESOCKET', originalCode: code }),
    ])
      expect(classifyTlsFailure(error)).toEqual({ kind: 'certificate', problem, code });
  });

  it.each(certificateCases)('%s: IMAP stops, SMTP keeps it failed, the probe names it', (code, problem) => {
    const error = Object.assign(new Error('verification failed'), { code });
    const imap = classifyImapError(error, 'mail.example');
    expect(imap.kind).toBe('tls');
    expect(imap.message).toMatch(/certificate is not trusted/);
    const smtp = classifySubmitError(new SubmitError(error, 'connect'), 'mail.example', 100);
    expect(smtp.kind).toBe('permanent');
    expect(smtp.message).toMatch(/certificate is not trusted/);
    expect(certificateProblem(code)).toBe(problem === 'pin-mismatch' ? 'other' : problem);
  });

  it.each([
    ['self-signed certificate'],
    ['unable to verify the first certificate'],
    ['Hostname/IP does not match certificate altnames'],
  ])('a code-less error saying "%s" is a refused certificate', (message) => {
    expect(classifyTlsFailure(new Error(message))).toEqual({ kind: 'certificate', problem: 'other', code: undefined });
  });

  it.each(handshakeCases)('%s is a failed handshake', (_, error) => {
    expect(classifyTlsFailure(error)?.kind).toBe('handshake');
    expect(classifyImapError(error, 'mail.example').kind).toBe('tls');
    expect(classifySubmitError(new SubmitError(error, 'connect'), 'mail.example', 100).kind).toBe('permanent');
  });

  it.each(networkCases)('%s is no TLS failure', (_, error) => {
    expect(classifyTlsFailure(error)).toBeNull();
    expect(classifyImapError(error, 'mail.example').kind).not.toBe('tls');
  });

  it('a server that answers STARTTLS with 454 is deferring, not failing TLS for good', () => {
    const error = Object.assign(new Error('454 4.7.0 TLS not available'), { code: 'ETLS', responseCode: 454 });
    expect(classifySubmitError(new SubmitError(error, 'connect'), 'mail.example', 100).kind).toBe('transient');
  });
});
