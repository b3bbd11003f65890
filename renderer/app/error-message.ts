// Errors cross the contract as data ({code, message}); this turns whatever arrived into the
// sentence the core wrote for a person, or null when there is none.
import type { ContractError } from '../../shared/contract';

export function errorMessage(error: unknown): string | null {
  if (typeof error === 'string') return error || null;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === 'string' && message.trim()) return message;
  }
  return null;
}

export function errorCode(error: unknown): ContractError['code'] | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code as ContractError['code'];
  }
  return null;
}
