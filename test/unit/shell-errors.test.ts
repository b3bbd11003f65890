import { describe, expect, it, vi } from 'vitest';
import { toContractError } from '../../electron/shell/errors';

vi.mock('electron', () => ({}));

describe('toContractError', () => {
  it('keeps a known code and turns anything else into internal', () => {
    expect(toContractError(Object.assign(new Error('gone'), { code: 'offline' }))).toEqual({
      code: 'offline',
      message: 'gone',
    });
    expect(toContractError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toEqual({
      code: 'internal',
      message: 'x',
    });
    expect(toContractError('boom')).toEqual({ code: 'internal', message: 'boom' });
    expect(toContractError(new Error(''))).toMatchObject({ code: 'internal', message: expect.stringMatching(/\w/) });
  });
});
