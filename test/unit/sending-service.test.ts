// The sending engine without a network: drafts saved cheaply and idempotently, attachments held
// once, invalid recipients named, the outbox written before anything is sent, undo, restart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComposeDraft } from '../../shared/compose';
import { sendingMethods } from '../../shared/contract-sending';
import type { Emit } from '../../electron/core/events';
import { ServiceError } from '../../electron/core/service-error';
import { OutboxRepo } from '../../electron/core/store/outbox-repo';
import { SendingService } from '../../electron/core/smtp/sending-service';
import { Store } from '../../electron/core/store/store';
import { senderAccountSettings } from '../support/store-fixtures';
import { composeDraft } from '../support/compose-drafts';

let dir: string;
let store: Store;
let service: SendingService;
let events: { event: string; payload: unknown }[];
let accountId: string;
let allowFiles = true;

function start(): SendingService {
  const emit = ((event: string, payload: unknown) => events.push({ event, payload })) as unknown as Emit;
  const s = new SendingService({
    store,
    emit,
    password: async () => 'secret',
    imap: () => null,
    loadOriginal: async () => {
      throw new Error('not in this test');
    },
    isOnline: () => false,
    mayReadFile: () => allowFiles,
  });
  s.start();
  return s;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'compose-outbox-'));
  store = Store.open(dir);
  events = [];
  allowFiles = true;
  accountId = store.accounts.insert(senderAccountSettings, Buffer.from('sealed')).id;
  service = start();
});

afterEach(async () => {
  await service.stop();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function draft(change: Partial<ComposeDraft> = {}): ComposeDraft {
  return composeDraft(accountId, {
    to: 'Anna <anna@example.com>',
    bcc: 'Hidden <hidden@example.com>',
    subject: 'Plans',
    body: 'Hello Anna',
    ...change,
  });
}

const version = (draftId: string) =>
  (store.db.prepare('SELECT version FROM drafts WHERE id = ?').get(draftId) as { version: number }).version;

describe('drafts saved locally', () => {
  it('saving the same content again writes nothing; a change makes a new version', async () => {
    const first = await service.handlers['drafts.save']({ draft: draft() });
    expect(first.savedToServer).toBe(false);
    await service.handlers['drafts.save']({ draft: draft({ draftId: first.draftId }) });
    expect(version(first.draftId)).toBe(1);
    await service.handlers['drafts.save']({ draft: draft({ draftId: first.draftId, body: 'Hello Anna!' }) });
    expect(version(first.draftId)).toBe(2);
    const list = await service.handlers['drafts.list']({});
    expect(list).toEqual([expect.objectContaining({ draftId: first.draftId, subject: 'Plans', savedToServer: false })]);
    expect((await service.handlers['drafts.get']({ draftId: first.draftId })).body).toBe('Hello Anna!');
  });

  it('attachment bytes cross once: the returned references are enough afterwards', async () => {
    const bytes = Buffer.from('%PDF-1.4 hello');
    const saved = await service.handlers['drafts.save']({
      draft: draft({
        attachments: [
          { source: 'data', filename: 'a.pdf', contentType: 'application/pdf', dataBase64: bytes.toString('base64') },
        ],
      }),
    });
    expect(saved.attachments).toEqual([
      {
        source: 'stored',
        blobId: expect.stringMatching(/^[0-9a-f]{64}$/),
        filename: 'a.pdf',
        contentType: 'application/pdf',
        size: bytes.length,
      },
    ]);
    await service.handlers['drafts.save']({ draft: draft({ draftId: saved.draftId, attachments: saved.attachments }) });
    expect(version(saved.draftId)).toBe(1);
    // Removing it from the draft drops the bytes too.
    await service.handlers['drafts.save']({ draft: draft({ draftId: saved.draftId, attachments: [] }) });
    expect((store.db.prepare('SELECT COUNT(*) AS n FROM draft_blobs').get() as { n: number }).n).toBe(0);
  });

  it('a file is read when attached; only allowed, absolute, regular files', async () => {
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'notes');
    const saved = await service.handlers['drafts.save']({
      draft: draft({ attachments: [{ source: 'file', path: file }] }),
    });
    expect(saved.attachments[0]).toMatchObject({
      source: 'stored',
      filename: 'notes.txt',
      contentType: 'text/plain',
      size: 5,
    });
    await expect(
      service.handlers['drafts.save']({ draft: draft({ attachments: [{ source: 'file', path: 'notes.txt' }] }) }),
    ).rejects.toThrow(/not a full path/);
    await expect(
      service.handlers['drafts.save']({ draft: draft({ attachments: [{ source: 'file', path: dir }] }) }),
    ).rejects.toThrow(/not a file/);
    allowFiles = false;
    await expect(
      service.handlers['drafts.save']({ draft: draft({ attachments: [{ source: 'file', path: file }] }) }),
    ).rejects.toThrow(/file dialog/);
  });

  it('switching a draft to another account leaves its old server copy to be deleted there', async () => {
    const other = store.accounts.insert(
      {
        name: 'Work',
        email: 'me@work.example',
        displayName: 'Me at work',
        username: 'me',
        imap: { host: 'imap.work.example', port: 993, security: 'tls' },
        smtp: { host: 'smtp.work.example', port: 465, security: 'tls' },
      },
      Buffer.from('sealed'),
    ).id;
    // Asked to be on the server (offline here, so only requested).
    const saved = await service.handlers['drafts.save']({ draft: draft(), sync: true });
    expect(saved.savedToServer).toBe(false);
    await service.handlers['drafts.save']({ draft: draft({ draftId: saved.draftId, accountId: other }) });
    const rows = store.db
      .prepare('SELECT id, account_id, state, message_id FROM drafts ORDER BY created_at, id')
      .all() as {
      id: string;
      account_id: string;
      state: string;
      message_id: string;
    }[];
    const live = rows.find((r) => r.id === saved.draftId)!;
    const tombstone = rows.find((r) => r.id !== saved.draftId)!;
    expect(live).toMatchObject({ account_id: other, state: 'editing' });
    expect(live.message_id).toMatch(/@work\.example>$/);
    expect(tombstone).toMatchObject({ account_id: accountId, state: 'discarded' });
    expect(tombstone.message_id).toMatch(/@example\.org>$/);
  });

  it('an unknown stored reference is refused', async () => {
    const saved = await service.handlers['drafts.save']({ draft: draft() });
    await expect(
      service.handlers['drafts.save']({
        draft: draft({
          draftId: saved.draftId,
          attachments: [
            { source: 'stored', blobId: 'a'.repeat(64), filename: 'x', contentType: 'text/plain', size: 1 },
          ],
        }),
      }),
    ).rejects.toThrow(/no longer available/);
  });

  it('the contract caps attachment data at 25 MB', () => {
    const input = sendingMethods['drafts.save'].input;
    const tooBig = 'A'.repeat(Math.ceil((25 * 1024 * 1024 + 3) / 3) * 4);
    const parsed = input.safeParse({
      draft: draft({
        attachments: [{ source: 'data', filename: 'big', contentType: 'application/octet-stream', dataBase64: tooBig }],
      }),
    });
    expect(parsed.success).toBe(false);
    expect(input.safeParse({ draft: draft() }).success).toBe(true);
  });
});

describe('the outbox before any network', () => {
  it('refuses invalid recipients by name and saves nothing', async () => {
    const error = await service.handlers['outbox.send']({
      draft: draft({ to: 'anna@, ok@example.com', cc: 'Bob' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('invalid-input');
    expect((error as ServiceError).message).toBe(
      'These are not email addresses: “anna@” (To), “Bob” (Cc). Correct them and send again.',
    );
    expect(await service.handlers['outbox.list']({})).toEqual([]);
    expect(await service.handlers['drafts.list']({})).toEqual([]);
    await expect(service.handlers['outbox.send']({ draft: draft({ to: '', bcc: '' }) })).rejects.toThrow(
      /at least one recipient/,
    );
  });

  it('stores the final bytes and envelope at once: Bcc in the envelope only', async () => {
    const before = Date.now();
    const { outboxId, sendAt } = await service.handlers['outbox.send']({ draft: draft(), undoSeconds: 30 });
    expect(sendAt).toBeGreaterThanOrEqual(before + 30_000);
    const row = store.db
      .prepare('SELECT raw, envelope_json, state, sent_headers FROM outbox WHERE id = ?')
      .get(outboxId) as {
      raw: Buffer;
      envelope_json: string;
      state: string;
      sent_headers: string;
    };
    expect(row.state).toBe('queued');
    expect(JSON.parse(row.envelope_json)).toEqual({
      from: 'me@example.org',
      to: ['anna@example.com', 'hidden@example.com'],
    });
    expect(row.raw.toString()).not.toMatch(/hidden@example\.com|^Bcc:/im);
    expect(row.sent_headers).toBe('Bcc: Hidden <hidden@example.com>\r\n');
    const [item] = await service.handlers['outbox.list']({});
    expect(item).toMatchObject({ id: outboxId, state: 'queued', subject: 'Plans', attempts: 0, error: null });
    expect(events.some((e) => e.event === 'outbox.changed')).toBe(true);
  });

  it('undo returns the draft as it was, and the message is gone from the outbox', async () => {
    const saved = await service.handlers['drafts.save']({ draft: draft() });
    const { outboxId } = await service.handlers['outbox.send']({
      draft: draft({ draftId: saved.draftId }),
      undoSeconds: 30,
    });
    expect(await service.handlers['drafts.list']({})).toEqual([]);
    await expect(service.handlers['drafts.save']({ draft: draft({ draftId: saved.draftId }) })).rejects.toThrow(
      /in the outbox/,
    );
    await expect(service.handlers['outbox.send']({ draft: draft({ draftId: saved.draftId }) })).rejects.toThrow(
      /in the outbox/,
    );
    const back = await service.handlers['outbox.cancel']({ outboxId });
    expect(back).toMatchObject({
      draftId: saved.draftId,
      to: 'Anna <anna@example.com>',
      bcc: 'Hidden <hidden@example.com>',
      body: 'Hello Anna',
    });
    expect(await service.handlers['outbox.list']({})).toEqual([]);
    expect((await service.handlers['drafts.list']({})).map((d) => d.draftId)).toEqual([saved.draftId]);
    const last = events.filter((e) => e.event === 'outbox.changed').at(-1)?.payload as { item: { state: string } };
    expect(last.item.state).toBe('cancelled');
    await expect(service.handlers['outbox.cancel']({ outboxId })).rejects.toThrow(/not found/);
  });

  it('a queued message survives closing and reopening the database', async () => {
    const { outboxId } = await service.handlers['outbox.send']({ draft: draft(), undoSeconds: 30 });
    const raw = (store.db.prepare('SELECT raw FROM outbox WHERE id = ?').get(outboxId) as { raw: Buffer }).raw;
    await service.stop();
    store.close();
    store = Store.open(dir);
    service = start();
    const [item] = await service.handlers['outbox.list']({});
    expect(item).toMatchObject({ id: outboxId, state: 'queued' });
    expect(
      (store.db.prepare('SELECT raw FROM outbox WHERE id = ?').get(outboxId) as { raw: Buffer }).raw.equals(raw),
    ).toBe(true);
  });

  it('a cancel and the sender racing for one message: exactly one wins', async () => {
    const repo = new OutboxRepo(store.db);
    const first = await service.handlers['outbox.send']({ draft: draft(), undoSeconds: 30 });
    expect(repo.claim(first.outboxId)).toBe(true); // the sender got there first
    expect(repo.takeBack(first.outboxId)).toBeNull();
    await expect(service.handlers['outbox.cancel']({ outboxId: first.outboxId })).rejects.toThrow(/on its way/);
    const second = await service.handlers['outbox.send']({ draft: draft({ subject: 'Two' }), undoSeconds: 30 });
    expect(repo.takeBack(second.outboxId)).not.toBeNull(); // the user got there first
    expect(repo.claim(second.outboxId)).toBe(false);
  });
});
