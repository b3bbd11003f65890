// The order of discovery with a fake network: presets without a request, every other source at
// once, the highest-priority answer winning even when a lower one is faster, slow sources cut
// off by their deadline, partial answers combined, and progress reported per source.
import { describe, expect, it } from 'vitest';
import type { DiscoverySource, DiscoveryState } from '../../shared/discovery';
import { discover, InvalidAddressError } from '../../electron/core/accounts/discovery/discover';
import type {
  DnsResolver,
  HttpGet,
  HttpResponse,
  MxRecord,
  SrvRecord,
} from '../../electron/core/accounts/discovery/types';

function config(imapHost: string, smtpHost: string, options: { incoming?: 'imap' | 'pop3' } = {}): string {
  return `<?xml version="1.0"?>
  <clientConfig version="1.1"><emailProvider id="p">
    <displayName>Provider ${imapHost}</displayName>
    <incomingServer type="${options.incoming ?? 'imap'}"><hostname>${imapHost}</hostname><port>993</port>
      <socketType>SSL</socketType><username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication></incomingServer>
    <outgoingServer type="smtp"><hostname>${smtpHost}</hostname><port>465</port>
      <socketType>SSL</socketType><username>%EMAILLOCALPART%</username>
      <authentication>password-cleartext</authentication></outgoingServer>
  </emailProvider></clientConfig>`;
}

type Route = { delayMs?: number; status?: number; body?: string; error?: string } | 'hang';

/** An HttpGet answering from a table; unknown URLs are 404. Records what was asked. */
function fakeHttp(routes: Record<string, Route>): HttpGet & { asked: string[] } {
  const asked: string[] = [];
  const get: HttpGet = (url, { signal }) => {
    asked.push(url);
    const route = routes[url] ?? { status: 404, body: '' };
    return new Promise<HttpResponse>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('aborted')));
      if (route === 'hang') return;
      setTimeout(() => {
        if (route.error) reject(new Error(route.error));
        else resolve({ status: route.status ?? 200, body: route.body ?? '', url });
      }, route.delayMs ?? 0);
    });
  };
  return Object.assign(get, { asked });
}

function fakeDns(
  table: { srv?: Record<string, SrvRecord[]>; mx?: Record<string, MxRecord[]>; delayMs?: number } = {},
): DnsResolver {
  const wait = () => new Promise((r) => setTimeout(r, table.delayMs ?? 0));
  return {
    resolveSrv: async (name) => (await wait(), table.srv?.[name] ?? []),
    resolveMx: async (name) => (await wait(), table.mx?.[name] ?? []),
    lookup: async (host) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    },
  };
}

const AUTOCONFIG = 'https://autoconfig.example.org/mail/config-v1.1.xml?emailaddress=ada%40example.org';
const WELL_KNOWN = 'https://example.org/.well-known/autoconfig/mail/config-v1.1.xml';
const ISPDB = 'https://autoconfig.thunderbird.net/v1.1/example.org';

function progressLog() {
  const events: [DiscoverySource, DiscoveryState][] = [];
  return { events, onProgress: (source: DiscoverySource, state: DiscoveryState) => events.push([source, state]) };
}

describe('discovery order', () => {
  it('a bundled preset answers without a single request', async () => {
    const http = fakeHttp({});
    const progress = progressLog();
    const result = await discover('ada@gmail.com', { http, dns: fakeDns(), ...progress });
    expect(http.asked).toEqual([]);
    expect(result.source).toBe('preset');
    expect(result.settings).toMatchObject({
      username: 'ada@gmail.com',
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.gmail.com', port: 465, security: 'tls' },
      provider: { name: 'Gmail', appPassword: true },
      serverSavesSent: true,
    });
    expect(result.outcomes.map((o) => `${o.source}:${o.state}`)).toEqual([
      'preset:found',
      'autoconfig:skipped',
      'well-known:skipped',
      'ispdb:skipped',
      'srv:skipped',
      'mx-ispdb:skipped',
      'guess:skipped',
    ]);
    expect(progress.events[0]).toEqual(['preset', 'running']);
  });

  it('asks every network source at once, with the exact addresses', async () => {
    const http = fakeHttp({});
    await discover('ada@example.org', { http, dns: fakeDns(), timeoutMs: 500 });
    expect(http.asked.sort()).toEqual([AUTOCONFIG, WELL_KNOWN, ISPDB].sort());
  });

  it('the provider autoconfig wins over a faster ISPDB answer', async () => {
    const http = fakeHttp({
      [AUTOCONFIG]: { delayMs: 80, body: config('imap.provider.example', 'smtp.provider.example') },
      [ISPDB]: { delayMs: 0, body: config('imap.ispdb.example', 'smtp.ispdb.example') },
    });
    const result = await discover('ada@example.org', { http, dns: fakeDns(), timeoutMs: 1_000 });
    expect(result.source).toBe('autoconfig');
    expect(result.settings).toMatchObject({
      username: 'ada',
      imap: { host: 'imap.provider.example' },
      smtp: { host: 'smtp.provider.example' },
    });
    const states = Object.fromEntries(result.outcomes.map((o) => [o.source, o.state]));
    expect(states).toMatchObject({
      preset: 'not-found',
      autoconfig: 'found',
      'well-known': 'not-found',
      ispdb: 'found',
    });
  });

  it('a lower source waits until every higher one has answered, then wins; the rest are cancelled', async () => {
    const http = fakeHttp({
      [WELL_KNOWN]: { delayMs: 100, status: 404 },
      [ISPDB]: { delayMs: 0, body: config('imap.ispdb.example', 'smtp.ispdb.example') },
    });
    const progress = progressLog();
    const started = Date.now();
    // MX and guess would take long: the ISPDB answer ends discovery without waiting for them.
    const dns = fakeDns({ delayMs: 2_000 });
    const result = await discover('ada@example.org', { http, dns, timeoutMs: 5_000, ...progress });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result.source).toBe('ispdb');
    const states = Object.fromEntries(result.outcomes.map((o) => [o.source, o.state]));
    expect(states).toMatchObject({ 'well-known': 'not-found', ispdb: 'found', srv: 'skipped', 'mx-ispdb': 'skipped' });
    expect(progress.events).toContainEqual(['srv', 'skipped']);
  });

  it('a source that does not answer is cut off by its deadline', async () => {
    const http = fakeHttp({
      [AUTOCONFIG]: 'hang',
      [WELL_KNOWN]: { body: config('imap.wk.example', 'smtp.wk.example') },
    });
    const started = Date.now();
    const result = await discover('ada@example.org', { http, dns: fakeDns(), timeoutMs: 300 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.source).toBe('well-known');
    expect(result.outcomes.find((o) => o.source === 'autoconfig')).toMatchObject({
      state: 'failed',
      detail: expect.stringMatching(/no answer within 0.3 s/),
    });
  });

  it('broken answers fail their source only', async () => {
    const http = fakeHttp({
      [AUTOCONFIG]: { status: 500 },
      [WELL_KNOWN]: { body: '<!DOCTYPE x [<!ENTITY a "b">]><clientConfig/>' },
      [ISPDB]: { body: config('imap.ispdb.example', 'smtp.ispdb.example') },
    });
    const result = await discover('ada@example.org', { http, dns: fakeDns(), timeoutMs: 1_000 });
    expect(result.source).toBe('ispdb');
    expect(result.outcomes.find((o) => o.source === 'autoconfig')).toMatchObject({ state: 'failed', detail: /500/ });
    expect(result.outcomes.find((o) => o.source === 'well-known')).toMatchObject({
      state: 'failed',
      detail: /DOCTYPE/,
    });
  });

  it('SRV records answer when no autoconfig file exists', async () => {
    const dns = fakeDns({
      srv: {
        '_imaps._tcp.example.org': [{ name: 'mail.example.org', port: 993, priority: 0, weight: 0 }],
        '_submissions._tcp.example.org': [{ name: 'mail.example.org', port: 465, priority: 0, weight: 0 }],
      },
    });
    const result = await discover('ada@example.org', { http: fakeHttp({}), dns, timeoutMs: 1_000 });
    expect(result.source).toBe('srv');
    expect(result.settings).toMatchObject({
      username: 'ada@example.org',
      imap: { host: 'mail.example.org', port: 993, security: 'tls' },
      smtp: { host: 'mail.example.org', port: 465, security: 'tls' },
    });
  });

  it('a custom domain hosted by a known provider is recognised by its MX', async () => {
    const dns = fakeDns({ mx: { 'example.org': [{ exchange: 'aspmx.l.google.com', priority: 1 }] } });
    const result = await discover('ada@example.org', { http: fakeHttp({}), dns, timeoutMs: 1_000 });
    expect(result.source).toBe('mx-ispdb');
    expect(result.settings?.imap.host).toBe('imap.gmail.com');
    expect(result.outcomes.find((o) => o.source === 'mx-ispdb')?.detail).toBe('aspmx.l.google.com → Gmail');
  });

  it('otherwise the MX host’s domain is looked up in the (configurable) ISPDB', async () => {
    const base = 'https://ispdb.test/v1.1/';
    const http = fakeHttp({
      [`${base}mailhost.example`]: { body: config('imap.mailhost.example', 'smtp.mailhost.example') },
    });
    const dns = fakeDns({ mx: { 'example.org': [{ exchange: 'mx2.eu.mailhost.example.', priority: 5 }] } });
    const result = await discover('ada@example.org', { http, dns, timeoutMs: 1_000, ispdbBaseUrl: base });
    expect(http.asked).toContain(`${base}example.org`);
    expect(result.source).toBe('mx-ispdb');
    expect(result.settings?.imap.host).toBe('imap.mailhost.example');
  });

  it('partial answers are combined: each server from the best source that has it', async () => {
    const http = fakeHttp({
      // POP3 only: its SMTP server is still good to know
      [AUTOCONFIG]: { body: config('pop.example.org', 'smtp.from-autoconfig.example', { incoming: 'pop3' }) },
    });
    const dns = fakeDns({
      srv: { '_imaps._tcp.example.org': [{ name: 'imap.from-srv.example', port: 993, priority: 0, weight: 0 }] },
    });
    const result = await discover('ada@example.org', { http, dns, timeoutMs: 1_000 });
    expect(result.source).toBe('srv');
    expect(result.settings?.imap.host).toBe('imap.from-srv.example');
    expect(result.settings?.smtp.host).toBe('smtp.from-autoconfig.example');
  });

  it('nothing found: every source says why, and there are no settings', async () => {
    const result = await discover('ada@example.org', { http: fakeHttp({}), dns: fakeDns(), timeoutMs: 1_000 });
    expect(result.source).toBeNull();
    expect(result.settings).toBeNull();
    expect(result.outcomes.map((o) => o.state)).toEqual([
      'not-found',
      'not-found',
      'not-found',
      'not-found',
      'not-found',
      'not-found',
      'not-found',
    ]);
  });

  it('refuses what is not an address', async () => {
    await expect(discover('not an address', { http: fakeHttp({}), dns: fakeDns() })).rejects.toBeInstanceOf(
      InvalidAddressError,
    );
  });
});

// A DNS answer can be spoofed on a hostile network, and the attacker's server then shows a valid
// certificate for its own name: a server only DNS named, outside the address's registrable
// domain, is marked for the wizard to confirm. Presets and files fetched over HTTPS are not.
describe('servers outside the address’s domain', () => {
  const srvTo = (domain: string, host: string) => ({
    [`_imaps._tcp.${domain}`]: [{ name: host, port: 993, priority: 0, weight: 0 }],
    [`_submissions._tcp.${domain}`]: [{ name: host, port: 465, priority: 0, weight: 0 }],
  });

  it('named by SRV records are marked with both domains', async () => {
    const dns = fakeDns({ srv: srvTo('example.org', 'mail.attacker.example') });
    const result = await discover('ada@example.org', { http: fakeHttp({}), dns, timeoutMs: 1_000 });
    expect(result.source).toBe('srv');
    expect(result.settings?.outsideDomain).toEqual({
      addressDomain: 'example.org',
      imap: 'attacker.example',
      smtp: 'attacker.example',
    });
  });

  it('named by SRV inside the same registrable domain are not marked (multi-label suffixes included)', async () => {
    const sub = await discover('ada@lists.example.org', {
      http: fakeHttp({}),
      dns: fakeDns({ srv: srvTo('lists.example.org', 'imap.example.org') }),
      timeoutMs: 1_000,
    });
    expect(sub.source).toBe('srv');
    expect(sub.settings?.outsideDomain).toBeUndefined();

    const uk = await discover('ada@shop.co.uk', {
      http: fakeHttp({}),
      dns: fakeDns({ srv: srvTo('shop.co.uk', 'mail.other.co.uk') }),
      timeoutMs: 1_000,
    });
    // co.uk is a public suffix: other.co.uk is someone else
    expect(uk.settings?.outsideDomain).toEqual({
      addressDomain: 'shop.co.uk',
      imap: 'other.co.uk',
      smtp: 'other.co.uk',
    });
  });

  it('found through the MX host’s ISPDB entry are marked; a preset recognised by MX is not', async () => {
    const base = 'https://ispdb.test/v1.1/';
    const http = fakeHttp({
      [`${base}mailhost.example`]: { body: config('imap.mailhost.example', 'smtp.mailhost.example') },
    });
    const viaIspdb = await discover('ada@example.org', {
      http,
      dns: fakeDns({ mx: { 'example.org': [{ exchange: 'mx2.eu.mailhost.example.', priority: 5 }] } }),
      timeoutMs: 1_000,
      ispdbBaseUrl: base,
    });
    expect(viaIspdb.settings?.outsideDomain).toEqual({
      addressDomain: 'example.org',
      imap: 'mailhost.example',
      smtp: 'mailhost.example',
    });

    const viaPreset = await discover('ada@example.org', {
      http: fakeHttp({}),
      dns: fakeDns({ mx: { 'example.org': [{ exchange: 'aspmx.l.google.com', priority: 1 }] } }),
      timeoutMs: 1_000,
    });
    expect(viaPreset.settings?.imap.host).toBe('imap.gmail.com');
    expect(viaPreset.settings?.outsideDomain).toBeUndefined();
  });

  it('named by the domain’s own autoconfig file over HTTPS are not marked', async () => {
    const http = fakeHttp({ [AUTOCONFIG]: { body: config('imap.hoster.example', 'smtp.hoster.example') } });
    const result = await discover('ada@example.org', { http, dns: fakeDns(), timeoutMs: 1_000 });
    expect(result.source).toBe('autoconfig');
    expect(result.settings?.outsideDomain).toBeUndefined();
  });

  it('only the server DNS named is marked when answers are combined', async () => {
    const http = fakeHttp({
      [AUTOCONFIG]: { body: config('pop.example.org', 'smtp.hoster.example', { incoming: 'pop3' }) },
    });
    const dns = fakeDns({
      srv: { '_imaps._tcp.example.org': [{ name: 'imap.elsewhere.example', port: 993, priority: 0, weight: 0 }] },
    });
    const result = await discover('ada@example.org', { http, dns, timeoutMs: 1_000 });
    expect(result.settings?.outsideDomain).toEqual({ addressDomain: 'example.org', imap: 'elsewhere.example' });
  });
});

describe('POP3 where only POP3 is found', () => {
  it('proposes the POP3 server of a POP3-only autoconfig file when no source finds IMAP', async () => {
    const http = fakeHttp({
      [AUTOCONFIG]: { body: config('pop.example.org', 'smtp.example.org', { incoming: 'pop3' }) },
    });
    const result = await discover('ada@example.org', { http, dns: fakeDns(), timeoutMs: 1_000 });
    expect(result.source).toBe('autoconfig');
    expect(result.settings).toMatchObject({
      protocol: 'pop3',
      imap: { host: 'pop.example.org', port: 993, security: 'tls' },
      smtp: { host: 'smtp.example.org' },
    });
  });

  it('proposes IMAP when a file names both, keeping the POP3 server for a user who chooses it', async () => {
    const both = config('imap.example.org', 'smtp.example.org').replace(
      '<outgoingServer',
      '<incomingServer type="pop3"><hostname>pop.example.org</hostname><port>995</port><socketType>SSL</socketType></incomingServer><outgoingServer',
    );
    const result = await discover('ada@example.org', {
      http: fakeHttp({ [AUTOCONFIG]: { body: both } }),
      dns: fakeDns(),
      timeoutMs: 1_000,
    });
    expect(result.settings?.protocol).toBeUndefined();
    expect(result.settings?.imap.host).toBe('imap.example.org');
    expect(result.settings?.pop3).toEqual({ host: 'pop.example.org', port: 995, security: 'tls' });
  });
});
