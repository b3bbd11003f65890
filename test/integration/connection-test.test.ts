// The wizard's connection test against the real Dovecot + Postfix of the test bed: a working
// account, a wrong password (tried exactly once, and not again over SMTP), certificates that are
// not trusted, trusted (pinned) and changed, cleartext refused without a byte sent, and the
// network failures a person can act on.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveryProgress, TestOutcome } from '../../shared/discovery';
import type { ServerSettings } from '../../shared/domain';
import { createAccountHandlers, type AccountHandlers } from '../../electron/core/accounts/account-handlers';
import { passwordAuthenticator } from '../../electron/core/accounts/auth/password-authenticator';
import { CertificatePins, SeenCertificates } from '../../electron/core/accounts/cert-pins';
import { toPem } from '../../electron/core/accounts/certificate-info';
import { testConnection, testImap, testSmtp } from '../../electron/core/accounts/connection-test';
import { KeyFileCipher } from '../../electron/core/accounts/key-file-cipher';
import { Store } from '../../electron/core/store/store';
import { getMailServer } from '../mailserver/inject';
import { authFailures, waitForLogCount } from '../mailserver/logs';
import type { MailUser } from '../mailserver/types';
import { createMailUser } from '../support/mail-users';

const server = getMailServer();
const host = server.host;
const imaps: ServerSettings = { host, port: server.ports.imaps, security: 'tls' };
const imapStarttls: ServerSettings = { host, port: server.ports.imap, security: 'starttls' };
const submission: ServerSettings = { host, port: server.ports.submission, security: 'starttls' };
const submissions: ServerSettings = { host, port: server.ports.submissions, security: 'tls' };
const trust = { trustedCa: [server.caPem] };

let user: MailUser;
let dataDir: string;
let store: Store;
let handlers: AccountHandlers;
const progress: DiscoveryProgress[] = [];

beforeAll(async () => {
  user = await createMailUser(server, 'conntest');
  dataDir = mkdtempSync(path.join(tmpdir(), 'mail-conntest-'));
  store = Store.open(dataDir);
  handlers = createAccountHandlers({
    store,
    cipher: new KeyFileCipher(path.join(dataDir, 'secret.key')),
    trustedCa: trust.trustedCa,
    emit: (_event, payload) => progress.push(payload),
    testTimeoutMs: 5_000,
  });
});

afterAll(() => {
  store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function failureOf(outcome: TestOutcome) {
  if (outcome.ok) throw new Error('expected a failure, got ok');
  return outcome;
}

/** The certificate a port presents, read independently of the code under test. */
function peerCertificate(port: number): Promise<tls.PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate(true));
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

/** A TCP listener that counts connections (nothing may reach it). */
async function listener(address: string): Promise<{ port: number; connections: () => number; close(): void }> {
  let count = 0;
  const srv = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(0, address, () => resolve());
  });
  return {
    port: (srv.address() as net.AddressInfo).port,
    connections: () => count,
    close: () => srv.close(),
  };
}

/** A server that speaks just enough IMAP to say what the test wants it to say. */
async function fakeImap(
  capabilities: string,
  options: { greet?: boolean } = {},
): Promise<{ port: number; close(): void; lines: string[] }> {
  const lines: string[] = [];
  const srv = net.createServer((socket) => {
    socket.on('error', () => undefined);
    if (options.greet === false) return; // accepts, then says nothing
    socket.write(`* OK fake IMAP ready\r\n`);
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        lines.push(line);
        const [tag, command = ''] = line.split(' ');
        if (command.toUpperCase() === 'CAPABILITY') socket.write(`* CAPABILITY ${capabilities}\r\n`);
        if (command.toUpperCase() === 'LOGOUT') socket.write('* BYE\r\n');
        socket.write(`${tag} OK done\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  return { port: (srv.address() as net.AddressInfo).port, close: () => srv.close(), lines };
}

function nonLoopbackAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const entry of list ?? []) if (entry.family === 'IPv4' && !entry.internal) return entry.address;
  return null;
}

describe('a working account', () => {
  it('signs in to IMAP over TLS and to SMTP submission with STARTTLS', async () => {
    const result = await testConnection(
      { username: user.address, imap: imaps, smtp: submission },
      passwordAuthenticator(user.password),
      trust,
    );
    expect(result).toEqual({ imap: { ok: true }, smtp: { ok: true } });
  });

  it('also over IMAP STARTTLS and SMTP implicit TLS', async () => {
    const result = await handlers['accounts.testConnection']({
      settings: { username: user.address, imap: imapStarttls, smtp: submissions },
      password: user.password,
    });
    expect(result).toEqual({ imap: { ok: true }, smtp: { ok: true } });
  });
});

describe('a wrong password', () => {
  it('is tried once over IMAP, says "auth", and is not sent again over SMTP', async () => {
    const before = authFailures(server, user.address);
    const result = await testConnection(
      { username: user.address, imap: imaps, smtp: submission },
      passwordAuthenticator('not-the-password'),
      trust,
    );
    expect(failureOf(result.imap).kind).toBe('auth');
    expect(failureOf(result.smtp).kind).toBe('not-tried');
    expect(await waitForLogCount(() => authFailures(server, user.address), before + 1)).toBe(before + 1);
    // nothing more arrives later: one attempt per click, no retry loop
    await new Promise((r) => setTimeout(r, 1_500));
    expect(authFailures(server, user.address)).toBe(before + 1);
  });

  it('SMTP alone says "auth" after exactly one attempt', async () => {
    const before = authFailures(server, user.address);
    const outcome = await testSmtp(submission, user.address, passwordAuthenticator('wrong-again'), trust);
    expect(failureOf(outcome).kind).toBe('auth');
    expect(failureOf(outcome).serverText).toMatch(/^535/);
    expect(await waitForLogCount(() => authFailures(server, user.address), before + 1)).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(authFailures(server, user.address)).toBe(before + 1);
  });
});

describe('certificates', () => {
  it('an untrusted certificate is refused with its details, trusted, then accepted', async () => {
    const untrusted: ServerSettings = { host, port: server.ports.imapsUntrusted, security: 'tls' };
    const expected = await peerCertificate(untrusted.port);
    const first = await handlers['accounts.testConnection']({
      settings: { username: user.address, imap: untrusted, smtp: submission },
      password: user.password,
    });
    const refused = failureOf(first.imap);
    expect(refused.kind).toBe('tls-untrusted');
    expect(refused.certificate?.fingerprint256).toBe(expected.fingerprint256);
    expect(refused.certificate?.subject).toContain('CN=localhost');
    expect(refused.certificate?.issuer).toMatch(/CN=.+ CA/);
    expect(refused.certificate?.problem).toBe('untrusted-issuer');
    expect(refused.certificate?.validTo).toBeGreaterThan(Date.now());
    expect(first.smtp).toEqual({ ok: true });

    await handlers['accounts.trustCertificate']({
      host,
      port: untrusted.port,
      fingerprint256: refused.certificate!.fingerprint256,
    });
    const second = await handlers['accounts.testConnection']({
      settings: { username: user.address, imap: untrusted, smtp: submission },
      password: user.password,
    });
    expect(second.imap).toEqual({ ok: true });
  });

  it('trusting is refused for a certificate the engine did not show', async () => {
    await expect(
      handlers['accounts.trustCertificate']({ host, port: 1, fingerprint256: Array(32).fill('AB').join(':') }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a changed certificate (pinned to another one) is refused as "tls-changed"', async () => {
    const pins = new CertificatePins(store.db);
    const untrusted: ServerSettings = { host, port: server.ports.submissionsUntrusted, security: 'tls' };
    // Pin some other certificate for this server: the trusted server's own, a stranger here.
    const other = await peerCertificate(server.ports.imaps);
    pins.pin({
      host,
      port: untrusted.port,
      pem: toPem(other.raw),
      info: {
        subject: 'CN=other',
        issuer: 'CN=other',
        validFrom: 0,
        validTo: 0,
        fingerprint256: other.fingerprint256,
        altNames: [],
        problem: 'other',
      },
    });
    const outcome = await testSmtp(untrusted, user.address, passwordAuthenticator(user.password), {
      ...trust,
      pins: pins.lookup,
    });
    const changed = failureOf(outcome);
    expect(changed.kind).toBe('tls-changed');
    expect(changed.pinnedFingerprint256).toBe(other.fingerprint256);
    expect(changed.certificate?.fingerprint256).toBe((await peerCertificate(untrusted.port)).fingerprint256);
  });

  it('a pin does not lower the bar: a valid certificate passes on its own, another pinned cert is no key', async () => {
    const pins = new CertificatePins(store.db);
    const stranger = await peerCertificate(server.ports.imapsUntrusted);
    const servers = [imaps, imapStarttls, submission, submissions];
    for (const target of servers)
      pins.pin({
        host,
        port: target.port,
        pem: toPem(stranger.raw),
        info: {
          subject: '',
          issuer: '',
          validFrom: 0,
          validTo: 0,
          fingerprint256: stranger.fingerprint256,
          altNames: [],
          problem: 'other',
        },
      });
    try {
      // implicit TLS and STARTTLS upgrades, IMAP and SMTP: the pin rides along and changes nothing
      const result = await testConnection(
        { username: user.address, imap: imapStarttls, smtp: submission },
        passwordAuthenticator(user.password),
        { ...trust, pins: pins.lookup },
      );
      expect(result).toEqual({ imap: { ok: true }, smtp: { ok: true } });
      expect(
        await testImap(imaps, user.address, passwordAuthenticator(user.password), { ...trust, pins: pins.lookup }),
      ).toEqual({ ok: true });
      expect(
        await testSmtp(submissions, user.address, passwordAuthenticator(user.password), {
          ...trust,
          pins: pins.lookup,
        }),
      ).toEqual({ ok: true });
    } finally {
      for (const target of servers) pins.remove(host, target.port);
    }
  });

  it('SMTP with an untrusted certificate is refused, and after trusting the server is judged on sign-in', async () => {
    const seen = new SeenCertificates();
    const pins = new CertificatePins(store.db);
    const untrusted: ServerSettings = { host, port: server.ports.submissionsUntrusted, security: 'tls' };
    pins.remove(host, untrusted.port);
    const first = failureOf(
      await testSmtp(untrusted, user.address, passwordAuthenticator(user.password), { ...trust, seen }),
    );
    expect(first.kind).toBe('tls-untrusted');
    pins.pin(seen.find(host, untrusted.port, first.certificate!.fingerprint256)!);
    // This front forwards to the inbound port, which offers no AUTH: said so, password not sent.
    const second = failureOf(
      await testSmtp(untrusted, user.address, passwordAuthenticator(user.password), { ...trust, pins: pins.lookup }),
    );
    expect(second.kind).toBe('no-smtp-auth');
  });
});

describe('cleartext', () => {
  it('security "plain" to a host that is not this computer is refused before connecting', async () => {
    const address = nonLoopbackAddress();
    const target = address ? await listener(address) : null;
    try {
      const plainHost = address ?? 'mail.example.invalid';
      const port = target?.port ?? 143;
      const result = await testConnection(
        {
          username: user.address,
          imap: { host: plainHost, port, security: 'plain' },
          smtp: { host: plainHost, port, security: 'plain' },
        },
        passwordAuthenticator(user.password),
        trust,
      );
      expect(failureOf(result.imap).kind).toBe('plaintext-refused');
      expect(failureOf(result.smtp).kind).toBe('plaintext-refused');
      await new Promise((r) => setTimeout(r, 200));
      expect(target?.connections() ?? 0).toBe(0);
    } finally {
      target?.close();
    }
  });

  it('"plain" to loopback is allowed, and the server then says it wants encryption', async () => {
    const imap = await testImap(
      { host, port: server.ports.imap, security: 'plain' },
      user.address,
      passwordAuthenticator(user.password),
      trust,
    );
    expect(failureOf(imap).kind).toBe('encryption-required');
    const smtp = await testSmtp(
      { host, port: server.ports.smtp, security: 'plain' },
      user.address,
      passwordAuthenticator(user.password),
      trust,
    );
    expect(failureOf(smtp).kind).toBe('no-smtp-auth');
  });
});

describe('what a person can act on', () => {
  it('host not found, connection refused, timeout', async () => {
    const auth = passwordAuthenticator('x');
    expect(
      failureOf(await testImap({ host: 'imap.does-not-exist.invalid', port: 993, security: 'tls' }, 'u', auth)).kind,
    ).toBe('host-not-found');
    const closed = await listener('127.0.0.1');
    closed.close();
    expect(failureOf(await testImap({ host, port: closed.port, security: 'tls' }, 'u', auth)).kind).toBe('refused');
    expect(failureOf(await testSmtp({ host, port: closed.port, security: 'starttls' }, 'u', auth)).kind).toBe(
      'refused',
    );
    const silent = await fakeImap('', { greet: false });
    try {
      const started = Date.now();
      const outcome = await testImap({ host, port: silent.port, security: 'plain' }, 'u', auth, { timeoutMs: 1_000 });
      expect(failureOf(outcome).kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });

  it('STARTTLS not offered: refused before the password is sent', async () => {
    const fake = await fakeImap('IMAP4rev1 AUTH=PLAIN');
    try {
      const outcome = await testImap(
        { host, port: fake.port, security: 'starttls' },
        'u',
        passwordAuthenticator('secret'),
      );
      expect(failureOf(outcome).kind).toBe('no-starttls');
      expect(fake.lines.join('\n')).not.toMatch(/LOGIN|AUTHENTICATE/i);
    } finally {
      fake.close();
    }
  });

  it('a server without IMAP4rev1 is named as such', async () => {
    const fake = await fakeImap('IMAP4');
    try {
      const outcome = await testImap({ host, port: fake.port, security: 'plain' }, 'u', passwordAuthenticator('s'));
      expect(failureOf(outcome).kind).toBe('no-imap4rev1');
    } finally {
      fake.close();
    }
  });

  it('TLS spoken to a cleartext port is a TLS failure, not a certificate question', async () => {
    const outcome = await testImap(
      { host, port: server.ports.imap, security: 'tls' },
      'u',
      passwordAuthenticator('s'),
      { ...trust, timeoutMs: 3_000 },
    );
    expect(failureOf(outcome).kind).toBe('tls-failed');
  });
});

describe('secret storage and accounts.create', () => {
  it('reports the cipher strength', async () => {
    expect(await handlers['accounts.secretStorage']({})).toEqual({ strength: 'key-file' });
  });

  it('refuses a cleartext account to another host unless the user confirmed it', async () => {
    const settings = {
      name: 'x',
      email: 'x@example.test',
      displayName: '',
      username: 'x',
      imap: { host: 'mail.example.invalid', port: 143, security: 'plain' as const },
      smtp: submission,
    };
    await expect(
      handlers['accounts.create']({ settings, password: 'p', rememberPassword: true }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
