// How a row of a list that mixes accounts says whose it is: the account's name and a colour.
// Colours follow the order of the accounts, so each keeps its colour while the list of accounts
// stays the same, and the sidebar and the list agree on it.
import type { Account, AccountId } from '../../shared/domain';

/** Distinct hues in account-chip.css (.account-colour-0 …). */
export const ACCOUNT_COLOURS = 6;

export interface AccountLabel {
  name: string;
  colour: number;
}

export function accountColour(index: number): number {
  return ((index % ACCOUNT_COLOURS) + ACCOUNT_COLOURS) % ACCOUNT_COLOURS;
}

export function accountLabels(accounts: readonly Pick<Account, 'id' | 'name'>[]): ReadonlyMap<AccountId, AccountLabel> {
  return new Map(accounts.map((account, index) => [account.id, { name: account.name, colour: accountColour(index) }]));
}
