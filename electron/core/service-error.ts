// Errors that cross the contract: a code the UI branches on, a sentence a person can act on.
import type { ContractError } from '../../shared/contract';
import { classifyImapError } from './imap/errors';

export class ServiceError extends Error implements ContractError {
  constructor(
    readonly code: ContractError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }

  toJSON(): ContractError {
    return { code: this.code, message: this.message };
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError('not-found', `${what} was not found. It may have been deleted on another device.`);
}

/** Turns whatever a method threw into a ServiceError, keeping secrets and stack traces out. */
export function toServiceError(error: unknown, host?: string): ServiceError {
  if (error instanceof ServiceError) return error;
  const e = error as { code?: string; message?: string };
  if (e?.code === 'offline') return new ServiceError('offline', e.message ?? 'Offline.');
  // SQLite rolled the statement back: what was there before is intact, the new write is not
  if (e?.code === 'SQLITE_FULL')
    return new ServiceError(
      'disk-full',
      'There is no room left on the disk: nothing was saved. Free some space and try again; what was saved before is intact.',
    );
  if (host) {
    const failure = classifyImapError(error, host);
    const code = failure.kind === 'auth' ? 'auth-failed' : failure.kind === 'network' ? 'offline' : 'server';
    return new ServiceError(code, failure.message);
  }
  return new ServiceError('internal', e?.message ?? String(error));
}
