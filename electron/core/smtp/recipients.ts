// Who a reply goes to. Reply: the Reply-To of the original, else its sender. Reply-all: that plus
// the original's To, with its Cc as Cc; nobody twice, never the user (any of their accounts),
// unless the user is all there is. Replying to one's own sent message goes to its recipients.
import { addressKey } from '../../../shared/address-parse';
import type { Address } from '../../../shared/domain';

export interface ReplySource {
  from: readonly Address[];
  to: readonly Address[];
  cc: readonly Address[];
  replyTo: readonly Address[];
}

export interface ReplyRecipients {
  to: Address[];
  cc: Address[];
}

/** Drops repeats (case-insensitive) and `exclude`; a repeat with a display name wins over one without. */
export function uniqueAddresses(list: readonly Address[], exclude: ReadonlySet<string> = new Set()): Address[] {
  const byKey = new Map<string, Address>();
  for (const entry of list) {
    if (!entry.address) continue;
    const key = addressKey(entry.address);
    if (exclude.has(key)) continue;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { name: entry.name, address: entry.address });
    else if (!seen.name && entry.name) seen.name = entry.name;
  }
  return [...byKey.values()];
}

export function replyRecipients(original: ReplySource, ownAddresses: readonly string[], all: boolean): ReplyRecipients {
  const own = new Set(ownAddresses.map(addressKey));
  const fromSelf = original.from.length > 0 && original.from.every((a) => own.has(addressKey(a.address)));
  // Reply-To replaces From (mailing lists, shared inboxes); our own sent mail replies to whom it went to.
  const primary =
    original.replyTo.length > 0 ? original.replyTo : fromSelf && original.to.length > 0 ? original.to : original.from;
  if (!all) {
    const to = uniqueAddresses(primary, own);
    return { to: to.length ? to : uniqueAddresses(primary), cc: [] };
  }
  let to = uniqueAddresses([...primary, ...original.to], own);
  // Only the user was on it (a note to self): reply to that rather than to nobody.
  if (to.length === 0) to = uniqueAddresses(primary);
  const inTo = new Set(to.map((a) => addressKey(a.address)));
  const cc = uniqueAddresses(original.cc, new Set([...own, ...inTo]));
  return { to, cc };
}
