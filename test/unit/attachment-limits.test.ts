import { describe, expect, it } from 'vitest';
import { COMPOSE_LIMITS, type ComposeAttachment } from '../../shared/compose';
import {
  admitAttachments,
  attachmentSize,
  ATTACHMENT_LIMIT_MB,
  TOTAL_LIMIT_MB,
} from '../../renderer/composer/attachment-limits';
import { pastedImageName } from '../../renderer/composer/read-attachment-file';

const MB = 1024 * 1024;
const stored = (size: number): ComposeAttachment => ({
  source: 'stored',
  blobId: 'a'.repeat(64),
  filename: 'held.bin',
  contentType: 'application/octet-stream',
  size,
});

describe('attachment limits', () => {
  it('takes files within the per-file limit and names the one above it', () => {
    const result = admitAttachments(
      [],
      [
        { name: 'ok.pdf', size: 3 * MB },
        { name: 'huge.iso', size: COMPOSE_LIMITS.attachmentBytes + 1 },
        { name: 'exact.bin', size: COMPOSE_LIMITS.attachmentBytes },
      ],
    );
    expect(result.accepted).toEqual([0, 2]);
    expect(result.problems).toEqual([{ kind: 'tooLarge', name: 'huge.iso', size: COMPOSE_LIMITS.attachmentBytes + 1 }]);
    expect(ATTACHMENT_LIMIT_MB).toBe(25);
  });

  it('refuses what would take the message over its total, counting what the draft already holds', () => {
    const held = [stored(23 * MB), stored(23 * MB), stored(23 * MB)];
    const result = admitAttachments(held, [
      { name: 'one-more.bin', size: 2 * MB },
      { name: 'too-much.bin', size: 20 * MB },
      { name: 'tiny.txt', size: 10 },
    ]);
    expect(result.accepted).toEqual([0, 2]);
    expect(result.problems).toEqual([{ kind: 'totalTooLarge', name: 'too-much.bin' }]);
    // base64 makes 4 bytes of 3: the decoded total stays under three quarters of the message limit
    expect(TOTAL_LIMIT_MB).toBeLessThan((COMPOSE_LIMITS.messageBytes / MB) * 0.75);
  });

  it('stops at the attachment count limit', () => {
    const held = Array.from({ length: COMPOSE_LIMITS.attachments - 1 }, () => stored(1));
    const result = admitAttachments(held, [
      { name: 'last.txt', size: 1 },
      { name: 'one-too-many.txt', size: 1 },
    ]);
    expect(result.accepted).toEqual([0]);
    expect(result.problems).toEqual([{ kind: 'tooMany', name: 'one-too-many.txt' }]);
  });

  it('knows the decoded size of pasted data from its base64', () => {
    const of = (text: string): ComposeAttachment => ({
      source: 'data',
      filename: 'x',
      contentType: 'text/plain',
      dataBase64: Buffer.from(text).toString('base64'),
    });
    expect(attachmentSize(of(''))).toBe(0);
    expect(attachmentSize(of('a'))).toBe(1);
    expect(attachmentSize(of('ab'))).toBe(2);
    expect(attachmentSize(of('abc'))).toBe(3);
    expect(attachmentSize(stored(1234))).toBe(1234);
  });

  it('names a pasted picture by its type and time', () => {
    const when = new Date(2026, 10, 26, 9, 5, 7);
    expect(pastedImageName('image/png', when)).toBe('image-2026-11-26-090507.png');
    expect(pastedImageName('image/jpeg', when)).toBe('image-2026-11-26-090507.jpg');
    expect(pastedImageName('application/x-unknown', when)).toBe('image-2026-11-26-090507.png');
  });
});
