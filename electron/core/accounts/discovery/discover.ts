// Autodiscovery: which servers serve an address. The bundled presets answer at once for the big
// providers; otherwise every network source starts in parallel, each with a short deadline, and
// the highest-priority answer wins as soon as every source above it has given up. Sources below
// the winner are cancelled. Each source's state is reported as it changes.
import {
  DISCOVERY_SOURCES,
  type DiscoveredSettings,
  type DiscoveryResult,
  type DiscoverySource,
  type DiscoveryState,
  type SourceOutcome,
} from '../../../../shared/discovery';
import type { ServerSettings } from '../../../../shared/domain';
import { findingFromAutoconfig, parseAutoconfig } from './autoconfig';
import { parseEmailAddress, registrableDomain, type EmailAddress } from './domains';
import { guessFinding, type GuessPlan } from './guess';
import { findingFromPreset, PRESETS, presetForDomain, presetForMxDomain, type Preset } from './presets';
import { srvFinding } from './srv';
import type { DnsResolver, Finding, HttpGet, ServerCandidate } from './types';

export const DEFAULT_ISPDB_BASE_URL = 'https://autoconfig.thunderbird.net/v1.1/';

export interface DiscoveryOptions {
  http: HttpGet;
  dns: DnsResolver;
  /** Thunderbird's ISPDB, or a mirror of it; the domain is appended. */
  ispdbBaseUrl?: string;
  /** Deadline of each HTTP and DNS source. */
  timeoutMs?: number;
  /** Deadline of each guessing probe (the probes run in parallel). */
  probeTimeoutMs?: number;
  guessPlan?: GuessPlan;
  presets?: readonly Preset[];
  onProgress?: (source: DiscoverySource, state: DiscoveryState) => void;
  signal?: AbortSignal;
}

export class InvalidAddressError extends Error {
  constructor(email: string) {
    super(`"${email}" is not an email address such as you@example.com.`);
    this.name = 'InvalidAddressError';
  }
}

class NotAutoconfigError extends Error {}

/** Fetches and reads one autoconfig file; null when the server says it has none. */
async function fetchAutoconfig(
  url: string,
  address: EmailAddress,
  options: { http: HttpGet; signal: AbortSignal; timeoutMs: number },
): Promise<Finding | null> {
  const response = await options.http(url, { signal: options.signal, timeoutMs: options.timeoutMs });
  if (response.status === 404 || response.status === 410) return null;
  if (response.status !== 200) throw new NotAutoconfigError(`HTTP ${response.status} from ${url}`);
  return findingFromAutoconfig(parseAutoconfig(response.body), address, new URL(response.url).host);
}

type NetworkSource = Exclude<DiscoverySource, 'preset'>;

interface Run {
  settled: boolean;
  finding: Finding | null;
  controller: AbortController;
}

export async function discover(email: string, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const address = parseEmailAddress(email);
  if (!address) throw new InvalidAddressError(email);
  const timeoutMs = options.timeoutMs ?? 4_000;
  const outcomes = new Map<DiscoverySource, SourceOutcome>(
    DISCOVERY_SOURCES.map((source) => [source, { source, state: 'waiting' }]),
  );
  const set = (source: DiscoverySource, state: DiscoveryState, detail?: string) => {
    outcomes.set(source, { source, state, ...(detail ? { detail } : {}) });
    options.onProgress?.(source, state);
  };
  const result = (source: DiscoverySource | null, settings: DiscoveredSettings | null): DiscoveryResult => ({
    email: address.email,
    source,
    settings,
    outcomes: DISCOVERY_SOURCES.map((s) => outcomes.get(s)!),
  });

  // 1. Bundled presets: no network at all.
  set('preset', 'running');
  const preset = presetForDomain(address.domain, options.presets ?? PRESETS);
  if (preset) {
    const finding = findingFromPreset(preset, address, preset.name);
    set('preset', 'found', preset.name);
    for (const source of DISCOVERY_SOURCES) if (source !== 'preset') set(source, 'skipped');
    return result('preset', toSettings(finding, address));
  }
  set('preset', 'not-found');

  // 2. Every network source at once.
  const ispdbBase = options.ispdbBaseUrl ?? DEFAULT_ISPDB_BASE_URL;
  const steps: Record<NetworkSource, (signal: AbortSignal) => Promise<Finding | null>> = {
    autoconfig: (signal) =>
      fetchAutoconfig(
        `https://autoconfig.${address.domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(address.email)}`,
        address,
        { http: options.http, signal, timeoutMs },
      ),
    'well-known': (signal) =>
      fetchAutoconfig(`https://${address.domain}/.well-known/autoconfig/mail/config-v1.1.xml`, address, {
        http: options.http,
        signal,
        timeoutMs,
      }),
    ispdb: (signal) =>
      fetchAutoconfig(`${ispdbBase}${encodeURIComponent(address.domain)}`, address, {
        http: options.http,
        signal,
        timeoutMs,
      }),
    srv: () => srvFinding(address.domain, options.dns),
    'mx-ispdb': (signal) => mxFinding(address, options, ispdbBase, signal, timeoutMs),
    guess: (signal) =>
      guessFinding(address.domain, {
        dns: options.dns,
        timeoutMs: options.probeTimeoutMs ?? timeoutMs,
        signal,
        ...(options.guessPlan ? { plan: options.guessPlan } : {}),
      }),
  };
  const order = DISCOVERY_SOURCES.filter((s): s is NetworkSource => s !== 'preset');
  const runs = new Map<NetworkSource, Run>();

  return new Promise<DiscoveryResult>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      const winner = decide(order, runs);
      if (winner === undefined) return;
      done = true;
      for (const [source, run] of runs)
        if (!run.settled) {
          run.settled = true;
          run.controller.abort();
          set(source, 'skipped');
        }
      resolve(winner ? result(winner.source, toSettings(winner.finding, address)) : result(null, null));
    };
    options.signal?.addEventListener('abort', () => {
      for (const run of runs.values()) if (!run.settled) run.controller.abort();
    });

    for (const source of order) {
      const controller = new AbortController();
      const run: Run = { settled: false, finding: null, controller };
      runs.set(source, run);
      set(source, 'running');
      // The guess runs its probes in parallel, each with the deadline; the step itself gets a
      // little more so that a probe's own timeout is what ends it.
      const limit = source === 'guess' ? (options.probeTimeoutMs ?? timeoutMs) * 2 + 500 : timeoutMs;
      withDeadline(steps[source](controller.signal), limit, controller)
        .then((finding) => {
          if (run.settled) return;
          run.settled = true;
          run.finding = finding;
          set(source, finding ? 'found' : 'not-found', finding?.detail);
        })
        .catch((error: unknown) => {
          if (run.settled) return;
          run.settled = true;
          set(source, 'failed', (error as Error)?.message ?? String(error));
        })
        .finally(finish);
    }
  });
}

/**
 * The winning source: the first, in priority order, with both servers, once every source above
 * it has settled. undefined: not decided yet. null: nothing found at all. When no source has
 * both, each server comes from the best source that has it.
 */
function decide(
  order: readonly NetworkSource[],
  runs: Map<NetworkSource, Run>,
): { source: DiscoverySource; finding: Finding } | null | undefined {
  for (const source of order) {
    const run = runs.get(source);
    if (!run || !run.settled) return undefined;
    if (run.finding?.imap && run.finding.smtp) return { source, finding: run.finding };
  }
  // POP3 is proposed only where no source found an IMAP server
  const withImap = order.find((s) => runs.get(s)?.finding?.imap) ?? order.find((s) => runs.get(s)?.finding?.pop3);
  const withSmtp = order.find((s) => runs.get(s)?.finding?.smtp);
  const lead = withImap ?? withSmtp;
  if (!lead) return null;
  const base = runs.get(lead)!.finding!;
  const smtp = withSmtp ? runs.get(withSmtp)!.finding!.smtp : undefined;
  return { source: lead, finding: { ...base, ...(smtp ? { smtp } : {}) } };
}

function withDeadline<T>(work: Promise<T>, ms: number, controller: AbortController): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${Math.round(ms / 100) / 10} s`));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The provider that receives the domain's mail (MX), by preset or by its ISPDB entry. */
async function mxFinding(
  address: EmailAddress,
  options: DiscoveryOptions,
  ispdbBase: string,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Finding | null> {
  const records = (await options.dns.resolveMx(address.domain))
    .filter((r) => r.exchange && r.exchange !== '.')
    .sort((a, b) => a.priority - b.priority);
  const exchange = records[0]?.exchange.replace(/\.$/, '').toLowerCase();
  if (!exchange) return null;
  const mxDomain = registrableDomain(exchange);
  const preset = presetForMxDomain(mxDomain, options.presets ?? PRESETS);
  if (preset) return findingFromPreset(preset, address, `${exchange} → ${preset.name}`);
  // The domain itself was asked already (ISPDB source): only another domain tells more.
  if (mxDomain === address.domain) return null;
  const found = await fetchAutoconfig(`${ispdbBase}${encodeURIComponent(mxDomain)}`, address, {
    http: options.http,
    signal,
    timeoutMs,
  });
  if (!found) return null;
  // the MX answer chose which ISPDB entry to trust: its servers are as good as DNS
  return {
    ...found,
    ...(found.imap ? { imap: { ...found.imap, fromDns: true } } : {}),
    ...(found.smtp ? { smtp: { ...found.smtp, fromDns: true } } : {}),
    detail: `${exchange} → ${mxDomain}`,
  };
}

/** The conventional submission server, when no source named one. */
function defaultSmtp(domain: string): ServerCandidate {
  return { host: `smtp.${domain}`, port: 587, security: 'starttls', auth: [] };
}

function defaultImap(domain: string): ServerCandidate {
  return { host: `imap.${domain}`, port: 993, security: 'tls', auth: [] };
}

function server(candidate: ServerCandidate): ServerSettings {
  return { host: candidate.host, port: candidate.port, security: candidate.security };
}

/** The registrable domain of a DNS-named server outside the address's own, else undefined. */
function outsider(candidate: ServerCandidate, address: EmailAddress): string | undefined {
  if (!candidate.fromDns) return undefined;
  const domain = registrableDomain(candidate.host);
  return domain === registrableDomain(address.domain) ? undefined : domain;
}

function toSettings(finding: Finding, address: EmailAddress): DiscoveredSettings {
  // only POP3 found: the account reads its mail over POP3 (the wizard says what that means)
  const pop3Only = !finding.imap && finding.pop3 !== undefined;
  const imap = finding.imap ?? finding.pop3 ?? defaultImap(address.domain);
  const smtp = finding.smtp ?? defaultSmtp(address.domain);
  const imapOutside = outsider(imap, address);
  const smtpOutside = outsider(smtp, address);
  return {
    username: finding.username ?? address.email,
    imap: server(imap),
    smtp: server(smtp),
    imapAuth: imap.auth,
    smtpAuth: smtp.auth,
    ...(pop3Only ? { protocol: 'pop3' as const } : finding.pop3 ? { pop3: server(finding.pop3) } : {}),
    ...(finding.provider ? { provider: finding.provider } : {}),
    ...(finding.serverSavesSent ? { serverSavesSent: true } : {}),
    ...(imapOutside || smtpOutside
      ? {
          outsideDomain: {
            addressDomain: registrableDomain(address.domain),
            ...(imapOutside ? { imap: imapOutside } : {}),
            ...(smtpOutside ? { smtp: smtpOutside } : {}),
          },
        }
      : {}),
  };
}
