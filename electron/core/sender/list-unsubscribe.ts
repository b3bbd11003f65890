// List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058): how a mailing list says it
// can be left. Only https links (never http: the request would be readable on the way) and
// mailto addresses are kept; RFC 8058's one-click POST needs both the https link and the
// "List-Unsubscribe=One-Click" header.

export interface UnsubscribeOptions {
  https: string | null;
  mailto: { to: string; subject: string; body: string } | null;
  /** RFC 8058: a POST of "List-Unsubscribe=One-Click" to the https link leaves the list. */
  oneClick: boolean;
}

const MAX_URL = 2048;

function parseMailto(raw: string): UnsubscribeOptions['mailto'] {
  try {
    const url = new URL(raw);
    const to = decodeURIComponent(url.pathname);
    if (!/^[^\s@,;<>]+@[^\s@,;<>]+$/.test(to)) return null;
    return { to, subject: url.searchParams.get('subject') ?? 'unsubscribe', body: url.searchParams.get('body') ?? '' };
  } catch {
    return null;
  }
}

/** TEST ONLY (remote/test-overrides.ts): the tests' local list server speaks http on loopback. */
const LOOPBACK_HTTP = /^http:\/\/127\.\d+\.\d+\.\d+(:\d+)?\//;

export function parseListUnsubscribe(
  listUnsubscribe: string | undefined,
  listUnsubscribePost: string | undefined,
  options: { loopbackHttpForTests?: boolean } = {},
) {
  if (!listUnsubscribe) return null;
  let https: string | null = null;
  let mailto: UnsubscribeOptions['mailto'] = null;
  for (const match of listUnsubscribe.matchAll(/<([^<>]*)>/g)) {
    const raw = match[1]!.replace(/\s+/g, '');
    if (raw.length > MAX_URL) continue;
    const lower = raw.toLowerCase();
    const secure = lower.startsWith('https://') || (options.loopbackHttpForTests === true && LOOPBACK_HTTP.test(lower));
    if (secure && https === null) {
      try {
        https = new URL(raw).href;
      } catch {
        // not a URL: left out
      }
    } else if (lower.startsWith('mailto:') && mailto === null) mailto = parseMailto(raw);
  }
  if (!https && !mailto) return null;
  const oneClick = https !== null && /^\s*List-Unsubscribe\s*=\s*One-Click\s*$/i.test(listUnsubscribePost ?? '');
  return { https, mailto, oneClick } satisfies UnsubscribeOptions;
}
