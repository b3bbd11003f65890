// What discovery is made of: the network it reaches through (HTTP and DNS, injected so tests run
// offline against local servers and a fake resolver) and what each source reports.
import type { AuthMethod, DiscoverySource, ProviderInfo } from '../../../../shared/discovery';
import type { ServerSettings } from '../../../../shared/domain';

export interface HttpResponse {
  status: number;
  body: string;
  /** The address that answered, after redirects. */
  url: string;
}

export interface HttpGetOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** Bodies above this are refused (autoconfig files are a few KB). */
  maxBytes?: number;
}

/** GET over HTTPS. Rejects on network trouble; any HTTP status resolves. */
export type HttpGet = (url: string, options: HttpGetOptions) => Promise<HttpResponse>;

export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

export interface MxRecord {
  exchange: string;
  priority: number;
}

/** DNS as discovery needs it. "No such name" and "no records" resolve to []. */
export interface DnsResolver {
  resolveSrv(name: string): Promise<SrvRecord[]>;
  resolveMx(name: string): Promise<MxRecord[]>;
  /** An address to connect to; rejects (ENOTFOUND) when the name does not exist. */
  lookup(host: string): Promise<string>;
}

/** One server as a source describes it. */
export interface ServerCandidate extends ServerSettings {
  /** What the source said about sign-in; empty when it did not say. */
  auth: AuthMethod[];
  /**
   * Named by an unauthenticated DNS answer (SRV, or the MX host's domain) rather than by a
   * preset or a file fetched over HTTPS: outside the address's domain it needs confirming.
   */
  fromDns?: boolean;
}

/** What one source found: both servers, or only one of them (then other sources fill in). */
export interface Finding {
  imap?: ServerCandidate;
  /** The POP3 server, when the source names one (autoconfig type pop3, a probe of pop.DOMAIN). */
  pop3?: ServerCandidate;
  smtp?: ServerCandidate;
  /** The login name, placeholders resolved. */
  username?: string;
  provider?: ProviderInfo;
  serverSavesSent?: boolean;
  /** Where it came from or what was tried, for the outcome list. */
  detail?: string;
}

export interface SourceContext {
  email: string;
  localPart: string;
  domain: string;
  http: HttpGet;
  dns: DnsResolver;
  signal: AbortSignal;
  timeoutMs: number;
}

export type DiscoveryStep = (context: SourceContext) => Promise<Finding | null>;

export type SourceTable = Record<DiscoverySource, DiscoveryStep>;
