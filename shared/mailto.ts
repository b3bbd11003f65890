// mailto: links (RFC 6068) as the composer takes them: the addresses of the path and of `to`,
// `cc` and `bcc` fields, the subject and the body. A link is written by whoever made the web
// page or document it sits in, so only those five fields are read: a From, Reply-To or any other
// header a link asks for is ignored (RFC 6068 section 7, "unsafe headers"), and what is read is
// capped at the composer's limits. Pure: no Node, no DOM.
import { COMPOSE_LIMITS } from './compose';

export interface MailtoFields {
  /** Each entry one address as written (it may carry a display name); none empty. */
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** Line breaks as "\n", whatever the link used (RFC 6068 asks for %0D%0A). */
  body: string;
}

/** A longer link is not a mail link anyone wrote by hand: refused rather than cut. */
export const MAILTO_MAX_LENGTH = 256 * 1024;

/**
 * Percent-decoding as UTF-8 that never throws: a malformed or stray `%` (which RFC 6068
 * forbids but pages write) stays as written instead of losing the whole link.
 */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // decode the well-formed runs of %XX and keep the rest
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** A line break, a NUL or other control character inside an address would end the header. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL = /[\u0000-\u001F\u007F]/;

function addresses(decoded: string): string[] {
  return decoded
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '' && !CONTROL.test(entry));
}

/** Whether `url` is a mailto: link (any case, as RFC 3986 allows for schemes). */
export function isMailtoUrl(url: string): boolean {
  return /^mailto:/i.test(url.trim());
}

/** The fields of a mailto: link, or null when `url` is not one. */
export function parseMailto(url: string): MailtoFields | null {
  const trimmed = url.trim();
  if (!isMailtoUrl(trimmed) || trimmed.length > MAILTO_MAX_LENGTH) return null;
  // a fragment is not part of a mailto: link (RFC 6068 section 2)
  const withoutFragment = trimmed.slice('mailto:'.length).split('#')[0] ?? '';
  const query = withoutFragment.indexOf('?');
  const path = query < 0 ? withoutFragment : withoutFragment.slice(0, query);
  const fields: MailtoFields = { to: addresses(decode(path)), cc: [], bcc: [], subject: '', body: '' };
  let subjectSeen = false;
  let bodySeen = false;

  if (query >= 0) {
    for (const pair of withoutFragment.slice(query + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      // header names are case-insensitive (RFC 6068 section 2, as in RFC 5322)
      const name = decode(eq < 0 ? pair : pair.slice(0, eq)).toLowerCase();
      const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
      switch (name) {
        case 'to':
        case 'cc':
        case 'bcc':
          fields[name].push(...addresses(value));
          break;
        case 'subject':
          // the first one counts: a second could only be an attempt to replace what is shown
          if (!subjectSeen) fields.subject = value.replace(/[\r\n]+/g, ' ');
          subjectSeen = true;
          break;
        case 'body':
          if (!bodySeen) fields.body = value.replace(/\r\n?/g, '\n');
          bodySeen = true;
          break;
        default:
        // from, reply-to, in-reply-to, any X- header: not for a link to decide
      }
    }
  }

  fields.subject = fields.subject.slice(0, COMPOSE_LIMITS.subjectChars);
  fields.body = fields.body.slice(0, COMPOSE_LIMITS.bodyChars);
  for (const list of ['to', 'cc', 'bcc'] as const) fields[list] = fields[list].slice(0, COMPOSE_LIMITS.recipients);
  return fields;
}
