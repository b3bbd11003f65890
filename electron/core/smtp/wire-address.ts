// Addresses as they go on the wire. An internationalised domain is written in its ASCII form
// (xn--…), which every server understands; only a UTF-8 local part needs SMTPUTF8, and
// nodemailer asks for it by itself when an envelope address has one.
import { domainToASCII } from 'node:url';
import type { Address } from '../../../shared/domain';

export function toWireAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const domain = address.slice(at + 1);
  if (domain.startsWith('[') || /^[\x20-\x7e]*$/.test(domain)) return address;
  const ascii = domainToASCII(domain);
  return ascii ? `${address.slice(0, at)}@${ascii}` : address;
}

export function toWire(list: readonly Address[]): Address[] {
  return list.map((a) => ({ name: a.name, address: toWireAddress(a.address) }));
}

/** The right-hand side of new Message-IDs: the account's own domain, in ASCII. */
export function messageIdDomain(email: string): string {
  const at = email.lastIndexOf('@');
  const domain = at >= 0 ? email.slice(at + 1) : '';
  const ascii = domain && !domain.startsWith('[') ? domainToASCII(domain) : '';
  return ascii || 'localhost';
}
