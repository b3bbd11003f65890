// One list of network failure codes for every connection: the IMAP loop retries each of them as
// "offline", the TLS classifier never calls one a TLS failure, and the connection test names its
// kind. The three used to keep lists of their own that disagreed (EAI_NONAME was a server error
// for IMAP, UPGRADE_TIMEOUT too).
import { describe, expect, it } from 'vitest';
import { classifyImapError } from '../../electron/core/imap/errors';
import { NETWORK_CODES, networkFailureOf } from '../../electron/core/net/network-failure';
import { classifyTlsFailure } from '../../electron/core/net/tls-failure';

const cases: [string, string][] = [
  ['ENOTFOUND', 'host-not-found'],
  ['EAI_AGAIN', 'host-not-found'],
  ['EAI_NONAME', 'host-not-found'],
  ['EAI_FAIL', 'host-not-found'],
  ['ECONNREFUSED', 'refused'],
  ['ETIMEDOUT', 'timeout'],
  ['ETIMEOUT', 'timeout'],
  ['CONNECT_TIMEOUT', 'timeout'],
  ['GREETING_TIMEOUT', 'timeout'],
  ['UPGRADE_TIMEOUT', 'timeout'],
  ['ConnectionTimeout', 'timeout'],
  ['GreetingTimeout', 'timeout'],
  ['ERR_TLS_HANDSHAKE_TIMEOUT', 'timeout'],
  ['ECONNRESET', 'dropped'],
  ['EHOSTUNREACH', 'dropped'],
  ['ENETUNREACH', 'dropped'],
  ['EPIPE', 'dropped'],
  ['NoConnection', 'dropped'],
  ['EConnectionClosed', 'dropped'],
  ['ClosedAfterConnectTLS', 'dropped'],
  ['ClosedAfterConnectText', 'dropped'],
];

/** Words that name nothing, so only the code can decide (no "timeout", "closed" or "socket"). */
const failed = (fields: object) => Object.assign(new Error('the connection failed'), fields);

describe('networkFailureOf', () => {
  it('knows exactly the codes this table tests', () => {
    expect(Object.keys(NETWORK_CODES).sort()).toEqual(cases.map(([code]) => code).sort());
  });

  it.each(cases)('%s is a network failure (%s), whichever field carries it', (code, kind) => {
    expect(networkFailureOf(failed({ code }))).toBe(kind);
    expect(networkFailureOf(failed({ code: 'ESOCKET', originalCode: code }))).toBe(kind);
  });

  it.each(cases)('%s: IMAP retries it as offline and TLS does not claim it', (code) => {
    const error = failed({ code });
    expect(classifyImapError(error, 'mail.example')).toEqual({
      kind: 'network',
      message: `Cannot reach mail.example (${code}). Retrying.`,
    });
    expect(classifyTlsFailure(error)).toBeNull();
  });

  it.each([
    ['a server error', failed({ code: 'EPROTOCOL' })],
    ['an inherited name', failed({ code: 'constructor' })],
    ['no code', new Error('connect ECONNREFUSED')],
    ['not an error object', 'ECONNREFUSED'],
    ['nothing', null],
  ])('%s is none', (_, error) => {
    expect(networkFailureOf(error)).toBeNull();
  });
});
