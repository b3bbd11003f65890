// How a failed call reaches the UI: a real Error (stack, instanceof) with the contract's code
// to branch on and a sentence a person can act on.
import { CONTRACT_ERROR_CODES, type ContractError } from '../../shared/contract';

export class TransportError extends Error implements ContractError {
  readonly code: ContractError['code'];

  constructor(error: ContractError) {
    super(error.message);
    this.name = 'TransportError';
    this.code = error.code;
  }
}

const CODES = new Set<string>(CONTRACT_ERROR_CODES);

/** Accepts only a well-formed ContractError; anything else is the shell misbehaving. */
export function toTransportError(value: unknown): TransportError {
  if (typeof value === 'object' && value !== null) {
    const { code, message } = value as Record<string, unknown>;
    if (typeof code === 'string' && CODES.has(code) && typeof message === 'string') {
      return new TransportError({ code: code as ContractError['code'], message });
    }
  }
  return new TransportError({ code: 'internal', message: 'The mail engine sent an answer the app cannot read.' });
}

export function offlineError(message: string): TransportError {
  return new TransportError({ code: 'offline', message });
}
