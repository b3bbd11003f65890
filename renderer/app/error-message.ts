// Errors cross the contract as data ({code, message}). The engine's message is English, so with
// `t` the code decides what the user reads in their own language; the engine's words stay only
// where they are the point: what the server itself said, or which input was refused.
import type { TFunction } from 'i18next';
import type { ContractError } from '../../shared/contract';

function engineText(error: unknown): string | null {
  if (typeof error === 'string') return error || null;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === 'string' && message.trim()) return message;
  }
  return null;
}

export function errorMessage(error: unknown, t?: TFunction): string | null {
  const detail = engineText(error);
  if (!t) return detail;
  switch (errorCode(error)) {
    case 'offline':
      return t('errors.offline');
    case 'auth-failed':
      return t('errors.authFailed');
    case 'not-found':
      return t('errors.notFound');
    case 'server':
      return detail ? t('errors.server', { detail }) : t('errors.serverUnknown');
    case 'disk-full':
      return t('errors.diskFull');
    case 'internal':
      return t('errors.internal');
    default:
      // invalid-input names the field or address that was refused; anything else as it came
      return detail;
  }
}

export function errorCode(error: unknown): ContractError['code'] | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code as ContractError['code'];
  }
  return null;
}
