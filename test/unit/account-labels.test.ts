// The account labels of rows in a list that mixes accounts (unified views).
import { describe, expect, it } from 'vitest';
import { account } from '../support/two-accounts';
import { accountLabels, ACCOUNT_COLOURS } from '../../renderer/message-list/account-labels';

describe('account labels', () => {
  it('names each account and gives each its own colour, in account order', () => {
    const labels = accountLabels([account('a', 'Work'), account('b', 'Home')]);
    expect(labels.get('a')).toEqual({ name: 'Work', colour: 0 });
    expect(labels.get('b')).toEqual({ name: 'Home', colour: 1 });
  });

  it('reuses colours past the palette, always within it', () => {
    const many = Array.from({ length: ACCOUNT_COLOURS + 2 }, (_, i) => account(`id${i}`));
    const colours = [...accountLabels(many).values()].map((label) => label.colour);
    expect(colours.every((colour) => colour >= 0 && colour < ACCOUNT_COLOURS)).toBe(true);
    expect(colours[ACCOUNT_COLOURS]).toBe(0);
  });
});
