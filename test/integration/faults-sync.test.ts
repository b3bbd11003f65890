// Fault scenarios for receiving (docs/faults.md): the engine syncs through the fault proxy while
// the connection is cut, reset or refused at seeded points, and each run ends with the store equal
// to a fresh listing of the server. MAIL_FAULTS_LONG=1 runs more seeds and a 20,000-message box.
import { describe, expect, it } from 'vitest';
import { doveadm } from '../mailserver/doveadm';
import { getMailServer } from '../mailserver/inject';
import { populateMailbox } from '../mailserver/populate';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { addAccount, allHeaders, mailboxByPath, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { expectStoreEqualsServer, FAULT_SEEDS, LONG_FAULTS, seeded } from '../support/fault-invariants';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const LARGE = LONG_FAULTS ? 20_000 : 2_000;
const SCENARIO_MS = LONG_FAULTS ? 600_000 : 120_000;

async function imapProxy(): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ targetPort: server.ports.imaps, mode: 'tls', server });
  cleanup.push(() => proxy.close());
  return proxy;
}

/** The engine, with one account whose IMAP goes through the proxy. */
async function engineThrough(proxy: FaultProxy, user: MailUser) {
  const core = await startCore(server);
  cleanup.push(() => core.close(true));
  const account = await addAccount(core, server, user, {
    imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
  });
  return { core, account };
}

const raw = (subject: string, id: string) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${id}@example.test>\r\n\r\n${subject}\r\n`;

describe('faults while receiving', () => {
  for (const seed of FAULT_SEEDS)
    it(
      `first sync of ${LARGE} messages, cut twice mid-FETCH (seed ${seed})`,
      async () => {
        const pick = seeded(seed);
        const user = await createMailUser(server, `fault-fetch-${seed}`);
        await populateMailbox(server, user, { count: LARGE, seed });
        const proxy = await imapProxy();
        // Two cuts at seeded depths into a FETCH response: one RST, one clean close.
        const first = proxy.cut({ direction: 'down', afterLine: /^\* \d+ FETCH /, bytes: pick.int(200, 200_000) });
        const { core, account } = await engineThrough(proxy, user);
        await first;
        await proxy.cut({
          direction: 'down',
          afterLine: /^\* \d+ FETCH /,
          bytes: pick.int(200, 200_000),
          how: 'close',
        });
        const inbox = await mailboxByRole(core, account.id, 'inbox');
        await waitFor(async () => (await allHeaders(core, inbox.id)).length === LARGE, {
          timeoutMs: SCENARIO_MS / 2,
          intervalMs: 500,
          what: `all ${LARGE} headers`,
        });
        await expectStoreEqualsServer(core, server, user, account.id);
      },
      SCENARIO_MS,
    );

  for (const seed of FAULT_SEEDS)
    it(`reset mid-IDLE while another device adds and flags mail (seed ${seed})`, async () => {
      const pick = seeded(seed);
      const user = await createMailUser(server, `fault-idle-${seed}`);
      const other = await otherDevice(server, user);
      cleanup.push(() => other.logout());
      for (let i = 0; i < 5; i++) await other.append('INBOX', raw(`Before ${i}`, `before-${seed}-${i}`));
      const proxy = await imapProxy();
      const idling = proxy.seen('up', /^\S+ IDLE$/i);
      const { core, account } = await engineThrough(proxy, user);
      await idling;
      // Seeded: an RST at once, or a stalled link that then dies (a NAT that forgot the session).
      if (pick.next() < 0.5) proxy.reset();
      else {
        proxy.stall();
        await new Promise((r) => setTimeout(r, pick.int(200, 2_000)));
        proxy.reset();
        proxy.resume();
      }
      await other.append('INBOX', raw('After the cut', `after-${seed}`));
      await other.messageFlagsAdd({ seq: pick.int(1, 5) }, ['\\Flagged']);
      const inbox = await mailboxByRole(core, account.id, 'inbox');
      await waitFor(async () => (await allHeaders(core, inbox.id)).some((h) => h.subject === 'After the cut'), {
        timeoutMs: 30_000,
        what: 'the message added after the cut',
      });
      await expectStoreEqualsServer(core, server, user, account.id);
    });

  for (const seed of FAULT_SEEDS)
    it(`cut mid-body download: the next open loads the whole body (seed ${seed})`, async () => {
      const pick = seeded(seed);
      const user = await createMailUser(server, `fault-body-${seed}`);
      const other = await otherDevice(server, user);
      cleanup.push(() => other.logout());
      const text = `Line ${seed} of a long body that arrives in many packets.\r\n`.repeat(20_000);
      await other.append(
        'INBOX',
        `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: Long\r\n` +
          `Message-ID: <long-${seed}@example.test>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${text}`,
      );
      const proxy = await imapProxy();
      const { core, account } = await engineThrough(proxy, user);
      const inbox = await mailboxByRole(core, account.id, 'inbox');
      const [header] = await waitFor(async () => {
        const h = await allHeaders(core, inbox.id);
        return h.length === 1 && h;
      });
      await core.service.settled();
      const cut = proxy.cut({
        direction: 'down',
        afterLine: /^\* \d+ FETCH .*BODY/i,
        bytes: pick.int(1_000, text.length / 2),
      });
      const firstOpen = core.service.call('message.body', { id: header!.id }).catch((e: unknown) => e);
      await cut;
      await firstOpen;
      const body = await waitFor(
        () =>
          core.service
            .call('message.body', { id: header!.id })
            .then((b) => b)
            .catch(() => null),
        { timeoutMs: 30_000, what: 'the body after the cut' },
      );
      expect(body.text?.replace(/\r\n/g, '\n')).toBe(text.replace(/\r\n/g, '\n').trimEnd() + '\n');
      await expectStoreEqualsServer(core, server, user, account.id);
    });

  for (const seed of FAULT_SEEDS)
    it(
      `server restart during the first sync (seed ${seed})`,
      async () => {
        const pick = seeded(seed);
        const user = await createMailUser(server, `fault-restart-${seed}`);
        await populateMailbox(server, user, { count: LARGE, seed });
        const proxy = await imapProxy();
        const fetching = proxy.seen('down', /^\* \d+ FETCH /);
        const { core, account } = await engineThrough(proxy, user);
        await fetching;
        // Restarting the shared Dovecot would break the other test files running beside this one;
        // for one user a restart looks the same: every session of the user ends (doveadm kick) and
        // the server is out of reach for a while.
        proxy.refuse(true);
        await doveadm(server, ['kick', user.address]);
        proxy.reset();
        await new Promise((r) => setTimeout(r, pick.int(500, 3_000)));
        proxy.refuse(false);
        const inbox = await mailboxByRole(core, account.id, 'inbox');
        await waitFor(async () => (await allHeaders(core, inbox.id)).length === LARGE, {
          timeoutMs: SCENARIO_MS / 2,
          intervalMs: 500,
          what: `all ${LARGE} headers after the restart`,
        });
        await expectStoreEqualsServer(core, server, user, account.id);
      },
      SCENARIO_MS,
    );

  it('UIDVALIDITY reset: a folder recreated with other messages under the same UIDs', async () => {
    const user = await createMailUser(server, 'fault-uidvalidity');
    await populateMailbox(server, user, { count: 30, seed: 1, mailbox: 'Lists' });
    const proxy = await imapProxy();
    const { core, account } = await engineThrough(proxy, user);
    const lists = await mailboxByPath(core, account.id, 'Lists');
    await waitFor(async () => (await allHeaders(core, lists.id)).length === 30, { what: '30 messages in Lists' });
    await expectStoreEqualsServer(core, server, user, account.id);

    const before = await doveadm(server, [
      '-f',
      'flow',
      'mailbox',
      'status',
      '-u',
      user.address,
      'uidvalidity',
      'Lists',
    ]);
    const oldValidity = Number(/uidvalidity=(\d+)/.exec(before)?.[1]);
    await doveadm(server, ['mailbox', 'delete', '-u', user.address, 'Lists']);
    await populateMailbox(server, user, { count: 20, seed: 2, mailbox: 'Lists' });
    await doveadm(server, [
      'mailbox',
      'update',
      '-u',
      user.address,
      '--uid-validity',
      String(oldValidity + 1),
      'Lists',
    ]);
    await core.service.call('sync.now', { accountId: account.id });
    await expectStoreEqualsServer(core, server, user, account.id);
  });

  it('UIDVALIDITY reset with a star queued offline: the star never lands on the new message under that UID', async () => {
    const user = await createMailUser(server, 'fault-uidvalidity-queued');
    await populateMailbox(server, user, { count: 10, seed: 1, mailbox: 'Lists', flags: { flagged: 0 } });
    const proxy = await imapProxy();
    const { core, account } = await engineThrough(proxy, user);
    const lists = await mailboxByPath(core, account.id, 'Lists');
    const headers = await waitFor(async () => {
      const all = await allHeaders(core, lists.id);
      return all.length === 10 && all;
    });
    await core.service.settled();
    proxy.refuse(true);
    proxy.reset();
    await waitFor(() => core.eventsOf('account.status').at(-1)?.state !== 'online', { what: 'offline' });
    const target = headers.find((h) => h.uid === 5)!;
    await core.service.call('messages.setFlags', { ids: [target.id], flagged: true });

    const status = await doveadm(server, [
      '-f',
      'flow',
      'mailbox',
      'status',
      '-u',
      user.address,
      'uidvalidity',
      'Lists',
    ]);
    const oldValidity = Number(/uidvalidity=(\d+)/.exec(status)?.[1]);
    await doveadm(server, ['mailbox', 'delete', '-u', user.address, 'Lists']);
    await populateMailbox(server, user, { count: 10, seed: 2, mailbox: 'Lists', flags: { flagged: 0 } });
    await doveadm(server, [
      'mailbox',
      'update',
      '-u',
      user.address,
      '--uid-validity',
      String(oldValidity + 1),
      'Lists',
    ]);
    proxy.refuse(false);
    await core.service.call('sync.now', { accountId: account.id });

    await expectStoreEqualsServer(core, server, user, account.id);
    // The star was for a message that no longer exists: dropped and reported, never applied.
    expect((await allHeaders(core, lists.id)).filter((h) => h.flags.flagged)).toEqual([]);
    await waitFor(() => core.eventsOf('operation.failed').length > 0, { what: 'the dropped star to be reported' });
  });
});
