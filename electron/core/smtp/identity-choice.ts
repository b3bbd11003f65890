// Which From a message goes out with. A reply goes from the address the original was sent to
// (an alias in To or Cc), so the correspondent keeps writing to the address they know; anything
// else from the account's own address unless the user picked an identity.
import type { Identity } from '../../../shared/contract-identities';
import type { Account, Address } from '../../../shared/domain';
import type { SignaturePlacement } from '../../../shared/signature';

/** The identity the original was addressed to (To before Cc), or null for the account's own. */
export function replyIdentity(
  account: Pick<Account, 'email'>,
  identities: readonly Identity[],
  original: { to: readonly Address[]; cc: readonly Address[] },
): Identity | null {
  const own = account.email.toLowerCase();
  for (const recipient of [...original.to, ...original.cc]) {
    const address = recipient.address.toLowerCase();
    // Sent to the account's own address as well: that is the one to answer from.
    if (address === own) return null;
    const identity = identities.find((i) => i.email.toLowerCase() === address);
    if (identity) return identity;
  }
  return null;
}

/** The From of a draft: its identity when `from` names one of the account's, else the account. */
export function fromAddress(
  account: Pick<Account, 'email' | 'displayName'>,
  identities: readonly Identity[],
  from: string,
): Address {
  const wanted = from.trim().toLowerCase();
  const identity = wanted ? identities.find((i) => i.email.toLowerCase() === wanted) : undefined;
  if (!identity) return { name: account.displayName, address: account.email };
  return { name: identity.name || account.displayName, address: identity.email };
}

/**
 * Where a reply's signature goes: the identity's own choice when it made one, else the
 * account's (above the quote unless the account says below).
 */
export function signaturePlacementOf(
  account: Pick<Account, 'signaturePlacement'>,
  identity: Pick<Identity, 'signaturePlacement'> | null,
): SignaturePlacement {
  return identity?.signaturePlacement ?? account.signaturePlacement ?? 'above';
}
