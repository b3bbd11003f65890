// What a failed submission means for the outbox, with a sentence a person can act on. The
// server's own words are kept verbatim ("550 5.1.1 <x@y>: Recipient address rejected: ..."):
// they are what a provider's help page or an administrator will ask for.
import type { RejectedRecipient } from '../../../shared/compose';
import { classifyTlsFailure } from '../net/tls-failure';
import { InsecureServerError } from './smtp-options';
import { SubmitError, type SubmitPhase } from './smtp-client';

/**
 * permanent: the server refused for good (5xx), or something only the user can fix (password,
 * certificate): kept as failed. transient: try again later (4xx, network before the transaction).
 * unknown-outcome: the connection broke inside the transaction: the server may have the message.
 */
export type SubmitFailureKind = 'permanent' | 'transient' | 'unknown-outcome';

export interface SubmitFailure {
  kind: SubmitFailureKind;
  message: string;
  /** A 4xx answer: the server is there and deferring; retried, but not forever. */
  serverDeferred: boolean;
  /** The server refused the user name or password: the account waits for a new one. */
  passwordRefused?: boolean;
  /**
   * Each recipient the server refused at RCPT TO, with its own answer: what the outbox lists
   * under "Refused recipients" when every one of them was refused and nothing was sent.
   */
  refused?: RejectedRecipient[];
}

interface SmtpErrorLike {
  message?: string;
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
  rejectedErrors?: { recipient?: string; response?: string }[];
}

/** Every distinct server answer of the failure, e.g. one per refused recipient. */
function serverWords(e: SmtpErrorLike): string {
  const answers = (e.rejectedErrors ?? []).map((r) => r.response).filter((r): r is string => !!r);
  const all = answers.length ? answers : e.response ? [e.response] : [];
  return [...new Set(all.map((a) => a.trim()))].join('; ');
}

function refusedRecipients(e: SmtpErrorLike): RejectedRecipient[] {
  return (e.rejectedErrors ?? []).flatMap((r) =>
    r.recipient && r.response ? [{ address: r.recipient, response: r.response.trim() }] : [],
  );
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

export function classifySubmitError(error: unknown, host: string, messageBytes: number): SubmitFailure {
  const phase: SubmitPhase = error instanceof SubmitError ? error.phase : 'connect';
  const cause = error instanceof SubmitError ? error.cause : error;
  const e = (cause ?? {}) as SmtpErrorLike;
  const text = e.message ?? String(cause);
  const permanent = (message: string): SubmitFailure => ({ kind: 'permanent', message, serverDeferred: false });

  if (cause instanceof InsecureServerError) return permanent(cause.message);
  if (e.code === 'EAUTH' && (e.responseCode === undefined || e.responseCode >= 500))
    return {
      ...permanent(
        `${host} refused the user name or password${e.response ? ` (${e.response})` : ''}. Enter the password again.`,
      ),
      passwordRefused: true,
    };
  const tls = classifyTlsFailure(cause);
  if (tls?.kind === 'certificate')
    return permanent(`The secure connection to ${host} failed: ${text}. The server's certificate is not trusted.`);
  if (e.code === 'ETLS' && !e.responseCode)
    return permanent(
      `${host} did not set up an encrypted connection (STARTTLS), so nothing was sent. Use port 465 with TLS, or ask the provider.`,
    );
  // No secure connection at all (TLS to a plain port, no common version): as for IMAP, retrying
  // will not fix the port or the security setting. A server's 4xx or 5xx answer is judged below.
  if (tls?.kind === 'handshake' && e.responseCode === undefined)
    return permanent(
      `No secure connection to ${host} (${e.originalCode ?? e.code ?? text}), so nothing was sent. Check the port and the security setting.`,
    );
  if (e.responseCode !== undefined && e.responseCode >= 500) {
    const refused = refusedRecipients(e);
    return {
      ...permanent(`${host} refused the message: ${serverWords(e) || text}`),
      ...(refused.length ? { refused } : {}),
    };
  }
  if (e.responseCode !== undefined && e.responseCode >= 400)
    return {
      kind: 'transient',
      message: `${host} deferred the message: ${serverWords(e) || text}`,
      serverDeferred: true,
    };
  if (e.code === 'EMESSAGE' && /size/i.test(text)) {
    const limit = /(\d+)\s*$/.exec(text)?.[1];
    return permanent(
      `The message is ${megabytes(messageBytes)}${limit ? `, more than the ${megabytes(Number(limit))} ${host} accepts` : ', too large for ' + host}. Remove or shrink an attachment.`,
    );
  }
  if (e.code === 'EENVELOPE') return permanent(`${host} cannot send this: ${text}`);
  if (phase === 'transaction')
    return {
      kind: 'unknown-outcome',
      message: `The connection to ${host} broke while the message was being handed over (${e.code ?? text}).`,
      serverDeferred: false,
    };
  return {
    kind: 'transient',
    message: `Cannot reach ${host} (${e.code ? `${e.code}: ` : ''}${text}). Retrying.`,
    serverDeferred: false,
  };
}
