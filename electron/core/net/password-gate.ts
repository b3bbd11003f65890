// One refused password stops every protocol of its account, once. A provider counts each refused
// login (many lock the account after a few), and IMAP and SMTP share the password: after either
// server refused it, no connection of that account may try it again until the user enters a new
// one. Every login of the engine asks for the password through check(), so this is the one place
// that decides.
import type { AccountId } from '../../../shared/domain';

export interface PasswordRefusal {
  protocol: 'imap' | 'smtp' | 'pop3';
  host: string;
  /** The engine's sentence for the status bar's detail (English). */
  message: string;
}

/** Thrown instead of handing out a password that a server refused. */
export class PasswordRefusedError extends Error {
  // The code the IMAP and SMTP classifiers already read as "only the user can fix this".
  readonly code = 'PASSWORD_NEEDED';
  constructor(readonly refusal: PasswordRefusal) {
    super(refusal.message);
  }
}

/**
 * A login only the user can unblock: a password refused (PasswordRefusedError) or none to be had
 * (accounts/account-secrets.ts's PasswordNeededError: session-only after a restart, or stored
 * but unreadable here). Both carry this code; what waits for a login waits for the user.
 */
export function needsPassword(error: unknown): error is Error {
  return error instanceof Error && (error as { code?: unknown }).code === 'PASSWORD_NEEDED';
}

/** When a login began (a monotonic clock): what PasswordGate.refuse compares with the last new password. */
export function loginStarted(): number {
  return performance.now();
}

export class PasswordGate {
  private readonly refused = new Map<AccountId, PasswordRefusal>();
  /** When the user last gave a new password (loginStarted's clock). */
  private readonly clearedAt = new Map<AccountId, number>();

  /**
   * Records a server's refusal of a login that began at `startedAt` (loginStarted()); the first
   * one stands (it is the one the user is told about). A login that began before the user's
   * last new password was refused the old one: it says nothing about the new password, so the
   * gate stays open and null is returned (the caller tries again, with the new one).
   */
  refuse(accountId: AccountId, refusal: PasswordRefusal, startedAt: number): PasswordRefusal | null {
    if (startedAt < (this.clearedAt.get(accountId) ?? -Infinity)) return null;
    const first = this.refused.get(accountId);
    if (first) return first;
    this.refused.set(accountId, refusal);
    return refusal;
  }

  /** Throws while the account's password is refused: call before every login. */
  check(accountId: AccountId): void {
    const refusal = this.refused.get(accountId);
    if (refusal) throw new PasswordRefusedError(refusal);
  }

  refusal(accountId: AccountId): PasswordRefusal | null {
    return this.refused.get(accountId) ?? null;
  }

  /** The user entered a new password (or removed the account). */
  clear(accountId: AccountId): void {
    this.refused.delete(accountId);
    this.clearedAt.set(accountId, loginStarted());
  }
}
