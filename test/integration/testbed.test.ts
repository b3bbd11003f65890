// Proves the test mail server (test/mailserver): TLS with the run's own CA, STARTTLS,
// refusal of an untrusted certificate, submission through Postfix into Dovecot, IDLE,
// bulk population, the sample message shapes, and countable auth failures.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import {
  appendMessage,
  connectImap,
  imapOptions,
  mailboxStatus,
  waitForMessage,
  withImap,
} from '../mailserver/imap-helpers';
import { authFailures, logins, waitForLogCount } from '../mailserver/logs';
import { buildMessage, SAMPLE_KINDS } from '../mailserver/message-samples';
import { planMessages, populateMailbox, recipientOf, renderPlan } from '../mailserver/populate';
import { isAlive, processesInSession } from '../mailserver/processes';
import { startMailServer } from '../mailserver/server';

const server = getMailServer();
const alice = server.users.find((u) => u.name === 'alice')!;
const bob = server.users.find((u) => u.name === 'bob')!;
const carol = server.users.find((u) => u.name === 'carol')!;
/** Unique names, so this file never sees other test files' mail (they share the server). */
const tag = (): string => randomBytes(4).toString('hex');

/** First line the server sends after connecting. */
function plainGreeting(port: number): Promise<{ socket: net.Socket; lines: () => string }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const socket = net.connect({ host: server.host, port });
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      buffer += d;
      if (buffer.includes('\r\n')) resolve({ socket, lines: () => buffer });
    });
    socket.on('error', reject);
  });
}

async function command(
  conn: { socket: net.Socket; lines: () => string },
  line: string,
  until: RegExp,
): Promise<string> {
  const start = conn.lines().length;
  conn.socket.write(`${line}\r\n`);
  const deadline = Date.now() + 5000;
  while (!until.test(conn.lines().slice(start))) {
    if (Date.now() > deadline) throw new Error(`no ${until} after ${line}: ${conn.lines().slice(start)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return conn.lines().slice(start);
}

describe('IMAP over TLS with the run CA', () => {
  it('logs in over implicit TLS and offers the extensions the client relies on', async () => {
    const client = await connectImap(server, alice);
    try {
      expect(client.secureConnection).toBe(true);
      for (const cap of ['IDLE', 'CONDSTORE', 'QRESYNC', 'QUOTA', 'SPECIAL-USE', 'UIDPLUS', 'MOVE']) {
        expect(client.capabilities.has(cap), cap).toBe(true);
      }
      const list = await client.list();
      const byUse = Object.fromEntries(list.filter((m) => m.specialUse).map((m) => [m.specialUse, m.path]));
      expect(byUse).toMatchObject({
        '\\Drafts': 'Drafts',
        '\\Sent': 'Sent',
        '\\Trash': 'Trash',
        '\\Junk': 'Junk',
        '\\Archive': 'Archive',
      });
      expect(list.filter((m) => m.subscribed).map((m) => m.path)).toEqual(
        expect.arrayContaining(['INBOX', 'Drafts', 'Sent', 'Trash', 'Junk', 'Archive']),
      );
      const quota = await client.getQuota('INBOX');
      expect(quota && quota.storage?.limit).toBe(1024 * 1024 * 1024);
    } finally {
      await client.logout();
    }
  });

  it('logs in over STARTTLS on the 143-style port', async () => {
    const client = await connectImap(server, alice, { port: 'imap' });
    try {
      expect(client.secureConnection).toBe(true);
      expect(client.authenticated).toBeTruthy();
    } finally {
      await client.logout();
    }
  });

  it('refuses LOGIN on the 143-style port before STARTTLS', async () => {
    const conn = await plainGreeting(server.ports.imap);
    try {
      expect(conn.lines()).toMatch(/^\* OK \[CAPABILITY [^\]]*STARTTLS[^\]]*LOGINDISABLED/);
      const reply = await command(conn, `a LOGIN ${alice.address} ${alice.password}`, /^a (OK|NO|BAD)/m);
      expect(reply).toMatch(/^a NO \[PRIVACYREQUIRED\]/m);
    } finally {
      conn.socket.destroy();
    }
  });

  it('refuses a server whose certificate the run CA did not sign', async () => {
    const client = new ImapFlow({ ...imapOptions(server, alice), port: server.ports.imapsUntrusted });
    client.on('error', () => undefined);
    const error = await client.connect().then(
      () => undefined,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    expect(error, 'connection to an untrusted certificate must fail').toBeDefined();
    expect(error?.code).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|CERT_/);
    client.close();

    // Control: the very same port works for a client that trusts that other CA, so the
    // refusal above was about trust and nothing else.
    const trusting = new ImapFlow({
      ...imapOptions(server, alice),
      port: server.ports.imapsUntrusted,
      tls: { ca: [server.untrustedCaPem] },
    });
    await trusting.connect();
    expect(trusting.authenticated).toBeTruthy();
    await trusting.logout();
  });
});

describe('SMTP submission through Postfix into Dovecot', () => {
  const transports = [
    ['submission (STARTTLS required)', { port: server.ports.submission, secure: false, requireTLS: true }],
    ['submissions (implicit TLS)', { port: server.ports.submissions, secure: true }],
  ] as const;

  for (const [name, portOptions] of transports) {
    it(`delivers a message sent via ${name} to the recipient's INBOX`, async () => {
      const transport = nodemailer.createTransport({
        host: server.host,
        ...portOptions,
        auth: { user: alice.address, pass: alice.password },
        tls: { ca: [server.caPem] },
      });
      const messageId = `<testbed-${tag()}@example.test>`;
      try {
        const info = await transport.sendMail({
          from: alice.address,
          to: bob.address,
          subject: `Testbed ${name} ✓`,
          text: 'Hello Bob, this went through Postfix and LMTP.',
          messageId,
        });
        expect(info.accepted).toEqual([bob.address]);
      } finally {
        transport.close();
      }
      const uid = await waitForMessage(server, bob, { messageId }, { timeoutMs: 15_000 });
      const source = await withImap(server, bob, async (c) => {
        const lock = await c.getMailboxLock('INBOX');
        try {
          const msg = await c.fetchOne(String(uid), { source: true }, { uid: true });
          return msg ? (msg.source?.toString('utf8') ?? '') : '';
        } finally {
          lock.release();
        }
      });
      expect(source).toContain('this went through Postfix and LMTP');
      // Postfix recorded the authenticated sender: proof AUTH happened.
      expect(source).toMatch(/Authenticated sender: alice@example\.test/);
    });
  }

  it('refuses AUTH before STARTTLS on the submission port', async () => {
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.ports.submission,
      secure: false,
      ignoreTLS: true,
      auth: { user: alice.address, pass: alice.password },
    });
    await expect(
      transport.sendMail({ from: alice.address, to: bob.address, subject: 'plaintext', text: 'x' }),
    ).rejects.toThrow();
    transport.close();
  });

  it('refuses a submission server whose certificate the run CA did not sign', async () => {
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.ports.submissionsUntrusted,
      secure: true,
      auth: { user: alice.address, pass: alice.password },
      tls: { ca: [server.caPem] },
    });
    const error = await transport.sendMail({ from: alice.address, to: bob.address, subject: 'x', text: 'x' }).then(
      () => undefined,
      (e: unknown) => e as NodeJS.ErrnoException,
    );
    transport.close();
    expect(error?.code ?? error?.message).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|CERT|ESOCKET/);
    expect(String(error?.message)).toMatch(/certificate|verify/i);
  });
});

describe('inbound SMTP and relaying', () => {
  it('accepts mail for the domain on the 25-style port without AUTH', async () => {
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.ports.smtp,
      secure: false,
      tls: { ca: [server.caPem] },
    });
    const messageId = `<inbound-${tag()}@partner.example>`;
    try {
      await transport.sendMail({
        from: 'someone@partner.example',
        to: bob.address,
        subject: 'Inbound',
        text: 'hi',
        messageId,
      });
      // ...but it is no open relay.
      await expect(
        transport.sendMail({
          from: 'someone@partner.example',
          to: 'victim@elsewhere.example',
          subject: 'x',
          text: 'x',
        }),
      ).rejects.toThrow(/Relay access denied/);
    } finally {
      transport.close();
    }
    await waitForMessage(server, bob, { messageId });
  });

  it('never sends mail off the machine: other domains land in the sink mailbox', async () => {
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.ports.submissions,
      secure: true,
      auth: { user: carol.address, pass: carol.password },
      tls: { ca: [server.caPem] },
    });
    const messageId = `<outbound-${tag()}@example.test>`;
    try {
      const info = await transport.sendMail({
        from: carol.address,
        to: ['someone@elsewhere.example', bob.address],
        subject: 'Outbound',
        text: 'x',
        messageId,
      });
      expect(info.accepted).toEqual(['someone@elsewhere.example', bob.address]);
    } finally {
      transport.close();
    }
    await waitForMessage(server, server.sink, { messageId });
    await waitForMessage(server, bob, { messageId });
  });
});

describe('POP3', () => {
  it('logs in over implicit TLS and lists the INBOX', async () => {
    const socket = tls.connect({ host: server.host, port: server.ports.pop3s, ca: [server.caPem] });
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (buffer += d));
    const waitLine = async (re: RegExp): Promise<void> => {
      const deadline = Date.now() + 5000;
      while (!re.test(buffer)) {
        if (Date.now() > deadline) throw new Error(`POP3: no ${re} in ${buffer}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      await waitLine(/^\+OK/);
      socket.write(`USER ${carol.address}\r\nPASS ${carol.password}\r\nSTAT\r\nQUIT\r\n`);
      await waitLine(/\+OK \d+ \d+\r\n/);
      expect(buffer).toMatch(/\+OK Logged in/);
    } finally {
      socket.destroy();
    }
  });
});

describe('IDLE', () => {
  it('tells an idling connection about an APPEND from another connection', async () => {
    const mailbox = `Testbed-Idle-${tag()}`;
    const watcher = await connectImap(server, alice);
    try {
      await watcher.mailboxCreate(mailbox);
      const lock = await watcher.getMailboxLock(mailbox);
      const exists = new Promise<number>((resolve) => {
        watcher.on('exists', (data) => {
          if (data.path === mailbox) resolve(data.count);
        });
      });
      const idling = watcher.idle();
      const started = Date.now();
      const raw = buildMessage('plain', 1).raw;
      await appendMessage(server, alice, raw, mailbox);
      // Dovecot notices the change ~0.5 s later; allow plenty.
      const count = await Promise.race([
        exists,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no EXISTS within 5 s')), 5000)),
      ]);
      expect(count).toBe(1);
      expect(Date.now() - started).toBeLessThan(5000);
      lock.release();
      void idling;
    } finally {
      await watcher.logout().catch(() => watcher.close());
    }
  });
});

describe('populate', () => {
  it('writes 2,000 messages that IMAP STATUS counts', async () => {
    const mailbox = `Testbed/Bulk-${tag()}`;
    const stats = await populateMailbox(server, alice, { count: 2000, mailbox, seed: 42 });
    expect(stats.count).toBe(2000);
    expect(stats.replies).toBeGreaterThan(100);
    const status = await mailboxStatus(server, alice, mailbox);
    expect(status.messages).toBe(2000);
    expect(status.unseen).toBe(2000 - stats.seen);
    // Flags and internal dates came through the Maildir file names and mtimes.
    await withImap(server, alice, async (c) => {
      const lock = await c.getMailboxLock(mailbox);
      try {
        const flagged = await c.search({ flagged: true }, { uid: true });
        expect(flagged ? flagged.length : -1).toBe(stats.flagged);
        const first = await c.fetchOne('1', { internalDate: true, envelope: true });
        expect(first && new Date(first.internalDate ?? 0).getTime()).toBe(
          stats.oldest.getTime() - (stats.oldest.getTime() % 1000),
        );
      } finally {
        lock.release();
      }
    });
  });

  it('writes every sample shape so that it decodes to the expected content', async () => {
    const mailbox = `Testbed/Samples-${tag()}`;
    await populateMailbox(server, alice, { count: SAMPLE_KINDS.length * 2, mailbox, kinds: SAMPLE_KINDS, seed: 5 });
    const plan = planMessages(SAMPLE_KINDS.length * 2, { kinds: SAMPLE_KINDS, seed: 5 });
    const expected = [...renderPlan(plan, recipientOf(alice))];
    const sources = await withImap(server, alice, async (c) => {
      const lock = await c.getMailboxLock(mailbox);
      try {
        const out: Buffer[] = [];
        for await (const m of c.fetch('1:*', { source: true })) out.push(m.source ?? Buffer.alloc(0));
        return out;
      } finally {
        lock.release();
      }
    });
    expect(sources).toHaveLength(expected.length);
    for (const [n, { planned, raw, expected: want }] of expected.entries()) {
      const source = sources[n]!;
      expect(source.equals(raw), `${planned.kind}: bytes as written`).toBe(true);
      const parsed = await simpleParser(source, { keepCidLinks: true });
      expect(parsed.subject, planned.kind).toBe(want.subject);
      expect(parsed.from?.value[0]).toMatchObject({ name: want.from.name, address: want.from.address });
      expect(parsed.messageId).toBe(want.messageId);
      for (const t of want.text) expect(parsed.text ?? '', `${planned.kind} text`).toContain(t);
      for (const h of want.html) expect(String(parsed.html || ''), `${planned.kind} html`).toContain(h);
      if (want.inReplyTo) expect(parsed.inReplyTo).toBe(want.inReplyTo);
      for (const a of want.attachments) {
        const got = parsed.attachments.find(
          (p) => p.contentType === a.contentType && (p.filename ?? '') === a.filename,
        );
        expect(got, `${planned.kind}: attachment ${a.filename}`).toBeDefined();
        expect(got!.content.equals(a.bytes), `${planned.kind}: bytes of ${a.filename}`).toBe(true);
        if (a.contentId) expect(got!.contentId).toBe(a.contentId);
      }
    }
  });
});

describe('authentication failures', () => {
  it('refuses a wrong password and the attempt is countable in the Dovecot log', async () => {
    const before = authFailures(server, bob.address);
    const loginsBefore = logins(server, bob.address, 'imap');
    const started = Date.now();
    await expect(connectImap(server, bob, { password: 'wrong-password' })).rejects.toMatchObject({
      authenticationFailed: true,
    });
    // auth_failure_delay = 0: no 2 s penalty.
    expect(Date.now() - started).toBeLessThan(1900);
    expect(await waitForLogCount(() => authFailures(server, bob.address), before + 1)).toBe(before + 1);

    const client = await connectImap(server, bob);
    await client.logout();
    expect(await waitForLogCount(() => logins(server, bob.address, 'imap'), loginsBefore + 1)).toBeGreaterThan(
      loginsBefore,
    );
  });
});

describe('server lifecycle', () => {
  it('runs a second server beside the first, then stops it completely', async () => {
    const second = await startMailServer({ users: [{ name: 'dave', password: 'dave-secret-pw' }] });
    let stopped = false;
    try {
      expect(second.dir).not.toBe(server.dir);
      const mine = Object.values(server.ports);
      for (const p of Object.values(second.ports)) expect(mine).not.toContain(p);
      const client = await connectImap(second, 'dave');
      expect(client.authenticated).toBeTruthy();
      await client.logout();
      // The first server's users do not exist on the second one.
      await expect(connectImap(second, { ...alice })).rejects.toMatchObject({ authenticationFailed: true });
      await second.stop();
      stopped = true;
      // Masters and every child (each master leads its own session) are gone.
      for (const pid of [second.pids.dovecot, second.pids.postfix]) {
        expect(isAlive(pid)).toBe(false);
        expect(processesInSession(pid)).toEqual([]);
      }
      expect(existsSync(second.dir)).toBe(false);
    } finally {
      if (!stopped) await second.stop();
    }
  });
});
