// kill -9 of the engine at seeded points of a sync and of sending (docs/faults.md). The engine runs
// in a child process; after the kill the same profile is opened again in this process, and the run
// ends with the store equal to the server, the queued actions on the server, and every message
// delivered exactly once with one Sent copy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ComposeDraft } from '../../shared/compose';
import type { Account, AccountId } from '../../shared/domain';
import { getMailServer } from '../mailserver/inject';
import { withImap } from '../mailserver/imap-helpers';
import { populateMailbox } from '../mailserver/populate';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { accountSettings, allHeaders, mailboxByRole, startCore } from '../support/core-harness';
import { startEngineProcess, removeEngineBundle, type EngineProcess } from '../support/engine-process';
import { expectStoreEqualsServer, FAULT_SEEDS, LONG_FAULTS, seeded } from '../support/fault-invariants';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { composeDraft } from '../support/compose-drafts';

const server = getMailServer();
const cleanup = cleanupAfterEach();
afterAll(() => removeEngineBundle());

const LARGE = LONG_FAULTS ? 20_000 : 2_000;
const SCENARIO_MS = LONG_FAULTS ? 600_000 : 120_000;

async function proxyTo(targetPort: number): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ targetPort, mode: 'tls', server });
  cleanup.push(() => proxy.close());
  return proxy;
}

/** A profile folder, an engine process on it, and an account whose IMAP and SMTP go through proxies. */
async function crashableEngine(user: MailUser) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mail-crash-'));
  cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const imap = await proxyTo(server.ports.imaps);
  const smtp = await proxyTo(server.ports.submissions);
  const engine = await startEngineProcess(server, dataDir);
  cleanup.push(() => engine.kill9());
  const account = (await engine.call('accounts.add', {
    settings: accountSettings(server, user, {
      imap: { host: '127.0.0.1', port: imap.port, security: 'tls' },
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'tls' },
    }),
    password: user.password,
  })) as Account;
  return { dataDir, engine, account, imap, smtp };
}

/** After the kill: the same profile, opened again the way the app starts. */
async function reopen(dataDir: string) {
  const core = await startCore(server, { dataDir });
  cleanup.push(() => core.close());
  return core;
}

async function killAfter(engine: EngineProcess, ms: number) {
  await new Promise((r) => setTimeout(r, ms));
  await engine.kill9();
}

function draft(accountId: AccountId, to: string, subject: string): ComposeDraft {
  return composeDraft(accountId, { to, subject, body: 'Sent while the engine may die at any moment.\n'.repeat(200) });
}

/** Subjects in a user's folder, one entry per copy. */
async function subjectsIn(user: MailUser, folder: string): Promise<string[]> {
  return withImap(server, user, async (c) => {
    const lock = await c.getMailboxLock(folder, { readOnly: true });
    try {
      const out: string[] = [];
      if (c.mailbox && c.mailbox.exists === 0) return out;
      for await (const m of c.fetch('1:*', { envelope: true })) out.push(m.envelope?.subject ?? '');
      return out.sort();
    } finally {
      lock.release();
    }
  });
}

describe('kill -9 of the engine', () => {
  for (const seed of FAULT_SEEDS)
    it(
      `during the first sync of ${LARGE} messages, with flag changes queued (seed ${seed})`,
      async () => {
        const pick = seeded(seed);
        const user = await createMailUser(server, `crash-sync-${seed}`);
        await populateMailbox(server, user, { count: LARGE, seed, flags: { flagged: 0 } });
        const { dataDir, engine, account, imap } = await crashableEngine(user);
        await imap.seen('down', /^\* \d+ FETCH /);
        // Star a few messages as soon as the list shows some, then die at a seeded moment.
        const inboxId = await waitFor(async () => {
          const inbox = (await engine.call('mailboxes.list', { accountId: account.id })).find(
            (m) => m.role === 'inbox',
          );
          if (!inbox) return null;
          const { messages } = await engine.call('messages.window', { mailboxId: inbox.id, offset: 0, limit: 3 });
          return messages.length === 3 && { id: inbox.id, messages };
        });
        await engine.call('messages.setFlags', { ids: inboxId.messages.map((m) => m.id), flagged: true });
        const starred = inboxId.messages.map((m) => m.messageId);
        await killAfter(engine, pick.int(0, 1_500));

        const core = await reopen(dataDir);
        const inbox = await mailboxByRole(core, account.id, 'inbox');
        await waitFor(async () => (await allHeaders(core, inbox.id)).length === LARGE, {
          timeoutMs: SCENARIO_MS / 2,
          intervalMs: 500,
          what: `all ${LARGE} headers after the restart`,
        });
        await expectStoreEqualsServer(core, server, user, account.id);
        const flagged = (await allHeaders(core, inbox.id)).filter((h) => h.flags.flagged).map((h) => h.messageId);
        expect(flagged.sort()).toEqual([...starred].sort());
      },
      SCENARIO_MS,
    );

  for (const seed of FAULT_SEEDS)
    it(`while sending three messages (seed ${seed})`, async () => {
      const pick = seeded(seed);
      const [me, anna] = await Promise.all([
        createMailUser(server, `crash-send-${seed}`),
        createMailUser(server, `crash-send-anna-${seed}`),
      ]);
      const { dataDir, engine, account, smtp, imap } = await crashableEngine(me);
      await waitFor(() => engine.call('mailboxes.list', { accountId: account.id }).then((l) => l.length > 0));
      // To oneself as well: that copy is how the engine can tell, after a crash, that the server
      // already had a message (Postfix does not file sent mail). See docs/faults.md.
      const to = `${anna.address}, ${me.address}`;
      // Die at a seeded point, armed before the first send: in an SMTP transaction or in an
      // APPEND to Sent, plus a little.
      const point = pick.next() < 0.5 ? smtp.seen('up', /^DATA$/i) : imap.seen('up', /^\S+ APPEND "?Sent/i);
      const subjects = [0, 1, 2].map((i) => `Crash send ${seed}.${i}`);
      for (const subject of subjects)
        await engine.call('outbox.send', { draft: draft(account.id, to, subject), undoSeconds: 0 });
      await point;
      await killAfter(engine, pick.int(0, 300));

      const core = await reopen(dataDir);
      await waitFor(
        async () => {
          const left = await core.service.call('outbox.list', {});
          for (const item of left)
            if (item.sendAt > Date.now() + 500)
              await core.service.call('outbox.retry', { outboxId: item.id }).catch(() => undefined);
          return left.length === 0;
        },
        { timeoutMs: 60_000, intervalMs: 500, what: 'the outbox to drain after the restart' },
      );
      await waitFor(async () => (await subjectsIn(anna, 'INBOX')).length >= 3, { what: 'three deliveries' });
      await new Promise((r) => setTimeout(r, 1_000)); // a second delivery would have come by now
      expect(await subjectsIn(anna, 'INBOX')).toEqual(subjects);
      expect(await subjectsIn(me, 'INBOX')).toEqual(subjects);
      expect(await subjectsIn(me, 'Sent')).toEqual(subjects);
      await expectStoreEqualsServer(core, server, me, account.id);
    });
});
