// The DnsResolver discovery uses by default: the system's resolvers through node:dns, with
// short timeouts. "No such name" and "no such record" are answers (no records), not errors.
import { lookup, Resolver } from 'node:dns/promises';
import type { DnsResolver } from './types';

const NO_RECORDS = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);

function noRecords<T>(error: unknown): T[] {
  if (NO_RECORDS.has((error as { code?: string })?.code ?? '')) return [];
  throw error;
}

/** `servers`: ask these ("host:port") instead of the system's resolvers (tests only). */
export function createDnsResolver(options: { timeoutMs?: number; servers?: string[] } = {}): DnsResolver {
  const resolver = new Resolver({ timeout: options.timeoutMs ?? 2_000, tries: 2 });
  if (options.servers) resolver.setServers(options.servers);
  return {
    resolveSrv: (name) => resolver.resolveSrv(name).catch(noRecords<never>),
    resolveMx: (name) => resolver.resolveMx(name).catch(noRecords<never>),
    lookup: async (host) => (await lookup(host)).address,
  };
}
