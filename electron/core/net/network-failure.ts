// The one answer to "did this connection fail because of the network, and how?", beside
// tls-failure.ts's answer for TLS. The IMAP loop (retry, "offline"), the TLS classifier (a reset
// mid-handshake is not a TLS failure) and the wizard's connection test (which names the kind)
// each kept a list of these codes, and the lists had drifted apart: a name that did not resolve
// (EAI_NONAME) was "offline" for the TLS classifier, "host not found" for the wizard and a
// server error for IMAP. Each caller still words the outcome for its own situation.
//
// Only codes are read here; a caller that also trusts the words of a message ("timed out") says
// so itself, since what a message may mean differs between the libraries it comes from.

/** How a connection failed on the network: what the wizard tells apart, and all retry alike. */
export type NetworkFailure = 'host-not-found' | 'refused' | 'timeout' | 'dropped';

/**
 * Node's socket and DNS codes, and those of nodemailer and imapflow (including their timeouts,
 * which imapflow words "Maybe should use TLS?" though the server was only slow).
 */
export const NETWORK_CODES: Readonly<Record<string, NetworkFailure>> = {
  ENOTFOUND: 'host-not-found',
  EAI_AGAIN: 'host-not-found',
  EAI_NONAME: 'host-not-found',
  EAI_FAIL: 'host-not-found',
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ETIMEOUT: 'timeout',
  CONNECT_TIMEOUT: 'timeout',
  GREETING_TIMEOUT: 'timeout',
  UPGRADE_TIMEOUT: 'timeout',
  ConnectionTimeout: 'timeout',
  GreetingTimeout: 'timeout',
  ERR_TLS_HANDSHAKE_TIMEOUT: 'timeout',
  ECONNRESET: 'dropped',
  EHOSTUNREACH: 'dropped',
  ENETUNREACH: 'dropped',
  EPIPE: 'dropped',
  NoConnection: 'dropped',
  EConnectionClosed: 'dropped',
  ClosedAfterConnectTLS: 'dropped',
  ClosedAfterConnectText: 'dropped',
};

export function isNetworkCode(code: string): boolean {
  return Object.hasOwn(NETWORK_CODES, code);
}

/**
 * The network failure `error` reports by its code, or null. nodemailer files a socket's error
 * under its own code (ESOCKET) and keeps the socket's as `originalCode`, so both are read.
 */
export function networkFailureOf(error: unknown): NetworkFailure | null {
  if (error === null || typeof error !== 'object') return null;
  const { code, originalCode } = error as { code?: unknown; originalCode?: unknown };
  for (const c of [code, originalCode]) if (typeof c === 'string' && isNetworkCode(c)) return NETWORK_CODES[c] ?? null;
  return null;
}
