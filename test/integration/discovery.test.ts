// Discovery over real sockets, offline: autoconfig files served by a local HTTPS server (its own
// CA, made with the openssl CLI, trusted the way the test bed's is), the default HttpGet's
// rules (HTTPS only, certificates checked, redirects, size and time limits), and guessing that
// probes the test bed's real IMAP and SMTP servers through a fake resolver.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveryProgress } from '../../shared/discovery';
import { createAccountHandlers } from '../../electron/core/accounts/account-handlers';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';
import { discover } from '../../electron/core/accounts/discovery/discover';
import { guessFinding } from '../../electron/core/accounts/discovery/guess';
import { createHttpGet } from '../../electron/core/accounts/discovery/http-get';
import { probeImap, probeSmtp } from '../../electron/core/accounts/discovery/probe';
import type { DnsResolver, HttpGet } from '../../electron/core/accounts/discovery/types';
import { Store } from '../../electron/core/store/store';
import { getMailServer } from '../mailserver/inject';

const server = getMailServer();
const NAMES = ['autoconfig.wizard.test', 'wizard.test', 'ispdb.wizard.test', 'big.wizard.test', 'slow.wizard.test'];

let dir: string;
let caPem: string;
let web: https.Server;
let webPort: number;
let http: HttpGet;

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A CA and a server certificate for NAMES, made with the openssl CLI. */
function makeCertificates(into: string): { ca: string; cert: string; key: string } {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const file = (name: string) => path.join(into, name);
  openssl(['req', '-x509', ...ec, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2',
    '-subj', '/CN=Discovery test CA', '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign']); // prettier-ignore
  openssl(['req', ...ec, '-keyout', file('web.key'), '-out', file('web.csr'), '-subj', '/CN=wizard.test']);
  writeFileSync(
    file('web.ext'),
    `basicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\nsubjectAltName=${NAMES.map((n) => `DNS:${n}`).join(',')}\n`,
  );
  openssl(['x509', '-req', '-in', file('web.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'),
    '-CAcreateserial', '-days', '2', '-sha256', '-extfile', file('web.ext'), '-out', file('web.crt')]); // prettier-ignore
  return {
    ca: readFileSync(file('ca.crt'), 'utf8'),
    cert: readFileSync(file('web.crt'), 'utf8'),
    key: readFileSync(file('web.key'), 'utf8'),
  };
}

function autoconfigXml(imapHost: string, imapPort: number, smtpHost: string, smtpPort: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<clientConfig version="1.1">
  <emailProvider id="wizard.test">
    <domain>wizard.test</domain>
    <displayName>Wizard Test Mail</displayName>
    <incomingServer type="pop3">
      <hostname>pop.wizard.test</hostname><port>995</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="imap">
      <hostname>${imapHost}</hostname><port>${imapPort}</port><socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>${smtpHost}</hostname><port>${smtpPort}</port><socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication>
    </outgoingServer>
  </emailProvider>
</clientConfig>`;
}

const requests: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mail-discovery-'));
  const certs = makeCertificates(dir);
  caPem = certs.ca;
  web = https.createServer({ cert: certs.cert, key: certs.key }, (req, res) => {
    const url = `https://${req.headers.host}${req.url}`;
    requests.push(url);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host === 'autoconfig.wizard.test' && req.url?.startsWith('/mail/config-v1.1.xml?emailaddress=')) {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(autoconfigXml('127.0.0.1', server.ports.imaps, '127.0.0.1', server.ports.submission));
    } else if (host === 'wizard.test' && req.url?.startsWith('/moved')) {
      res.writeHead(301, { location: 'https://ispdb.wizard.test/v1.1/wizard.test' });
      res.end();
    } else if (host === 'wizard.test' && req.url === '/to-http') {
      res.writeHead(302, { location: 'http://ispdb.wizard.test/v1.1/wizard.test' });
      res.end();
    } else if (host === 'ispdb.wizard.test' && req.url === '/v1.1/wizard.test') {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(autoconfigXml('imap.ispdb-answer.test', 993, 'smtp.ispdb-answer.test', 587));
    } else if (host === 'big.wizard.test') {
      res.writeHead(200);
      res.end('x'.repeat(400 * 1024));
    } else if (host === 'slow.wizard.test') {
      setTimeout(() => res.end('late'), 3_000).unref();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', () => resolve()));
  webPort = (web.address() as AddressInfo).port;
  http = createHttpGet({
    trustedCa: [caPem],
    connectTo: (host) => (NAMES.includes(host) ? { host: '127.0.0.1', port: webPort } : null),
  });
});

afterAll(async () => {
  web?.closeAllConnections();
  await new Promise((resolve) => web?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A resolver with no DNS at all, except names pointing at the test bed. */
function fakeDns(hosts: Record<string, string> = {}): DnsResolver {
  return {
    resolveSrv: async () => [],
    resolveMx: async () => [],
    lookup: async (host) => {
      const address = hosts[host];
      if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return address;
    },
  };
}

const options = { signal: new AbortController().signal, timeoutMs: 2_000 };

describe('the default HttpGet', () => {
  it('fetches over HTTPS, checking the certificate against the URL’s name', async () => {
    const response = await http('https://ispdb.wizard.test/v1.1/wizard.test', options);
    expect(response.status).toBe(200);
    expect(response.body).toContain('imap.ispdb-answer.test');
  });

  it('follows HTTPS redirects, never to plain HTTP', async () => {
    const moved = await http('https://wizard.test/moved', options);
    expect(moved).toMatchObject({ status: 200, url: 'https://ispdb.wizard.test/v1.1/wizard.test' });
    await expect(http('https://wizard.test/to-http', options)).rejects.toThrow(/HTTPS only/);
    await expect(http('http://wizard.test/', options)).rejects.toThrow(/HTTPS only/);
  });

  it('refuses a certificate it does not trust', async () => {
    const untrusting = createHttpGet({ connectTo: () => ({ host: '127.0.0.1', port: webPort }) });
    await expect(untrusting('https://wizard.test/', options)).rejects.toMatchObject({
      code: expect.stringMatching(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/),
    });
  });

  it('refuses an oversized body and gives up on a slow server', async () => {
    await expect(http('https://big.wizard.test/', options)).rejects.toMatchObject({ code: 'ETOOLARGE' });
    const started = Date.now();
    await expect(http('https://slow.wizard.test/', { ...options, timeoutMs: 300 })).rejects.toMatchObject({
      code: 'ETIMEDOUT',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('discovery over HTTPS', () => {
  it('the provider’s autoconfig file wins, parsed fully, with progress per source', async () => {
    const progress: DiscoveryProgress[] = [];
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mail-discovery-store-'));
    const store = Store.open(dataDir);
    try {
      const handlers = createAccountHandlers({
        store,
        cipher: new KeyFileCipher(path.join(dataDir, 'key')),
        emit: (_event, payload) => progress.push(payload),
        http,
        dns: fakeDns(),
        discovery: { ispdbBaseUrl: 'https://ispdb.wizard.test/v1.1/', timeoutMs: 2_000 },
      });
      const result = await handlers['accounts.discover']({ email: 'dora@wizard.test' });
      expect(result.source).toBe('autoconfig');
      expect(result.settings).toEqual({
        username: 'dora@wizard.test',
        imap: { host: '127.0.0.1', port: server.ports.imaps, security: 'tls' },
        smtp: { host: '127.0.0.1', port: server.ports.submission, security: 'starttls' },
        imapAuth: ['password-cleartext'],
        smtpAuth: ['password-cleartext'],
        provider: { id: 'wizard.test', name: 'Wizard Test Mail', appPassword: false },
        // the file's POP3 server, kept for a user who chooses POP3 (IMAP is what is proposed)
        pop3: { host: 'pop.wizard.test', port: 995, security: 'tls' },
      });
      expect(requests).toContain(`https://autoconfig.wizard.test/mail/config-v1.1.xml?emailaddress=dora%40wizard.test`);
      expect(progress.filter((p) => p.source === 'autoconfig').map((p) => p.state)).toEqual(['running', 'found']);
      expect(progress.every((p) => p.email === 'dora@wizard.test')).toBe(true);
      expect(result.outcomes.find((o) => o.source === 'autoconfig')?.detail).toBe('autoconfig.wizard.test');
    } finally {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the ISPDB answers for a domain without its own file', async () => {
    const result = await discover('dora@ispdb-only.wizard.test', {
      http: createHttpGet({ trustedCa: [caPem], connectTo: () => ({ host: '127.0.0.1', port: webPort }) }),
      dns: fakeDns(),
      ispdbBaseUrl: 'https://wizard.test/moved?domain=',
      timeoutMs: 2_000,
    });
    expect(result.source).toBe('ispdb');
    expect(result.settings?.imap.host).toBe('imap.ispdb-answer.test');
  });
});

describe('guessing against the test bed', () => {
  it('probes read the IMAP greeting and capabilities, and the SMTP EHLO before and after STARTTLS', async () => {
    const dns = fakeDns({ 'mail.example.test': '127.0.0.1' });
    const probeOptions = { dns, timeoutMs: 3_000 };
    expect(
      await probeImap({ host: 'mail.example.test', port: server.ports.imaps, security: 'tls' }, probeOptions),
    ).toEqual({
      imap4rev1: true,
      starttls: false,
    });
    expect(
      await probeImap({ host: 'mail.example.test', port: server.ports.imap, security: 'starttls' }, probeOptions),
    ).toEqual({ imap4rev1: true, starttls: true });
    const submission = await probeSmtp(
      { host: 'mail.example.test', port: server.ports.submission, security: 'starttls' },
      probeOptions,
    );
    expect(submission.starttls).toBe(true);
    expect(submission.auth).toContain('PLAIN');
    const inbound = await probeSmtp(
      { host: 'mail.example.test', port: server.ports.smtp, security: 'starttls' },
      probeOptions,
    );
    expect(inbound.auth).toEqual([]);
  });

  it('finds the servers among the usual names, preferring implicit TLS', async () => {
    const dns = fakeDns({ 'mail.example.test': '127.0.0.1' });
    const finding = await guessFinding('example.test', {
      dns,
      timeoutMs: 3_000,
      signal: new AbortController().signal,
      plan: {
        imapPrefixes: ['imap.', 'mail.', ''],
        smtpPrefixes: ['smtp.', 'mail.', ''],
        imapPorts: [
          { port: server.ports.imaps, security: 'tls' },
          { port: server.ports.imap, security: 'starttls' },
        ],
        smtpPorts: [
          { port: server.ports.submissions, security: 'tls' },
          { port: server.ports.submission, security: 'starttls' },
        ],
      },
    });
    expect(finding).toMatchObject({
      imap: { host: 'mail.example.test', port: server.ports.imaps, security: 'tls' },
      smtp: {
        host: 'mail.example.test',
        port: server.ports.submissions,
        security: 'tls',
        // the test bed's submission takes passwords and, through Dovecot's oauth2 passdb, XOAUTH2
        auth: ['password-cleartext', 'oauth2'],
      },
    });
  });

  it('with nothing to find, discovery of @example.test ends quickly with no settings', async () => {
    const started = Date.now();
    const result = await discover('dora@example.test', { http, dns: fakeDns(), timeoutMs: 1_000 });
    expect(result.source).toBeNull();
    expect(result.outcomes.find((o) => o.source === 'guess')?.state).toBe('not-found');
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
