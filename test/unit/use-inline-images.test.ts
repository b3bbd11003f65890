// Which cid: parts a message may have fetched (use-inline-images.ts): images only, each and all
// together within a budget, at most so many; never a part just because a cid: URL names it.
import { describe, expect, it } from 'vitest';
import type { AttachmentInfo, MessageBody } from '../../shared/domain';
import { INLINE_IMAGE_LIMITS, inlinePartsFor } from '../../renderer/message-view/use-inline-images';

const MB = 1024 * 1024;

function part(index: number, contentType: string, size: number): AttachmentInfo {
  return {
    part: `2.${index}`,
    filename: `p${index}`,
    contentType,
    size,
    contentId: `<p${index}@x>`,
    inline: true,
  };
}

function body(attachments: AttachmentInfo[]): MessageBody {
  return { messageId: 1, html: '', text: null, attachments, bcc: [], replyTo: [], inReplyTo: null, references: [] };
}

const idsOf = (result: { id: string }[]) => result.map(({ id }) => id);

describe('inline images a message may fetch', () => {
  it('fetches image parts only, each under the per-part cap', () => {
    const parts = [
      part(0, 'image/png', 10_000),
      part(1, 'application/x-msdownload', 10_000),
      part(2, 'text/html', 10),
      part(3, 'image/jpeg', INLINE_IMAGE_LIMITS.partBytes + 1),
      part(4, 'IMAGE/GIF', 500),
    ];
    expect(idsOf(inlinePartsFor(body(parts), ['p0@x', 'p1@x', 'p2@x', 'p3@x', 'p4@x', 'nothing@x']))).toEqual([
      'p0@x',
      'p4@x',
    ]);
  });

  it('stops at the byte budget of the message', () => {
    const parts = Array.from({ length: 10 }, (_, i) => part(i, 'image/png', 4 * MB));
    const picked = inlinePartsFor(
      body(parts),
      parts.map((_, i) => `p${i}@x`),
    );
    expect(picked).toHaveLength(Math.floor(INLINE_IMAGE_LIMITS.messageBytes / (4 * MB)));
  });

  it('stops at the number of parts, however small they are', () => {
    const parts = Array.from({ length: 5000 }, (_, i) => part(i, 'image/png', 100));
    const ids = parts.map((_, i) => `p${i}@x`);
    expect(inlinePartsFor(body(parts), ids)).toHaveLength(INLINE_IMAGE_LIMITS.parts);
  });
});
