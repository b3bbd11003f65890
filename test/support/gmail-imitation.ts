// A test double for Gmail's IMAP extension (X-GM-EXT-1), strictly for the tests: Gmail itself is
// on the internet. The recording proxy (imap-filter-proxy.ts, option `gmail`) uses these line
// rewrites in front of the test Dovecot, so the engine meets Gmail's labels on a real server.
//
// Labels are kept as Dovecot keywords, so a label changed "on another device" is a STORE there and
// bumps MODSEQ as a real label change on Gmail does (CONDSTORE's CHANGEDSINCE then reports it):
// "Work" is the keyword GmLabel_Work, "\Important" is GmSys_Important. The proxy:
// - adds X-GM-EXT-1 to the capabilities;
// - takes X-GM-LABELS, X-GM-THRID and X-GM-MSGID out of FETCH commands (Dovecot would refuse
//   them), asking for FLAGS instead where labels were asked for;
// - takes the keywords out of FLAGS, so they never look like tags, and answers X-GM-LABELS from
//   them in the FETCH responses of a FETCH that asked for it (only then, as Gmail); like Gmail, it
//   leaves out the label of the folder that is selected (\Inbox in the Inbox, "Work" in Work);
// - adds the attributes a test names to LIST answers (Gmail's \All on "[Gmail]/All Mail").
// Thread and message ids (X-GM-THRID, X-GM-MSGID) are not imitated: the engine then threads by
// References, as on any server.

const USER_PREFIX = 'GmLabel_';
const SYSTEM_PREFIX = 'GmSys_';

export interface GmailImitation {
  /** Attributes added to a folder's LIST answer, by path: { '[Gmail]/All Mail': '\\All' }. */
  listAttributes?: Record<string, string>;
}

/** The Dovecot keyword that stands for a Gmail label: 'Work' → GmLabel_Work, '\\Important' → GmSys_Important. */
export function labelKeyword(label: string): string {
  if (/[\s(){%*"\\\]]/.test(label.replace(/^\\/, '')))
    throw new Error(`the test double keeps labels as keywords: "${label}" cannot be one`);
  return label.startsWith('\\') ? `${SYSTEM_PREFIX}${label.slice(1)}` : `${USER_PREFIX}${label}`;
}

function labelOf(keyword: string): string | null {
  if (keyword.startsWith(USER_PREFIX)) return keyword.slice(USER_PREFIX.length);
  if (keyword.startsWith(SYSTEM_PREFIX)) return `\\${keyword.slice(SYSTEM_PREFIX.length)}`;
  return null;
}

/** The label of a selected folder, which Gmail leaves out of X-GM-LABELS there. */
function selectedLabel(mailbox: string | null): string | null {
  if (mailbox === null) return null;
  return mailbox.toUpperCase() === 'INBOX' ? '\\Inbox' : mailbox;
}

const GMAIL_ITEMS = /\s*\bX-GM-(?:LABELS|THRID|MSGID)\b/gi;

/** A client command as Dovecot can take it: the Gmail fetch items out, FLAGS in where labels were asked for. */
export function gmailClientLine(line: string): string {
  const fetch = /^(\S+ (?:UID )?FETCH \S+ )\((.*)\)(.*)$/i.exec(line);
  if (!fetch || !/X-GM-/i.test(fetch[2]!)) return line;
  const [, head, items, tail] = fetch as unknown as [string, string, string, string];
  let rest = items.replace(GMAIL_ITEMS, '').trim();
  if (/\bX-GM-LABELS\b/i.test(items) && !/\bFLAGS\b/i.test(rest)) rest = rest ? `${rest} FLAGS` : 'FLAGS';
  return `${head}(${rest})${tail}`;
}

const quote = (label: string) => (label.startsWith('\\') ? label : `"${label.replace(/(["\\])/g, '\\$1')}"`);

/** A server line as Gmail would send it (see the top of this file). */
export function gmailServerLine(
  line: string,
  selected: string | null,
  imitation: GmailImitation,
  labelsAsked: boolean,
): string {
  if (/^\* CAPABILITY /i.test(line)) return `${line} X-GM-EXT-1`;
  line = line.replace(/\[CAPABILITY ([^\]]*)\]/i, (_all, caps: string) => `[CAPABILITY ${caps} X-GM-EXT-1]`);
  const list = /^(\* (?:LIST|LSUB) \()([^)]*)(\) \S+ )(.*)$/i.exec(line);
  if (list) {
    const [, start, attributes, middle, name] = list as unknown as [string, string, string, string, string];
    const path = name.startsWith('"') ? name.slice(1, -1).replace(/\\(.)/g, '$1') : name;
    const extra = imitation.listAttributes?.[path];
    return extra ? `${start}${`${attributes} ${extra}`.trim()}${middle}${name}` : line;
  }
  if (!/^\* \d+ FETCH \(/i.test(line)) return line;
  const own = selectedLabel(selected);
  return line.replace(/\bFLAGS \(([^)]*)\)/i, (_all, flags: string) => {
    const kept: string[] = [];
    const labels: string[] = [];
    for (const flag of flags.split(' ').filter(Boolean)) {
      const label = labelOf(flag);
      if (label === null) kept.push(flag);
      else if (label !== own) labels.push(label);
    }
    const answer = labelsAsked ? ` X-GM-LABELS (${labels.map(quote).join(' ')})` : '';
    return `FLAGS (${kept.join(' ')})${answer}`;
  });
}
