// Thunderbird's phishing check for links: a link whose text reads as a web address on one host
// while its href goes to another ("www.mybank.example" pointing at mybank.example.evil.test) is
// how a message makes a reader trust the wrong site. Such a link opens only after a warning
// that names both hosts. Text that is not an address ("Click here") is no claim and no warning.

export interface DeceptiveLink {
  /** The host the link's text shows. */
  shown: string;
  /** The host the link really goes to. */
  actual: string;
}

/** Text that reads as a web address: an optional http(s)://, then a host with a dot and a TLD. */
const ADDRESS_TEXT = /^(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63})(?::\d+)?(?:[/?#]\S*)?$/i;

const withoutWww = (host: string): string => host.toLowerCase().replace(/^www\./, '');

/** The host a link's visible text claims, or null when the text is not a web address. */
export function hostShownBy(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 2048) return null;
  const match = ADDRESS_TEXT.exec(trimmed);
  return match?.[1] ? withoutWww(match[1]) : null;
}

/**
 * The two hosts when a link's text shows one host and its href goes to another, else null. A
 * subdomain of the host shown ("example.com" linking to mail.example.com) is the same site.
 */
export function deceptiveLink(text: string, href: string): DeceptiveLink | null {
  const shown = hostShownBy(text);
  if (!shown) return null;
  let actualHost: string;
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    actualHost = url.hostname;
  } catch {
    return null;
  }
  const actual = withoutWww(actualHost);
  if (actual === shown || actual.endsWith(`.${shown}`)) return null;
  return { shown, actual };
}
