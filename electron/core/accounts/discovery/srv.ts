// RFC 6186 (and RFC 8314 for implicit TLS) SRV records: _imaps._tcp / _imap._tcp for reading,
// _submissions._tcp / _submission._tcp for sending. Lowest priority first, implicit TLS first
// at equal priority (RFC 8314 §5.1), then the highest weight; a target of "." means the domain
// decidedly does not offer that service (RFC 2782).
import type { Security } from '../../../../shared/domain';
import type { DnsResolver, Finding, ServerCandidate, SrvRecord } from './types';

interface ServiceRecords {
  records: SrvRecord[];
  security: Security;
}

/** Implicit-TLS ports whatever the service name says. */
const IMPLICIT_TLS_PORTS = new Set([993, 465]);

export function pickSrv(services: readonly ServiceRecords[]): ServerCandidate | null {
  const entries = services.flatMap(({ records, security }) =>
    records
      .filter((record) => record.name !== '.' && record.name !== '' && record.port > 0)
      .map((record) => ({
        record,
        security: IMPLICIT_TLS_PORTS.has(record.port) ? ('tls' as const) : security,
      })),
  );
  entries.sort(
    (a, b) =>
      a.record.priority - b.record.priority ||
      Number(b.security === 'tls') - Number(a.security === 'tls') ||
      b.record.weight - a.record.weight,
  );
  const best = entries[0];
  if (!best) return null;
  return {
    host: best.record.name.replace(/\.$/, '').toLowerCase(),
    port: best.record.port,
    security: best.security,
    auth: [],
    fromDns: true,
  };
}

export async function srvFinding(domain: string, dns: DnsResolver): Promise<Finding | null> {
  const names = ['_imaps._tcp', '_imap._tcp', '_submissions._tcp', '_submission._tcp'];
  const [imaps = [], imap = [], submissions = [], submission = []] = await Promise.all(
    names.map((name) => dns.resolveSrv(`${name}.${domain}`)),
  );
  const imapServer = pickSrv([
    { records: imaps, security: 'tls' },
    { records: imap, security: 'starttls' },
  ]);
  const smtpServer = pickSrv([
    { records: submissions, security: 'tls' },
    { records: submission, security: 'starttls' },
  ]);
  if (!imapServer && !smtpServer) return null;
  return {
    ...(imapServer ? { imap: imapServer } : {}),
    ...(smtpServer ? { smtp: smtpServer } : {}),
    detail: [imapServer, smtpServer]
      .filter((s): s is ServerCandidate => s !== null)
      .map((s) => `${s.host}:${s.port}`)
      .join(', '),
  };
}
