// The recipient fields' entries: what is typed or pasted split into entries (each a chip), and
// whether each is an address, so a mistake shows before Send. Pure. The field's text stays the
// contract's ("Anna <anna@x.se>, b@y.com"): chips are a view of it.
import { formatAddress, parseAddress, splitAddressEntries } from '../../shared/address-parse';
import type { Address } from '../../shared/domain';

/** A pasted column of bare addresses separated by spaces or tabs is a list too. */
const BARE_ADDRESSES = /^[^\s<>",;@]+@[^\s<>",;@]+(?:\s+[^\s<>",;@]+@[^\s<>",;@]+)+$/;

/** Splits typed or pasted text into entries: at , ; line breaks, and between bare addresses. */
export function splitRecipients(text: string): string[] {
  return splitAddressEntries(text).flatMap((entry) => (BARE_ADDRESSES.test(entry) ? entry.split(/\s+/) : [entry]));
}

export function isAddressEntry(entry: string): boolean {
  return parseAddress(entry) !== null;
}

/** The field's text: the chips, then what is being typed. */
export function joinRecipients(entries: readonly string[], typing: string): string {
  return [...entries, typing.trim()].filter((entry) => entry !== '').join(', ');
}

/** The entry a chosen suggestion becomes. */
export function suggestionEntry(contact: Address): string {
  return formatAddress(contact);
}

/** Whether a key typed in the field ends an entry (the separators a person types). */
export function endsEntry(key: string): boolean {
  return key === ',' || key === ';';
}
