// What a server's refusal of a replayed action means. A queued delete or move that is dropped is
// silently undone for the user, so only an answer that cannot change by waiting drops it
// (RFC 5530 codes): the mailbox or message is gone (NONEXISTENT), the server can never do it
// (CANNOT), the folder name is taken (ALREADYEXISTS), or the target folder is missing and creating it did not help (TRYCREATE twice).
// A busy, locked or rate-limited server (UNAVAILABLE, INUSE, LIMIT) and a lost connection only
// make the action wait.
import { classifyImapError, isMissingMailbox } from '../errors';

export type ReplayFailureKind =
  /** The connection broke: the whole replay waits for the next connection. */
  | 'network'
  /** The server cannot do it now: retried with backoff, never dropped. */
  | 'transient'
  /** The target folder does not exist: create it, then try once more. */
  | 'try-create'
  /** It will never apply: dropped at once, and the user is told. */
  | 'definitive'
  /** A refusal without a code we know: retried with backoff, given up after many tries. */
  | 'unknown';

// ALREADYEXISTS: a folder created or renamed to a name the server has taken meanwhile.
const DEFINITIVE = new Set(['NONEXISTENT', 'CANNOT', 'ALREADYEXISTS']);
const TRANSIENT = new Set(['UNAVAILABLE', 'INUSE', 'LIMIT', 'OVERQUOTA', 'SERVERBUG', 'CONTACTADMIN']);

interface RefusalLike {
  serverResponseCode?: string;
  responseText?: string;
  response?: string;
}

/** The bracketed response code of a tagged NO/BAD, from imapflow's field or the text itself. */
export function responseCodeOf(error: unknown): string | null {
  const e = (error ?? {}) as RefusalLike;
  if (e.serverResponseCode) return e.serverResponseCode.toUpperCase();
  const match = /\[([A-Z-]+)[\]\s]/i.exec(e.responseText ?? e.response ?? '');
  return match ? match[1]!.toUpperCase() : null;
}

export function classifyReplayFailure(error: unknown, host: string): ReplayFailureKind {
  if (classifyImapError(error, host).kind === 'network') return 'network';
  const code = responseCodeOf(error);
  if (code === 'TRYCREATE') return 'try-create';
  if (code && DEFINITIVE.has(code)) return 'definitive';
  if (code && TRANSIENT.has(code)) return 'transient';
  if (isMissingMailbox(error)) return 'definitive';
  return 'unknown';
}
