// Send later against the real Postfix/Dovecot: a scheduled message waits in the outbox, goes on
// time while the engine runs, and after a restart when its time passed while the engine was
// stopped. The clock is the test's (an offset on the real one, so timers still run), so "an
// hour later" takes no hour.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../shared/compose';
import { getMailServer } from '../mailserver/inject';
import { withImap } from '../mailserver/imap-helpers';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';
import { composeDraft } from '../support/compose-drafts';
import { createMailUser } from '../support/mail-users';
import { startSendingBed, type SendingBed } from '../support/sending-bed';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();
const HOUR = 3_600_000;

async function copies(user: MailUser, messageId: string): Promise<Buffer[]> {
  return withImap(server, user, async (c) => {
    const lock = await c.getMailboxLock('INBOX', { readOnly: true });
    try {
      const uids = (await c.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      const out: Buffer[] = [];
      for (const uid of uids) {
        const m = await c.fetchOne(String(uid), { source: true }, { uid: true });
        if (m && m.source) out.push(m.source);
      }
      return out;
    } finally {
      lock.release();
    }
  });
}

function itemOf(bed: SendingBed, outboxId: number, state: OutboxItem['state']): Promise<OutboxItem> {
  return waitFor(() => bed.outboxEvents().find((i) => i.id === outboxId && i.state === state), {
    timeoutMs: 20_000,
    what: `outbox item ${outboxId} ${state}`,
  });
}

describe('send later', () => {
  it('waits in the outbox, goes on time while running, and after a restart when its time passed meanwhile', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'later-me'), createMailUser(server, 'later-anna')]);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'send-later-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let offset = 0;
    const now = () => Date.now() + offset;
    const first = await startSendingBed(server, me, cleanup, { dataDir, now });

    // Soon: it goes by itself, while the engine runs, no earlier than its time.
    const soonAt = now() + 1_500;
    const soon = await first.sending.handlers['outbox.send']({
      draft: composeDraft(first.accountId, { to: anna.address, subject: 'In a moment', body: 'x' }),
      sendAt: soonAt,
    });
    expect(soon.sendAt).toBe(soonAt);
    const soonDone = await itemOf(first, soon.outboxId, 'done');
    expect(now()).toBeGreaterThanOrEqual(soonAt);
    const [soonCopy] = await waitFor(async () => {
      const found = await copies(anna, soonDone.messageId);
      return found.length ? found : null;
    });
    expect((await simpleParser(soonCopy!)).date?.getTime()).toBe(Math.floor(soonAt / 1000) * 1000);

    // In an hour: listed as scheduled, not sent; the engine stops before its time.
    const laterAt = now() + HOUR;
    const later = await first.sending.handlers['outbox.send']({
      draft: composeDraft(first.accountId, { to: anna.address, subject: 'In an hour', body: 'y' }),
      sendAt: laterAt,
    });
    const [listed] = await first.sending.handlers['outbox.list']({});
    expect(listed).toMatchObject({ id: later.outboxId, state: 'queued', sendAt: laterAt, scheduledFor: laterAt });
    // The connection coming back does not hurry a scheduled message (it is no retry).
    first.sending.onAccountOnline(first.accountId);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await copies(anna, listed!.messageId)).toHaveLength(0);
    await first.stop();

    // Two hours pass with the app closed; at the next start it goes.
    offset += 2 * HOUR;
    const second = await startSendingBed(server, me, cleanup, { dataDir, now });
    await itemOf(second, later.outboxId, 'done');
    await waitFor(async () => ((await copies(anna, listed!.messageId)).length ? true : null));
    expect(await second.sending.handlers['outbox.list']({})).toEqual([]);
  });

  it('until its time it can be taken back for editing, or sent at once', async () => {
    const [me, anna] = await Promise.all([createMailUser(server, 'later2-me'), createMailUser(server, 'later2-anna')]);
    const bed = await startSendingBed(server, me, cleanup);
    const sendAt = Date.now() + HOUR;
    const draft = composeDraft(bed.accountId, { to: anna.address, subject: 'Tomorrow', body: 'z' });
    const first = await bed.sending.handlers['outbox.send']({ draft, sendAt });
    const back = await bed.sending.handlers['outbox.cancel']({ outboxId: first.outboxId });
    expect(back).toMatchObject({ to: anna.address, subject: 'Tomorrow', body: 'z' });
    expect(await bed.sending.handlers['outbox.list']({})).toEqual([]);

    const again = await bed.sending.handlers['outbox.send']({ draft: { ...back, body: 'edited' }, sendAt });
    await bed.sending.handlers['outbox.retry']({ outboxId: again.outboxId });
    const done = await itemOf(bed, again.outboxId, 'done');
    const [copy] = await waitFor(async () => {
      const found = await copies(anna, done.messageId);
      return found.length ? found : null;
    });
    expect((await simpleParser(copy!)).text?.trim()).toBe('edited');
  });
});
