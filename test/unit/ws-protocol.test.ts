import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../electron/shell/ws-protocol';

describe('parseClientMessage', () => {
  it('reads the token message and calls', () => {
    expect(parseClientMessage('{"token":"abc"}')).toEqual({ kind: 'auth', token: 'abc' });
    expect(parseClientMessage('{"id":7,"method":"accounts.list","input":{}}')).toEqual({
      kind: 'call',
      id: 7,
      method: 'accounts.list',
      input: {},
    });
    expect(parseClientMessage('{"id":"a1","method":"sync.now"}')).toEqual({
      kind: 'call',
      id: 'a1',
      method: 'sync.now',
      input: undefined,
    });
  });

  it.each([
    ['not json', null],
    ['null', null],
    ['[1,2]', null],
    ['"text"', null],
    ['{"method":"accounts.list"}', null],
    ['{"id":{"x":1},"method":"accounts.list"}', null],
    ['{"id":3}', 3],
  ])('marks %j invalid (answering id %j)', (data, id) => {
    const message = parseClientMessage(data);
    expect(message.kind).toBe('invalid');
    if (message.kind === 'invalid') expect(message.id).toBe(id);
  });
});
