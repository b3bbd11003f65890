// Turns whatever the service threw into the contract's error shape. The core's errors carry a
// contract code; anything else (a bug, an unexpected library error) becomes 'internal' with
// its message, which names the failing step without ever holding a secret (docs/security.md).
import { CONTRACT_ERROR_CODES, type ContractError } from '../../shared/contract';

const CODES: ReadonlySet<string> = new Set<ContractError['code']>(CONTRACT_ERROR_CODES);

export function isContractErrorCode(code: unknown): code is ContractError['code'] {
  return typeof code === 'string' && CODES.has(code);
}

export function toContractError(error: unknown): ContractError {
  const message =
    error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
      ? String((error as { message: unknown }).message)
      : String(error);
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return {
    code: isContractErrorCode(code) ? code : 'internal',
    message: message || 'The mail engine failed without saying why.',
  };
}
