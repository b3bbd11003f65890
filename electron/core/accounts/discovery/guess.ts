// The last resort: try the usual names and ports and keep what answers like a mail server.
// IMAP on imap.DOMAIN, mail.DOMAIN and DOMAIN, ports 993 (TLS) and 143 (STARTTLS); SMTP on
// smtp.DOMAIN, mail.DOMAIN and DOMAIN, ports 465 (TLS) and 587 (STARTTLS). All at once, each
// with the same short deadline. Never a cleartext guess: a server without TLS is not offered.
import type { AuthMethod } from '../../../../shared/discovery';
import { probeImap, probePop3, probeSmtp, type ProbeTarget } from './probe';
import type { DnsResolver, Finding, ServerCandidate } from './types';

export interface GuessPort {
  port: number;
  security: 'tls' | 'starttls';
}

export interface GuessPlan {
  /** Prefixes put before the domain, '' for the bare domain, in order of preference. */
  imapPrefixes: readonly string[];
  smtpPrefixes: readonly string[];
  imapPorts: readonly GuessPort[];
  smtpPorts: readonly GuessPort[];
  /** The well-known POP3 names and ports, for a domain without IMAP; absent: none tried. */
  pop3Prefixes?: readonly string[];
  pop3Ports?: readonly GuessPort[];
}

export const DEFAULT_GUESS_PLAN: GuessPlan = {
  imapPrefixes: ['imap.', 'mail.', ''],
  smtpPrefixes: ['smtp.', 'mail.', ''],
  imapPorts: [
    { port: 993, security: 'tls' },
    { port: 143, security: 'starttls' },
  ],
  smtpPorts: [
    { port: 465, security: 'tls' },
    { port: 587, security: 'starttls' },
  ],
  pop3Prefixes: ['pop.', 'pop3.', 'mail.'],
  pop3Ports: [
    { port: 995, security: 'tls' },
    { port: 110, security: 'starttls' },
  ],
};

interface Ranked {
  candidate: ServerCandidate;
  rank: number[];
}

function targets(domain: string, prefixes: readonly string[], ports: readonly GuessPort[]) {
  return prefixes.flatMap((prefix, hostIndex) =>
    ports.map((port, portIndex) => ({
      target: { host: `${prefix}${domain}`, port: port.port, security: port.security } satisfies ProbeTarget,
      // implicit TLS first (RFC 8314), then the more specific name, then the port order
      rank: [port.security === 'tls' ? 0 : 1, hostIndex, portIndex],
    })),
  );
}

function best(found: (Ranked | null)[]): ServerCandidate | null {
  const ranked = found.filter((r): r is Ranked => r !== null);
  ranked.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i]! - b.rank[i]!;
    return 0;
  });
  return ranked[0]?.candidate ?? null;
}

function smtpAuth(mechanisms: string[]): AuthMethod[] {
  const out: AuthMethod[] = [];
  if (mechanisms.some((m) => m === 'PLAIN' || m === 'LOGIN')) out.push('password-cleartext');
  if (mechanisms.includes('CRAM-MD5')) out.push('password-encrypted');
  if (mechanisms.includes('XOAUTH2') || mechanisms.includes('OAUTHBEARER')) out.push('oauth2');
  return out;
}

export async function guessFinding(
  domain: string,
  options: { dns: DnsResolver; timeoutMs: number; signal: AbortSignal; plan?: GuessPlan },
): Promise<Finding | null> {
  const plan = options.plan ?? DEFAULT_GUESS_PLAN;
  const probeOptions = { dns: options.dns, timeoutMs: options.timeoutMs, signal: options.signal };
  const [imapFound, smtpFound, pop3Found] = await Promise.all([
    Promise.all(
      targets(domain, plan.imapPrefixes, plan.imapPorts).map(async ({ target, rank }): Promise<Ranked | null> => {
        try {
          const result = await probeImap(target, probeOptions);
          if (!result.imap4rev1 || (target.security === 'starttls' && !result.starttls)) return null;
          return { candidate: { ...target, auth: [] }, rank };
        } catch {
          return null;
        }
      }),
    ),
    Promise.all(
      targets(domain, plan.smtpPrefixes, plan.smtpPorts).map(async ({ target, rank }): Promise<Ranked | null> => {
        try {
          const result = await probeSmtp(target, probeOptions);
          if (target.security === 'starttls' && !result.starttls) return null;
          // A server that offers no AUTH will not relay for us: last, but still shown.
          return { candidate: { ...target, auth: smtpAuth(result.auth) }, rank: [result.auth.length ? 0 : 1, ...rank] };
        } catch {
          return null;
        }
      }),
    ),
    Promise.all(
      targets(domain, plan.pop3Prefixes ?? [], plan.pop3Ports ?? []).map(
        async ({ target, rank }): Promise<Ranked | null> =>
          (await probePop3(target, probeOptions).catch(() => false))
            ? { candidate: { ...target, auth: [] }, rank }
            : null,
      ),
    ),
  ]);
  const imap = best(imapFound);
  const smtp = best(smtpFound);
  // POP3 only where no IMAP answered: the wizard proposes IMAP whenever it can
  const pop3 = imap ? null : best(pop3Found);
  if (!imap && !pop3 && !smtp) return null;
  return {
    ...(imap ? { imap } : {}),
    ...(pop3 ? { pop3 } : {}),
    ...(smtp ? { smtp } : {}),
    detail: [imap ?? pop3, smtp]
      .filter((s): s is ServerCandidate => s !== null)
      .map((s) => `${s.host}:${s.port}`)
      .join(', '),
  };
}
