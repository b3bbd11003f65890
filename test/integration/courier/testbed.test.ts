// Proves the Courier-IMAP side of the test bed (test/mailserver/courier.ts): TLS with the run's CA,
// STARTTLS required on the 143-style port, what Courier offers and lacks, its "INBOX." folders,
// mail delivered by Postfix through Dovecot reaching Courier on the same Maildir, users added
// while it runs, countable failed logins, and a complete stop that leaves /etc/courier untouched.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { courierFamId } from '../../mailserver/courier-config';
import { connectImap, mailboxStatus, waitForMessage, withImap } from '../../mailserver/imap-helpers';
import { imapServerView, mailboxPath } from '../../mailserver/imap-servers';
import { getMailServer } from '../../mailserver/inject';
import { authFailures, logins, waitForLogCount } from '../../mailserver/logs';
import { populateMailbox } from '../../mailserver/populate';
import { isAlive, processesInSession, processesWithEnv } from '../../mailserver/processes';
import { startMailServer } from '../../mailserver/server';
import { createMailUser } from '../../support/mail-users';

const server = getMailServer();
const alice = server.users.find((u) => u.name === 'alice')!;
const bob = server.users.find((u) => u.name === 'bob')!;
const tag = (): string => randomBytes(4).toString('hex');

/** Live processes that carry this run's gam_server id: its own gam_server, and any imapd spawned. */
const famProcesses = (famId: string): number[] => processesWithEnv(`GAM_CLIENT_ID=${famId}`);

function firstLine(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: server.host, port });
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      buffer += d;
      if (buffer.includes('\r\n')) {
        socket.destroy();
        resolve(buffer.slice(0, buffer.indexOf('\r\n')));
      }
    });
    socket.on('error', reject);
  });
}

describe('Courier-IMAP with the run CA', () => {
  it('is the IMAP server of this project, on its own ports', () => {
    expect(server.imapServer).toMatchObject({ name: 'courier', mailboxPrefix: 'INBOX.', condstore: false });
    expect(server.courier).toBeDefined();
    expect(server.ports.imaps).toBe(server.courier!.ports.imaps);
    expect(server.ports.imap).toBe(server.courier!.ports.imap);
    expect(mailboxPath(server, 'Sent')).toBe('INBOX.Sent');
    expect(mailboxPath(server, 'inbox')).toBe('INBOX');
  });

  it('logs in over implicit TLS and offers what Debian configures, none of Dovecot’s newer extensions', async () => {
    const client = await connectImap(server, alice);
    try {
      expect(client.secureConnection).toBe(true);
      for (const cap of ['IMAP4rev1', 'IDLE', 'UIDPLUS', 'QUOTA', 'SORT', 'NAMESPACE', 'CHILDREN'])
        expect(client.capabilities.has(cap), cap).toBe(true);
      for (const cap of ['CONDSTORE', 'QRESYNC', 'MOVE', 'SPECIAL-USE', 'LIST-STATUS', 'ESEARCH', 'LITERAL+'])
        expect(client.capabilities.has(cap), cap).toBe(false);
      expect(client.namespace).toMatchObject({ prefix: 'INBOX.', delimiter: '.' });
      const list = await client.list();
      expect(list.map((m) => m.path).sort()).toEqual(
        ['INBOX', 'INBOX.Archive', 'INBOX.Drafts', 'INBOX.Junk', 'INBOX.Sent', 'INBOX.Trash'].sort(),
      );
      // No SPECIAL-USE: nothing but the name says which folder is Sent.
      expect(list.filter((m) => m.path !== 'INBOX').every((m) => !m.flags.has('\\Sent'))).toBe(true);
      expect(list.filter((m) => m.subscribed).map((m) => m.path)).toEqual(
        expect.arrayContaining(['INBOX.Drafts', 'INBOX.Sent', 'INBOX.Trash', 'INBOX.Junk', 'INBOX.Archive']),
      );
      const quota = await client.getQuota('INBOX');
      expect(quota && quota.storage?.limit).toBe(1024 * 1024 * 1024);
      // RFC 3501 makes UIDNEXT on SELECT optional, and Courier leaves it out.
      const box = await client.mailboxOpen('INBOX');
      expect(box.uidNext).toBeUndefined();
      expect(box.uidValidity).toBeGreaterThan(0n);
    } finally {
      await client.logout();
    }
  });

  it('requires STARTTLS before LOGIN on the 143-style port, and logs in after it', async () => {
    expect(await firstLine(server.ports.imap)).toMatch(/^\* OK \[CAPABILITY [^\]]*STARTTLS[^\]]*LOGINDISABLED/);
    const client = await connectImap(server, alice, { port: 'imap' });
    try {
      expect(client.secureConnection).toBe(true);
      expect(client.authenticated).toBeTruthy();
    } finally {
      await client.logout();
    }
  });
});

describe('Courier quirks a client must live with', () => {
  it('refuses an APPEND on a connection that has the target folder open read-only (EXAMINE)', async () => {
    const user = await createMailUser(server, 'courier-examine');
    await withImap(server, user, async (c) => {
      await c.mailboxOpen('INBOX.Sent', { readOnly: true });
      await expect(c.append('INBOX.Sent', 'Subject: refused\r\n\r\nx\r\n')).rejects.toMatchObject({
        responseText: expect.stringMatching(/read-only/i),
      });
      // The same APPEND with the folder selected read-write, or from elsewhere, is accepted.
      await c.mailboxOpen('INBOX.Sent');
      expect(await c.append('INBOX.Sent', 'Subject: accepted\r\n\r\nx\r\n')).toMatchObject({ uid: 1 });
    });
  });
});

describe('Courier IDLE', () => {
  it('reports a message added elsewhere within 2 s, through the run’s own gamin (not every 60 s)', async () => {
    const user = await createMailUser(server, 'courier-idle');
    const watcher = await connectImap(server, user);
    try {
      await watcher.mailboxOpen('INBOX');
      const seen = new Promise<number>((resolve) => watcher.on('exists', (e: { count: number }) => resolve(e.count)));
      void watcher.idle().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300)); // IDLE is under way
      const started = Date.now();
      await withImap(server, user, (c) => c.append('INBOX', 'Subject: while idling\r\n\r\nx\r\n'));
      const count = await Promise.race([seen, new Promise<null>((r) => setTimeout(() => r(null), 2_000))]);
      expect(count, 'no EXISTS within 2 s of the APPEND').toBe(1);
      expect(Date.now() - started).toBeLessThan(2_000);
      const courier = server.courier!;
      expect(famProcesses(courierFamId(courier.ports)).length).toBeGreaterThan(0);
    } finally {
      await watcher.logout().catch(() => undefined);
    }
  });
});

describe('one Maildir, two servers', () => {
  it('serves mail that Postfix delivered through Dovecot, and a message populated on disk', async () => {
    const user = await createMailUser(server, 'courier-smtp');
    const subject = `Via Postfix ${tag()}`;
    const transport = nodemailer.createTransport({
      host: server.host,
      port: server.ports.submission,
      secure: false,
      requireTLS: true,
      auth: { user: alice.address, pass: alice.password },
      tls: { ca: [server.caPem] },
    });
    try {
      await transport.sendMail({ from: alice.address, to: user.address, subject, text: 'Hello Courier' });
    } finally {
      transport.close();
    }
    expect(await waitForMessage(server, user, { subject })).toBeGreaterThan(0);

    const stats = await populateMailbox(server, user, { count: 40, seed: 5 });
    expect((await mailboxStatus(server, user)).messages).toBe(41);
    // Written behind both servers' backs, yet counted in the quota they report.
    const quota = await withImap(server, user, (c) => c.getQuota('INBOX'));
    expect(quota && quota.storage?.usage).toBeGreaterThanOrEqual(stats.bytes);
  });

  it('a user made while the test bed runs can log in and finds its folders', async () => {
    const user = await createMailUser(server, 'courier-new');
    const folders = await withImap(server, user, async (c) => (await c.list()).map((m) => m.path));
    expect(folders).toEqual(expect.arrayContaining(['INBOX', 'INBOX.Sent', 'INBOX.Drafts', 'INBOX.Archive']));
    const appended = await withImap(server, user, (c) => c.append('INBOX.Sent', 'Subject: x\r\n\r\ny\r\n'));
    expect(appended && appended.uid).toBe(1);
  });
});

describe('authentication failures on Courier', () => {
  it('refuses a wrong password and the attempt is countable in its log', async () => {
    const before = authFailures(server, bob.address);
    const loginsBefore = logins(server, bob.address, 'imap');
    await expect(connectImap(server, bob, { password: 'wrong-password' })).rejects.toMatchObject({
      authenticationFailed: true,
    });
    expect(await waitForLogCount(() => authFailures(server, bob.address), before + 1)).toBe(before + 1);
    const client = await connectImap(server, bob);
    await client.logout();
    expect(await waitForLogCount(() => logins(server, bob.address, 'imap'), loginsBefore + 1)).toBe(loginsBefore + 1);
  });
});

describe('Courier lifecycle', () => {
  it('runs a second test bed with Courier, then stops every process; /etc/courier is never touched', async () => {
    const etcBefore = readdirSync('/etc/courier').sort();
    const second = await startMailServer({ courier: true, users: [{ name: 'dave', password: 'dave-secret-pw' }] });
    let stopped = false;
    try {
      const courier = second.courier!;
      const view = imapServerView(second.info(), 'courier');
      const client = await connectImap(view, 'dave');
      expect(client.authenticated).toBeTruthy();
      await client.mailboxOpen('INBOX'); // imapd asks gamin to watch the Maildir
      await client.logout();
      // The private mounts are seen by Courier alone: the host's /etc/courier is as it was.
      expect(readdirSync('/etc/courier').sort()).toEqual(etcBefore);
      expect(existsSync('/etc/courier/userdb')).toBe(false);
      await second.stop();
      stopped = true;
      expect(isAlive(courier.pid)).toBe(false);
      expect(processesInSession(courier.pid)).toEqual([]);
      // gam_server too: none of this run's, nor one imapd spawned outside the session.
      expect(famProcesses(courierFamId(courier.ports))).toEqual([]);
      expect(existsSync(second.dir)).toBe(false);
    } finally {
      if (!stopped) await second.stop();
    }
  });
});
