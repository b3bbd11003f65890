// How people appear in the UI: the list shows a name, the reading pane shows name and address.
import type { Address } from '../../shared/domain';

/** The name to show for one address: its display name, else the address itself. */
export function addressLabel(address: Address): string {
  return address.name.trim() || address.address;
}

/** The sender column: every sender's name, comma-separated ("" when there is none). */
export function sendersLabel(addresses: readonly Address[]): string {
  return addresses.map(addressLabel).join(', ');
}

/** One address as people write it: "Ada Lovelace <ada@example.com>", or just the address. */
export function addressWithName(address: Address): string {
  const name = address.name.trim();
  return name && name !== address.address ? `${name} <${address.address}>` : address.address;
}

export function addressListText(addresses: readonly Address[]): string {
  return addresses.map(addressWithName).join(', ');
}
