// Sorts connection failures into what the account does next: a wrong password stops (retrying
// it locks accounts out), a certificate problem stops (it will not fix itself), a network
// problem keeps retrying. Each carries a sentence a person can act on.

export type FailureKind = 'auth' | 'tls' | 'network' | 'protocol';

export interface ClassifiedFailure {
  kind: FailureKind;
  message: string;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'CERT_UNTRUSTED',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'NoConnection',
  'ConnectionTimeout',
  'GreetingTimeout',
  'ETIMEOUT',
  'EConnectionClosed',
  'ClosedAfterConnectTLS',
  'ClosedAfterConnectText',
  // imapflow 2.10 says "...Maybe should use TLS?" here: a slow server, not a certificate problem
  'GREETING_TIMEOUT',
  'CONNECT_TIMEOUT',
]);

interface ErrorLike {
  message?: string;
  code?: string;
  authenticationFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
}

export function classifyImapError(error: unknown, host: string): ClassifiedFailure {
  const e = (error ?? {}) as ErrorLike;
  const code = e.code ?? '';
  if (code === 'PASSWORD_NEEDED') return { kind: 'auth', message: e.message ?? 'Enter the password for this session.' };
  if (NETWORK_CODES.has(code)) return { kind: 'network', message: `Cannot reach ${host} (${code}). Retrying.` };
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED' || code === 'AUTHENTICATIONFAILED') {
    return {
      kind: 'auth',
      message: `${host} refused the user name or password${e.responseText ? ` (${e.responseText})` : ''}. Enter the password again.`,
    };
  }
  if (TLS_CODES.has(code) || /certificate|self.signed|TLS|SSL/i.test(e.message ?? '')) {
    return {
      kind: 'tls',
      message: `The secure connection to ${host} failed: ${e.message ?? code}. The server's certificate is not trusted.`,
    };
  }
  if (NETWORK_CODES.has(code) || /timeout|closed|ECONN|socket/i.test(e.message ?? '')) {
    return { kind: 'network', message: `Cannot reach ${host} (${code || e.message}). Retrying.` };
  }
  return { kind: 'protocol', message: `${host}: ${e.responseText ?? e.message ?? 'unknown error'}` };
}
