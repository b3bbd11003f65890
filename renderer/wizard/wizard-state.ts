// The account wizard's values and rules, apart from React so they can be tested on their own:
// defaults from discovery or from the address, what is missing, when cleartext needs the user's
// second confirmation, and what the contract is sent.
import {
  DISCOVERY_SOURCES,
  isLoopbackHost,
  type ConnectionSettings,
  type ConnectionTestResult,
  type DiscoveredSettings,
  type DiscoveryResult,
  type DiscoverySource,
  type DiscoveryState,
  type TestFailure,
} from '../../shared/discovery';
import type { AccountSettings, IncomingProtocol, ServerSettings } from '../../shared/domain';
import { DEFAULT_PORTS, emailDomain, suggestedHost, type ServerFields } from '../accounts/account-form';

export type WizardStep = 'identity' | 'discovering' | 'settings' | 'test';

export interface IdentityValues {
  name: string;
  email: string;
  password: string;
  rememberPassword: boolean;
}

export interface SettingsValues {
  /** How the account reads its mail; `imap` holds the POP3 server when it is 'pop3'. */
  protocol: IncomingProtocol;
  username: string;
  imap: ServerFields;
  smtp: ServerFields;
  /** The user ticked "send my password without encryption anyway" (non-loopback cleartext). */
  plaintextConfirmed: boolean;
  /** The user confirmed servers that only DNS named, outside the address's domain (OutsideDomain). */
  outsideDomainConfirmed: boolean;
}

export type IdentityProblem = 'email' | 'password';
export type SettingsProblem =
  'password' | 'username' | 'imapHost' | 'imapPort' | 'smtpHost' | 'smtpPort' | 'plaintext' | 'outsideDomain';

export function emptyIdentity(rememberPassword = true): IdentityValues {
  return { name: '', email: '', password: '', rememberPassword };
}

export function isEmailAddress(email: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
}

export function identityProblems(values: IdentityValues): IdentityProblem[] {
  const problems: IdentityProblem[] = [];
  if (!isEmailAddress(values.email)) problems.push('email');
  // no password is fine here: a provider that signs in through its own page needs none, and
  // the settings step asks for it otherwise
  return problems;
}

function fields(server: ServerSettings): ServerFields {
  return { host: server.host, port: String(server.port), security: server.security };
}

/** What the user starts from without discovery: imap./smtp. + the domain, the secure ports. */
export function manualSettings(email: string): SettingsValues {
  return {
    protocol: 'imap',
    username: email.trim(),
    imap: { host: suggestedHost('imap', email), port: String(DEFAULT_PORTS.imap.tls), security: 'tls' },
    smtp: { host: suggestedHost('smtp', email), port: String(DEFAULT_PORTS.smtp.tls), security: 'tls' },
    plaintextConfirmed: false,
    outsideDomainConfirmed: false,
  };
}

export function settingsFromDiscovery(result: DiscoveryResult | null, email: string): SettingsValues {
  const found = result?.settings;
  if (!found) return manualSettings(email);
  return {
    protocol: found.protocol ?? 'imap',
    username: found.username,
    imap: fields(found.imap),
    smtp: fields(found.smtp),
    plaintextConfirmed: false,
    outsideDomainConfirmed: false,
  };
}

/** The standard POP3 ports: 995 over TLS, 110 with STLS. */
export const POP3_PORTS = DEFAULT_PORTS.pop3;

/**
 * The incoming server after the user picks `protocol`: the one discovery found for it, else the
 * current host with its usual first label swapped (imap. and pop.) and the protocol's TLS port.
 */
export function incomingForProtocol(
  protocol: 'imap' | 'pop3',
  values: SettingsValues,
  discovered: DiscoveredSettings | null | undefined,
): ServerFields {
  if (protocol === values.protocol) return values.imap;
  const foundProtocol = discovered?.protocol ?? 'imap';
  const found = protocol === foundProtocol ? discovered?.imap : protocol === 'pop3' ? discovered?.pop3 : undefined;
  if (found) return fields(found);
  const host = values.imap.host.trim();
  const swapped = protocol === 'pop3' ? host.replace(/^imap\./i, 'pop.') : host.replace(/^pop3?\./i, 'imap.');
  return {
    host: swapped,
    port: String(protocol === 'pop3' ? POP3_PORTS.tls : DEFAULT_PORTS.imap.tls),
    security: 'tls',
  };
}

/** Cleartext to a host that is not this computer: allowed only after a second, explicit "yes". */
export function needsPlaintextConfirmation(server: ServerFields): boolean {
  return server.security === 'plain' && server.host.trim() !== '' && !isLoopbackHost(server.host);
}

function validPort(port: string): boolean {
  const value = Number(port);
  return port.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

const HOST = /^[^\s/:@]+$|^\[[0-9a-f:.]+\]$/i;

/** Servers outside the address's domain that only DNS named, and the address's domain. */
export interface OutsideDomain {
  addressDomain: string;
  serverDomains: string[];
}

/**
 * The DNS-named servers outside the address's domain that the settings still point at (a host
 * the user typed over needs no confirming: the user chose it), or null when there are none.
 */
export function outsideDomainToConfirm(
  values: SettingsValues,
  discovered: DiscoveredSettings | null | undefined,
): OutsideDomain | null {
  const outside = discovered?.outsideDomain;
  if (!discovered || !outside) return null;
  const unchanged = (fields: ServerFields, found: ServerSettings) =>
    fields.host.trim().toLowerCase() === found.host.toLowerCase();
  const domains = [
    outside.imap && unchanged(values.imap, discovered.imap) ? outside.imap : null,
    outside.smtp && unchanged(values.smtp, discovered.smtp) ? outside.smtp : null,
  ].filter((domain, index, all): domain is string => domain !== null && all.indexOf(domain) === index);
  return domains.length > 0 ? { addressDomain: outside.addressDomain, serverDomains: domains } : null;
}

/** `discovered`: what discovery found, so servers outside the address's domain must be confirmed. */
export function settingsProblems(values: SettingsValues, discovered?: DiscoveredSettings | null): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (!values.username.trim()) problems.push('username');
  if (!HOST.test(values.imap.host.trim())) problems.push('imapHost');
  if (!validPort(values.imap.port)) problems.push('imapPort');
  if (!HOST.test(values.smtp.host.trim())) problems.push('smtpHost');
  if (!validPort(values.smtp.port)) problems.push('smtpPort');
  if (
    (needsPlaintextConfirmation(values.imap) || needsPlaintextConfirmation(values.smtp)) &&
    !values.plaintextConfirmed
  )
    problems.push('plaintext');
  if (outsideDomainToConfirm(values, discovered) && !values.outsideDomainConfirmed) problems.push('outsideDomain');
  return problems;
}

function server(values: ServerFields): ServerSettings {
  return { host: values.host.trim(), port: Number(values.port), security: values.security };
}

export function toConnectionSettings(values: SettingsValues): ConnectionSettings {
  return {
    username: values.username.trim(),
    imap: server(values.imap),
    smtp: server(values.smtp),
    ...(values.protocol === 'pop3' ? { protocol: 'pop3' as const } : {}),
  };
}

export function toAccountSettings(
  identity: IdentityValues,
  values: SettingsValues,
  discovered: DiscoveredSettings | null,
): AccountSettings {
  const email = identity.email.trim();
  const name = identity.name.trim();
  const settings = toConnectionSettings(values);
  // Gmail files sent mail itself; only while the servers are still the ones discovery found.
  const savesSent =
    discovered?.serverSavesSent === true &&
    discovered.smtp.host === settings.smtp.host &&
    discovered.imap.host === settings.imap.host;
  return {
    name: name || email,
    email,
    displayName: name,
    ...settings,
    ...(savesSent ? { serverSavesSent: true } : {}),
  };
}

/** Whether the plaintext confirmation is still meaningful for these settings. */
export function plaintextConfirmationShown(values: SettingsValues): boolean {
  return needsPlaintextConfirmation(values.imap) || needsPlaintextConfirmation(values.smtp);
}

export function bothConnected(result: ConnectionTestResult | null): boolean {
  return result !== null && result.imap.ok && result.smtp.ok;
}

export function authRefused(result: ConnectionTestResult | null): boolean {
  return [result?.imap, result?.smtp].some((outcome) => outcome?.ok === false && outcome.kind === 'auth');
}

export type SourceStates = Record<DiscoverySource, DiscoveryState>;

export function initialSourceStates(): SourceStates {
  return Object.fromEntries(DISCOVERY_SOURCES.map((source) => [source, 'waiting'])) as SourceStates;
}

/** Progress events may arrive after the result: the result's outcomes are final. */
export function sourceStatesFrom(result: DiscoveryResult): SourceStates {
  const states = initialSourceStates();
  for (const outcome of result.outcomes) states[outcome.source] = outcome.state;
  return states;
}

/** A certificate the user may trust from this outcome (untrusted or changed, with details). */
export function trustableCertificate(outcome: ConnectionTestResult['imap']): TestFailure['certificate'] | null {
  if (outcome.ok || (outcome.kind !== 'tls-untrusted' && outcome.kind !== 'tls-changed')) return null;
  return outcome.certificate ?? null;
}

export { emailDomain };
