// Sorts connection failures into what the account does next: a wrong password stops (retrying
// it locks accounts out), a certificate problem stops (it will not fix itself), a network
// problem keeps retrying. Each carries a sentence a person can act on. What counts as a TLS
// failure is net/tls-failure.ts's to say, and a network failure net/network-failure.ts's, for
// IMAP, SMTP and the connection test alike.
import { networkFailureOf } from '../net/network-failure';
import { classifyTlsFailure } from '../net/tls-failure';

export type FailureKind = 'auth' | 'tls' | 'network' | 'protocol';

export interface ClassifiedFailure {
  kind: FailureKind;
  message: string;
}

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
  if (networkFailureOf(error)) return { kind: 'network', message: `Cannot reach ${host} (${code}). Retrying.` };
  if (e.authenticationFailed || e.serverResponseCode === 'AUTHENTICATIONFAILED' || code === 'AUTHENTICATIONFAILED') {
    return {
      kind: 'auth',
      message: `${host} refused the user name or password${e.responseText ? ` (${e.responseText})` : ''}. Enter the password again.`,
    };
  }
  const tls = classifyTlsFailure(error);
  if (tls) {
    const advice =
      tls.kind === 'certificate'
        ? "The server's certificate is not trusted."
        : 'Check the port and the security setting.';
    return { kind: 'tls', message: `The secure connection to ${host} failed: ${e.message ?? code}. ${advice}` };
  }
  if (/timeout|closed|ECONN|socket/i.test(e.message ?? '')) {
    return { kind: 'network', message: `Cannot reach ${host} (${code || e.message}). Retrying.` };
  }
  return { kind: 'protocol', message: `${host}: ${e.responseText ?? e.message ?? 'unknown error'}` };
}

/**
 * The server says the mailbox does not exist (RFC 5530 NONEXISTENT): it was deleted or renamed.
 * imapflow flags it as `mailboxMissing` when its LIST found no such mailbox before the SELECT,
 * which is the only sign when the server's NO carries no response code.
 */
export function isMissingMailbox(error: unknown): boolean {
  const e = (error ?? {}) as ErrorLike & { mailboxMissing?: boolean };
  return (
    e.mailboxMissing === true || e.serverResponseCode === 'NONEXISTENT' || /\[NONEXISTENT\]/.test(e.responseText ?? '')
  );
}
