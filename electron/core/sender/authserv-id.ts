// Which authserv-ids are the account's own server. Nothing in the message can say so (the sender
// writes the message), so it is learned from where the account's mail comes from: the IMAP
// host itself, any host of the same domain (mx.example.org for imap.example.org), and, for
// providers whose receiving servers live under another name, that name (Gmail's mx.google.com).
import { isIP } from 'node:net';

/** Providers whose Authentication-Results name another domain than their IMAP host. */
const PROVIDER_AUTHSERV: Record<string, readonly string[]> = {
  'gmail.com': ['mx.google.com'],
  'googlemail.com': ['mx.google.com'],
};

/**
 * The domain a host belongs to: the last two labels ("example.org" of "imap.example.org"), or
 * three under a country's second level ("provider.co.uk", not "co.uk").
 */
function baseDomain(host: string): string {
  const labels = host.split('.');
  const countrySecondLevel = labels.length >= 3 && labels.at(-1)!.length === 2 && labels.at(-2)!.length <= 3;
  return labels.slice(countrySecondLevel ? -3 : -2).join('.');
}

export function isOwnAuthservId(authservId: string, imapHost: string): boolean {
  const id = authservId.toLowerCase().replace(/\.$/, '');
  const host = imapHost.toLowerCase().replace(/\.$/, '');
  if (id === host) return true;
  if (isIP(host) !== 0 || !host.includes('.')) return false;
  const base = baseDomain(host);
  return id === base || id.endsWith(`.${base}`) || (PROVIDER_AUTHSERV[base]?.includes(id) ?? false);
}
