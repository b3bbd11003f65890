// What a failed submission means: the server's own words for refusals, retries for the rest.
import { describe, expect, it } from 'vitest';
import { SubmitError } from '../../electron/core/smtp/smtp-client';
import { classifySubmitError } from '../../electron/core/smtp/smtp-errors';
import { InsecureServerError, smtpConnectionOptions } from '../../electron/core/smtp/smtp-options';

const smtpError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('classifying submission failures', () => {
  it('a 5xx is permanent and keeps the server text', () => {
    const response = '550 5.1.1 <x@elsewhere.invalid>: Recipient address rejected: User unknown';
    const failure = classifySubmitError(
      new SubmitError(
        smtpError({ code: 'EENVELOPE', responseCode: 550, response, rejectedErrors: [{ response }] }),
        'transaction',
      ),
      'smtp.example.test',
      100,
    );
    expect(failure.kind).toBe('permanent');
    expect(failure.message).toContain(response);
  });

  it('every recipient refused: each is named with its own answer, for the outbox list', () => {
    const one = '550 5.1.1 <a@x.example>: Recipient address rejected: User unknown';
    const two = '554 5.7.1 <b@y.example>: Relay access denied';
    const failure = classifySubmitError(
      new SubmitError(
        smtpError({
          code: 'EENVELOPE',
          responseCode: 554,
          response: two,
          rejectedErrors: [
            { recipient: 'a@x.example', response: one },
            { recipient: 'b@y.example', response: `${two}\r\n` },
          ],
        }),
        'transaction',
      ),
      'smtp.example.test',
      100,
    );
    expect(failure.refused).toEqual([
      { address: 'a@x.example', response: one },
      { address: 'b@y.example', response: two },
    ]);
    // a refusal of the whole message (no recipient named) lists nobody
    const whole = classifySubmitError(
      new SubmitError(smtpError({ responseCode: 552, response: '552 5.3.4 Message too big' }), 'transaction'),
      'smtp.example.test',
      100,
    );
    expect(whole.refused).toBeUndefined();
  });

  it('a 4xx is retried', () => {
    const failure = classifySubmitError(
      new SubmitError(
        smtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 4.3.0 Try later' }),
        'transaction',
      ),
      'smtp.example.test',
      100,
    );
    expect(failure).toMatchObject({ kind: 'transient', serverDeferred: true });
    expect(failure.message).toContain('451 4.3.0 Try later');
  });

  it('a refused password or an untrusted certificate waits for the user', () => {
    expect(
      classifySubmitError(
        new SubmitError(
          smtpError({ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Error: authentication failed' }),
          'connect',
        ),
        'h',
        1,
      ),
    ).toMatchObject({ kind: 'permanent' });
    expect(
      classifySubmitError(
        new SubmitError(
          smtpError({
            code: 'ESOCKET',
            originalCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
            message: 'unable to verify the first certificate',
          }),
          'connect',
        ),
        'h',
        1,
      ).kind,
    ).toBe('permanent');
  });

  it('a network failure before the transaction is retried; inside it the outcome is unknown', () => {
    const drop = smtpError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' });
    expect(classifySubmitError(new SubmitError(drop, 'connect'), 'h', 1).kind).toBe('transient');
    expect(classifySubmitError(new SubmitError(drop, 'transaction'), 'h', 1).kind).toBe('unknown-outcome');
  });

  it('an oversized message says how large it is and what the server takes', () => {
    const failure = classifySubmitError(
      new SubmitError(
        smtpError({ code: 'EMESSAGE', message: 'Message size larger than allowed 10485760' }),
        'transaction',
      ),
      'h',
      30 * 1024 * 1024,
    );
    expect(failure.kind).toBe('permanent');
    expect(failure.message).toMatch(/30 MB.*10 MB/);
  });
});

describe('connection security', () => {
  it('implicit TLS, mandatory STARTTLS, the trust store, and no cleartext password off loopback', () => {
    const tls = smtpConnectionOptions({ host: 'smtp.example.com', port: 465, security: 'tls' }, { trustedCa: ['PEM'] });
    expect(tls).toMatchObject({ secure: true, tls: { servername: 'smtp.example.com', minVersion: 'TLSv1.2' } });
    expect((tls.tls as { ca: string[] }).ca).toContain('PEM');
    expect(JSON.stringify(tls)).not.toMatch(/rejectUnauthorized/);
    expect(smtpConnectionOptions({ host: 'smtp.example.com', port: 587, security: 'starttls' })).toMatchObject({
      secure: false,
      requireTLS: true,
    });
    expect(smtpConnectionOptions({ host: '127.0.0.1', port: 25, security: 'plain' })).toMatchObject({ secure: false });
    expect(() => smtpConnectionOptions({ host: 'smtp.example.com', port: 25, security: 'plain' })).toThrow(
      InsecureServerError,
    );
    expect(smtpConnectionOptions({ host: 'smtp.example.com', port: 465, security: 'tls' }).name).toBe('[127.0.0.1]');
  });

  it('follows the account: a confirmed cleartext login, and the certificate pinned for this server', () => {
    const plain = { host: 'smtp.example.com', port: 25, security: 'plain' as const };
    expect(smtpConnectionOptions(plain, { allowPlaintext: true })).toMatchObject({ secure: false, ignoreTLS: true });
    const pin = { host: 'smtp.example.com', port: 465, pem: 'PINNED-PEM', fingerprint256: 'AA:BB' };
    const pinned = smtpConnectionOptions(
      { host: 'smtp.example.com', port: 465, security: 'tls' },
      { pins: (host, port) => (host === 'smtp.example.com' && port === 465 ? pin : null) },
    );
    expect((pinned.tls as { ca: string[] }).ca).toContain('PINNED-PEM');
    expect(typeof (pinned.tls as { checkServerIdentity?: unknown }).checkServerIdentity).toBe('function');
    const other = smtpConnectionOptions(
      { host: 'smtp.example.com', port: 587, security: 'starttls' },
      { pins: (host, port) => (port === 465 ? pin : null) },
    );
    expect(JSON.stringify(other.tls)).not.toContain('PINNED-PEM');
  });
});
