import { describe, expect, it } from 'vitest';
import type { Identity } from '../../shared/contract-identities';
import { fromAddress, replyIdentity, signaturePlacementOf } from '../../electron/core/smtp/identity-choice';

const account = { email: 'me@example.com', displayName: 'Me Myself' };
const identity = (id: number, email: string, name = ''): Identity => ({
  id,
  accountId: 'acc',
  email,
  name,
  signature: '',
  signaturePlacement: null,
});
const sales = identity(1, 'sales@example.com', 'Sales Team');
const old = identity(2, 'Me@Old.example');
const person = (address: string) => ({ name: '', address });

describe('choosing the identity of a reply', () => {
  it('answers from the alias the original was sent to, To before Cc, whatever the case', () => {
    expect(replyIdentity(account, [sales, old], { to: [person('sales@example.com')], cc: [] })).toBe(sales);
    expect(replyIdentity(account, [sales, old], { to: [person('x@y.z')], cc: [person('ME@old.example')] })).toBe(old);
    expect(
      replyIdentity(account, [sales, old], { to: [person('me@old.example')], cc: [person('sales@example.com')] }),
    ).toBe(old);
  });

  it('answers from the account itself when the original was sent to it, or to none of the aliases', () => {
    expect(
      replyIdentity(account, [sales], { to: [person('me@example.com'), person('sales@example.com')], cc: [] }),
    ).toBeNull();
    expect(replyIdentity(account, [sales], { to: [person('list@lists.example')], cc: [] })).toBeNull();
    expect(replyIdentity(account, [], { to: [person('sales@example.com')], cc: [] })).toBeNull();
  });
});

describe('the From of a message', () => {
  it('is the identity the draft names, with its name (or the account’s), else the account', () => {
    expect(fromAddress(account, [sales, old], 'SALES@example.com')).toEqual({
      name: 'Sales Team',
      address: 'sales@example.com',
    });
    expect(fromAddress(account, [sales, old], 'me@old.example')).toEqual({
      name: 'Me Myself',
      address: 'Me@Old.example',
    });
    expect(fromAddress(account, [sales], '')).toEqual({ name: 'Me Myself', address: 'me@example.com' });
    // An address that is no identity of this account (a stale draft): never sent as From.
    expect(fromAddress(account, [sales], 'someone@else.example')).toEqual({
      name: 'Me Myself',
      address: 'me@example.com',
    });
  });
});

describe('where a reply puts the signature', () => {
  it('where the identity says, else where the account says, else above the quote', () => {
    const below = { ...sales, signaturePlacement: 'below' as const };
    const above = { ...sales, signaturePlacement: 'above' as const };
    expect(signaturePlacementOf({ signaturePlacement: 'above' }, below)).toBe('below');
    expect(signaturePlacementOf({ signaturePlacement: 'below' }, above)).toBe('above');
    // an identity that made no choice (every one made before the choice existed): as the account
    expect(signaturePlacementOf({ signaturePlacement: 'below' }, sales)).toBe('below');
    expect(signaturePlacementOf({}, sales)).toBe('above');
    // the account's own address (no identity)
    expect(signaturePlacementOf({ signaturePlacement: 'below' }, null)).toBe('below');
    expect(signaturePlacementOf({}, null)).toBe('above');
  });
});
