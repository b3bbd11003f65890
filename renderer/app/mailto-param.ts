// The browser shell's way in for a mailto: link: the page's address with ?mailto=<the link>
// (docs/desktop.md). Read once at start and taken out of the address bar, so a reload does not
// open the same composer again.
import { isMailtoUrl } from '../../shared/mailto';

export interface MailtoParamHost {
  location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

export const MAILTO_PARAM = 'mailto';

/** The link the page was opened with, or null; removes it from the address shown. */
export function takeMailtoParam(host: MailtoParamHost): string | null {
  const params = new URLSearchParams(host.location.search);
  const link = params.get(MAILTO_PARAM);
  if (link === null) return null;
  params.delete(MAILTO_PARAM);
  const rest = params.toString();
  host.history.replaceState(
    host.history.state,
    '',
    host.location.pathname + (rest ? `?${rest}` : '') + host.location.hash,
  );
  // a bare address (?mailto=anna@x.se) is taken as the link's path
  const url = isMailtoUrl(link) ? link : `mailto:${link}`;
  return url;
}
