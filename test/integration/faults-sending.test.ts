// Fault scenarios for sending and drafts (docs/faults.md): SMTP DATA and the APPENDs to Sent and
// Drafts are cut at seeded points. Each run ends with the message delivered exactly once, exactly
// one copy in Sent or Drafts, nothing left in the outbox, and the store equal to the server.
import { describe, expect, it } from 'vitest';
import type { ComposeDraft } from '../../shared/compose';
import type { AccountId } from '../../shared/domain';
import { getMailServer } from '../mailserver/inject';
import { withImap } from '../mailserver/imap-helpers';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { addAccount, startCore, type CoreHandle } from '../support/core-harness';
import { expectStoreEqualsServer, FAULT_SEEDS, seeded } from '../support/fault-invariants';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { composeDraft } from '../support/compose-drafts';

const server = getMailServer();
const cleanup = cleanupAfterEach();

async function proxyTo(targetPort: number): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ targetPort, mode: 'tls', server });
  cleanup.push(() => proxy.close());
  return proxy;
}

/** The engine with IMAP and SMTP (implicit TLS, 465-style) both through fault proxies. */
async function engine(user: MailUser) {
  const imap = await proxyTo(server.ports.imaps);
  const smtp = await proxyTo(server.ports.submissions);
  const core = await startCore(server);
  cleanup.push(() => core.close(true));
  const account = await addAccount(core, server, user, {
    imap: { host: '127.0.0.1', port: imap.port, security: 'tls' },
    smtp: { host: '127.0.0.1', port: smtp.port, security: 'tls' },
  });
  await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'online'), { what: 'online' });
  return { core, account, imap, smtp };
}

function draft(accountId: AccountId, change: Partial<ComposeDraft>): ComposeDraft {
  // Long enough that a seeded cut lands inside the message, not only in the commands.
  const body = 'A line of a message that is sent while the network fails.\n'.repeat(2_000);
  return composeDraft(accountId, { body, ...change });
}

/** How many messages with this Message-ID a folder of a user holds. */
async function copies(user: MailUser, folder: string, messageId: string): Promise<number> {
  return withImap(server, user, async (c) => {
    const lock = await c.getMailboxLock(folder, { readOnly: true });
    try {
      const uids = await c.search({ header: { 'message-id': messageId } }, { uid: true });
      return (uids || []).length;
    } finally {
      lock.release();
    }
  });
}

/** Sends at once and waits until the outbox is done with it, nudging retries along. */
async function sendThroughFaults(core: CoreHandle, accountId: AccountId, to: string, subject: string) {
  const { outboxId } = await core.service.call('outbox.send', {
    draft: draft(accountId, { to, subject }),
    undoSeconds: 0,
  });
  const item = await waitFor(
    async () => {
      const done = core.eventsOf('outbox.changed').find((e) => e.item.id === outboxId && e.item.state === 'done');
      if (done) return done.item;
      const found = (await core.service.call('outbox.list', {})).find((i) => i.id === outboxId);
      if (found && found.sendAt > Date.now() + 500)
        await core.service.call('outbox.retry', { outboxId }).catch(() => undefined);
      return false;
    },
    { timeoutMs: 45_000, intervalMs: 250, what: `${subject} to be sent` },
  );
  return item;
}

describe('faults while sending', () => {
  for (const seed of FAULT_SEEDS)
    it(`cut mid-SMTP DATA: delivered once, one Sent copy (seed ${seed})`, async () => {
      const pick = seeded(seed);
      const [me, anna] = await Promise.all([
        createMailUser(server, `fault-data-${seed}`),
        createMailUser(server, `fault-data-anna-${seed}`),
      ]);
      const { core, account, smtp } = await engine(me);
      const cut = smtp.cut({ direction: 'up', afterLine: /^DATA$/i, bytes: pick.int(50, 100_000) });
      const item = await sendThroughFaults(core, account.id, anna.address, `Data cut ${seed}`);
      await cut;
      await waitFor(async () => (await copies(anna, 'INBOX', item.messageId)) > 0, {
        timeoutMs: 20_000,
        what: 'delivery',
      });
      await new Promise((r) => setTimeout(r, 1_000)); // a second delivery would have come by now
      expect(await copies(anna, 'INBOX', item.messageId)).toBe(1);
      expect(await copies(me, 'Sent', item.messageId)).toBe(1);
      expect((await core.service.call('outbox.list', {})).filter((i) => i.state !== 'done')).toEqual([]);
      await expectStoreEqualsServer(core, server, me, account.id);
    });

  for (const seed of FAULT_SEEDS)
    it(`cut mid-APPEND to Sent: one Sent copy, delivered once (seed ${seed})`, async () => {
      const pick = seeded(seed);
      const [me, anna] = await Promise.all([
        createMailUser(server, `fault-sent-${seed}`),
        createMailUser(server, `fault-sent-anna-${seed}`),
      ]);
      const { core, account, imap } = await engine(me);
      const cut = imap.cut({ direction: 'up', afterLine: /^\S+ APPEND "?Sent/i, bytes: pick.int(0, 100_000) });
      const item = await sendThroughFaults(core, account.id, anna.address, `Sent cut ${seed}`);
      await cut;
      expect(await copies(me, 'Sent', item.messageId)).toBe(1);
      expect(await copies(anna, 'INBOX', item.messageId)).toBe(1);
      await expectStoreEqualsServer(core, server, me, account.id);
    });

  for (const seed of FAULT_SEEDS)
    it(`cut mid-APPEND to Drafts: the draft is kept and lands once (seed ${seed})`, async () => {
      const pick = seeded(seed);
      const me = await createMailUser(server, `fault-drafts-${seed}`);
      const { core, account, imap } = await engine(me);
      const subject = `Draft cut ${seed}`;
      const cut = imap.cut({ direction: 'up', afterLine: /^\S+ APPEND "?Drafts/i, bytes: pick.int(0, 100_000) });
      const saved = await core.service.call('drafts.save', {
        draft: draft(account.id, { subject, to: 'anna@example.test' }),
        sync: true,
      });
      await cut;
      // Nothing the user wrote is lost, whatever the save answered...
      expect((await core.service.call('drafts.list', {})).map((d) => d.draftId)).toContain(saved.draftId);
      expect((await core.service.call('drafts.get', { draftId: saved.draftId })).subject).toBe(subject);
      // ...and the server ends up with exactly one copy of it.
      await waitFor(
        async () => {
          const summary = (await core.service.call('drafts.list', {})).find((d) => d.draftId === saved.draftId);
          if (!summary?.savedToServer)
            await core.service.call('drafts.save', {
              draft: await core.service.call('drafts.get', { draftId: saved.draftId }),
              sync: true,
            });
          return summary?.savedToServer;
        },
        { timeoutMs: 30_000, intervalMs: 1_000, what: 'the draft on the server' },
      );
      const messageId = await withImap(server, me, async (c) => {
        const lock = await c.getMailboxLock('Drafts', { readOnly: true });
        try {
          const all = [];
          for await (const m of c.fetch('1:*', { envelope: true })) all.push(m.envelope?.messageId ?? '');
          return all;
        } finally {
          lock.release();
        }
      });
      expect(messageId).toHaveLength(1);
      await expectStoreEqualsServer(core, server, me, account.id);
    });
});
