// Cached attachment bytes (bodies-repo.ts) are kept within a size budget, the least recently
// used forgotten first; and the engine refuses an attachment over the size cap with a sentence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, refuseOversizedAttachment } from '../../electron/core/attachment-size';
import { ServiceError } from '../../electron/core/service-error';
import { Store } from '../../electron/core/store/store';
import type { AttachmentInfo } from '../../shared/domain';
import { headerRecord, listedMailbox, testAccountSettings } from '../support/store-fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function storeWithMessage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mail-attachments-'));
  dirs.push(dir);
  const store = Store.open(dir);
  const account = store.accounts.insert(testAccountSettings, Buffer.from('x'));
  store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox')]);
  const inbox = store.mailboxes.byRole(account.id, 'inbox')!;
  store.messages.insertHeaders(inbox.id, [headerRecord(1)]);
  const messageId = store.messages.window(inbox.id, 0, 10)[0]!.id;
  const parts: AttachmentInfo[] = ['2', '3', '4'].map((part) => ({
    part,
    filename: `f${part}.bin`,
    contentType: 'application/octet-stream',
    size: 100,
    contentId: null,
    inline: false,
  }));
  store.bodies.putAttachments(messageId, parts);
  return { store, messageId };
}

describe('the attachment byte cache', () => {
  it('forgets the least recently used bytes once the budget is spent', () => {
    const { store, messageId } = storeWithMessage();
    const bytes = (fill: number) => Buffer.alloc(400, fill);
    store.bodies.cacheAttachmentData(messageId, '2', bytes(2), 1000);
    store.bodies.cacheAttachmentData(messageId, '3', bytes(3), 1000);
    expect(store.bodies.attachmentData(messageId, '2')).toEqual(bytes(2)); // 2 is now the newest
    store.bodies.cacheAttachmentData(messageId, '4', bytes(4), 1000);
    expect(store.bodies.attachmentData(messageId, '3')).toBeNull();
    expect(store.bodies.attachmentData(messageId, '2')).toEqual(bytes(2));
    expect(store.bodies.attachmentData(messageId, '4')).toEqual(bytes(4));
    // the attachment itself is still listed: only its bytes must be fetched again
    expect(store.bodies.attachments(messageId).map((a) => a.part)).toEqual(['2', '3', '4']);
    store.close();
  });

  it('keeps everything under the default budget', () => {
    const { store, messageId } = storeWithMessage();
    store.bodies.cacheAttachmentData(messageId, '2', Buffer.alloc(1000, 1));
    store.bodies.cacheAttachmentData(messageId, '3', Buffer.alloc(1000, 2));
    expect(store.bodies.attachmentData(messageId, '2')).not.toBeNull();
    expect(store.bodies.attachmentData(messageId, '3')).not.toBeNull();
    store.close();
  });
});

describe('the attachment size cap', () => {
  it('refuses a part over the cap with a sentence that names it, and passes one at the cap', () => {
    expect(() => refuseOversizedAttachment('movie.mkv', MAX_ATTACHMENT_BYTES + 1)).toThrowError(ServiceError);
    expect(() => refuseOversizedAttachment('movie.mkv', 3 * 1024 * 1024 * 1024)).toThrowError(
      /“movie.mkv” is 3072 MB, larger than the 100 MB/,
    );
    expect(() => refuseOversizedAttachment('ok.pdf', MAX_ATTACHMENT_BYTES)).not.toThrow();
  });
});
