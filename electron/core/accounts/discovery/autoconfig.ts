// Thunderbird's autoconfig format (config-v1.1.xml), used by providers' own autoconfig servers,
// their /.well-known/ address and the ISPDB:
//   <clientConfig><emailProvider id="…"><displayName/>
//     <incomingServer type="imap|pop3"><hostname/><port/><socketType>SSL|STARTTLS|plain</socketType>
//       <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>…
//     <outgoingServer type="smtp">…</outgoingServer>
// A file may list several servers of each kind: the best-secured entry of each wins. IMAP is
// what the wizard proposes; the POP3 server is kept beside it, and proposed when it is the only
// incoming server the file names (the account then reads its mail over POP3).
import type { AuthMethod, ProviderInfo } from '../../../../shared/discovery';
import type { Security } from '../../../../shared/domain';
import type { Finding, ServerCandidate } from './types';
import { child, childrenNamed, childText, parseXml, type XmlElement } from './xml';

export interface AutoconfigServer {
  type: 'imap' | 'pop3' | 'smtp';
  hostname: string;
  port: number;
  security: Security;
  /** As written, placeholders and all (%EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%). */
  username: string | null;
  auth: AuthMethod[];
  /** Methods this app cannot use (NTLM, GSSAPI, client certificates…), as written. */
  otherAuth: string[];
}

export interface AutoconfigDocument {
  providerId: string | null;
  displayName: string | null;
  domains: string[];
  incoming: AutoconfigServer[];
  outgoing: AutoconfigServer[];
}

export class AutoconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AutoconfigError';
  }
}

const SOCKET_TYPES: Record<string, Security> = { SSL: 'tls', TLS: 'tls', STARTTLS: 'starttls', PLAIN: 'plain' };

const AUTH_NAMES: Record<string, AuthMethod> = {
  'password-cleartext': 'password-cleartext',
  plain: 'password-cleartext',
  'password-encrypted': 'password-encrypted',
  secure: 'password-encrypted',
  oauth2: 'oauth2',
};

const HOSTNAME = /^[A-Za-z0-9%]([A-Za-z0-9%._-]{0,251}[A-Za-z0-9%])?$|^\[?[0-9A-Fa-f:.]+\]?$/;

function readServer(element: XmlElement, kind: 'incoming' | 'outgoing'): AutoconfigServer | null {
  const type = (element.attributes.type ?? '').trim().toLowerCase();
  if (kind === 'incoming' ? type !== 'imap' && type !== 'pop3' : type !== 'smtp') return null;
  const hostname = childText(element, 'hostname') ?? '';
  const port = Number(childText(element, 'port'));
  const security = SOCKET_TYPES[(childText(element, 'socketType') ?? '').toUpperCase()];
  if (!HOSTNAME.test(hostname) || !Number.isInteger(port) || port < 1 || port > 65535 || !security) return null;
  const auth: AuthMethod[] = [];
  const otherAuth: string[] = [];
  for (const method of childrenNamed(element, 'authentication').map((a) => a.text.trim())) {
    const known = AUTH_NAMES[method.toLowerCase()];
    if (known && !auth.includes(known)) auth.push(known);
    else if (!known && method) otherAuth.push(method);
  }
  return {
    type: type as AutoconfigServer['type'],
    hostname,
    port,
    security,
    username: childText(element, 'username') ?? null,
    auth,
    otherAuth,
  };
}

/** Parses a config-v1.1.xml file. Throws AutoconfigError (or XmlError) when it is not one. */
export function parseAutoconfig(xml: string): AutoconfigDocument {
  const root = parseXml(xml);
  if (root.name !== 'clientConfig') throw new AutoconfigError(`Not an autoconfig file (root <${root.name}>).`);
  const provider = child(root, 'emailProvider');
  if (!provider) throw new AutoconfigError('The autoconfig file has no <emailProvider>.');
  const servers = (name: string, kind: 'incoming' | 'outgoing') =>
    childrenNamed(provider, name)
      .map((element) => readServer(element, kind))
      .filter((server): server is AutoconfigServer => server !== null);
  return {
    providerId: provider.attributes.id?.trim() || null,
    displayName: childText(provider, 'displayName') || childText(provider, 'displayShortName') || null,
    domains: childrenNamed(provider, 'domain')
      .map((d) => d.text.trim().toLowerCase())
      .filter(Boolean),
    incoming: servers('incomingServer', 'incoming'),
    outgoing: servers('outgoingServer', 'outgoing'),
  };
}

export interface Address {
  email: string;
  localPart: string;
  domain: string;
}

/** Fills in %EMAILADDRESS%, %EMAILLOCALPART% and %EMAILDOMAIN% (any case). */
export function fillPlaceholders(template: string, address: Address): string {
  return template
    .replace(/%EMAILADDRESS%/gi, address.email)
    .replace(/%EMAILLOCALPART%/gi, address.localPart)
    .replace(/%EMAILDOMAIN%/gi, address.domain);
}

const SECURITY_RANK: Record<Security, number> = { tls: 2, starttls: 1, plain: 0 };

/** A password works: the method is named, or nothing is said (then a password is the norm). */
function takesPassword(server: AutoconfigServer): boolean {
  return server.auth.some((a) => a !== 'oauth2') || (server.auth.length === 0 && server.otherAuth.length === 0);
}

/** Best-secured first; among equals, one a password works with; then the file's order. */
export function bestServer(servers: readonly AutoconfigServer[]): AutoconfigServer | null {
  const ranked = servers
    .map((server, index) => ({ server, index }))
    .sort(
      (a, b) =>
        SECURITY_RANK[b.server.security] - SECURITY_RANK[a.server.security] ||
        Number(takesPassword(b.server)) - Number(takesPassword(a.server)) ||
        a.index - b.index,
    );
  return ranked[0]?.server ?? null;
}

function toCandidate(server: AutoconfigServer, address: Address): ServerCandidate {
  return {
    host: fillPlaceholders(server.hostname, address).toLowerCase(),
    port: server.port,
    security: server.security,
    auth: server.auth,
  };
}

/** The settings an autoconfig file gives for this address, or null when it has no IMAP server. */
export function findingFromAutoconfig(document: AutoconfigDocument, address: Address, detail: string): Finding | null {
  const imapServers = document.incoming.filter((s) => s.type === 'imap');
  const imap = bestServer(imapServers);
  const pop3 = bestServer(document.incoming.filter((s) => s.type === 'pop3'));
  const smtp = bestServer(document.outgoing);
  if (!imap && !pop3 && !smtp) return null;
  const usernameTemplate = imap?.username ?? pop3?.username ?? smtp?.username ?? '%EMAILADDRESS%';
  const oauthOnly = imap !== null && imap.auth.length > 0 && imap.auth.every((a) => a === 'oauth2');
  const provider: ProviderInfo | undefined = document.displayName
    ? {
        id: document.providerId ?? address.domain,
        name: document.displayName,
        appPassword: false,
        ...(oauthOnly ? { note: 'oauth-only' as const } : {}),
      }
    : undefined;
  return {
    ...(imap ? { imap: toCandidate(imap, address) } : {}),
    ...(pop3 ? { pop3: toCandidate(pop3, address) } : {}),
    ...(smtp ? { smtp: toCandidate(smtp, address) } : {}),
    username: fillPlaceholders(usernameTemplate, address),
    ...(provider ? { provider } : {}),
    detail,
  };
}
