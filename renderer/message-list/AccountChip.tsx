// The account a row belongs to, in a list that mixes accounts: a coloured dot and the name.
// The row's accessible name says the account too; this is what the eye reads.
import type { AccountLabel } from './account-labels';
import './account-chip.css';

export function AccountDot({ colour }: { colour: number }) {
  return <span className={`account-dot account-colour-${colour}`} aria-hidden="true" />;
}

export function AccountChip({ label }: { label: AccountLabel }) {
  return (
    <span className="account-chip" title={label.name}>
      <AccountDot colour={label.colour} />
      <span className="account-chip-name">{label.name}</span>
    </span>
  );
}
