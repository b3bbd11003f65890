// What the reader says about a message's sender, from the header fields the server has: whether
// the account's own server verified the From domain (Authentication-Results), what the name and
// address would have the user believe (lookalike.ts), and how to leave its mailing list.
import { trustedAuthResults, verdictFor } from './authentication-results';
import { isOwnAuthservId } from './authserv-id';
import { headerFields } from './header-block';
import { parseListUnsubscribe, type UnsubscribeOptions } from './list-unsubscribe';
import { senderWarnings, type SenderWarning } from './lookalike';

export const SENDER_HEADER_FIELDS = ['authentication-results', 'list-unsubscribe', 'list-unsubscribe-post'] as const;

export interface Authentication {
  /** pass: DMARC passed, or an aligned DKIM signature; fail: DMARC failed, or DKIM and SPF both did. */
  verdict: 'pass' | 'fail' | 'unknown';
  dkim: string | null;
  spf: string | null;
  dmarc: string | null;
  authservId: string;
}

export interface SenderInfo {
  /** Null when no Authentication-Results of the account's own server is on the message. */
  authentication: Authentication | null;
  warnings: SenderWarning[];
  unsubscribe: UnsubscribeOptions | null;
}

export interface SenderFacts {
  /** HEADER.FIELDS of SENDER_HEADER_FIELDS. */
  headerBlock: string;
  from: { name: string; address: string } | null;
  imapHost: string;
  /** The authserv-id the user set for the account: then it alone is trusted, not the learned ones. */
  authservId?: string | null;
  /** The account's own address: its domain counts as one that can be imitated. */
  accountEmail: string;
  /** TEST ONLY: an http list link on loopback counts (the tests' local list server). */
  loopbackHttpForTests?: boolean;
}

export function senderInfo(facts: SenderFacts): SenderInfo {
  const fields = headerFields(facts.headerBlock);
  const domain = facts.from ? facts.from.address.slice(facts.from.address.lastIndexOf('@') + 1).toLowerCase() : '';
  const set = facts.authservId?.toLowerCase().replace(/\.$/, '');
  const parsed = trustedAuthResults(fields.get('authentication-results') ?? [], (id) =>
    set ? id === set : isOwnAuthservId(id, facts.imapHost),
  );
  let authentication: Authentication | null = null;
  if (parsed && domain) {
    const dkim = verdictFor(parsed.results, 'dkim', domain);
    const spf = verdictFor(parsed.results, 'spf', domain);
    const dmarc = verdictFor(parsed.results, 'dmarc', domain);
    const verdict =
      dmarc === 'pass' || (dmarc === null && dkim === 'pass')
        ? 'pass'
        : dmarc === 'fail' || (dkim !== 'pass' && spf === 'fail')
          ? 'fail'
          : 'unknown';
    authentication = { verdict, dkim, spf, dmarc, authservId: parsed.authservId };
  }
  const ownDomain = facts.accountEmail.slice(facts.accountEmail.lastIndexOf('@') + 1);
  return {
    authentication,
    warnings: facts.from ? senderWarnings(facts.from.name, facts.from.address, ownDomain ? [ownDomain] : []) : [],
    unsubscribe: parseListUnsubscribe(fields.get('list-unsubscribe')?.[0], fields.get('list-unsubscribe-post')?.[0], {
      loopbackHttpForTests: facts.loopbackHttpForTests,
    }),
  };
}
