// The inline image parts of the messages being read, fetched once each however often they are shown.
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/contract';
import type { AttachmentInfo } from '../../shared/domain';
import {
  forgetFailedInlineImages,
  loadInlineImage,
  peekInlineImage,
} from '../../renderer/message-view/inline-image-cache';

describe('inline image cache', () => {
  const part: AttachmentInfo = {
    part: '2',
    filename: 'logo.png',
    contentType: 'image/png',
    size: 10,
    contentId: '<logo@x>',
    inline: true,
  };

  function transportAnswering(answer: () => Promise<unknown>) {
    const asked: unknown[] = [];
    const transport = {
      invoke: (method: string, args: unknown) => {
        asked.push({ method, args });
        return answer();
      },
    } as unknown as Transport;
    return { transport, asked };
  }

  it('fetches a part once, however often it is asked for, and answers from memory after', async () => {
    const { transport, asked } = transportAnswering(async () => ({
      filename: 'logo.png',
      contentType: 'image/png',
      dataBase64: 'iVBORw0KGgo=',
    }));
    expect(peekInlineImage(transport, 7, 'logo@x')).toBeUndefined();
    const [a, b] = await Promise.all([
      loadInlineImage(transport, 7, 'logo@x', part),
      loadInlineImage(transport, 7, 'logo@x', part),
    ]);
    expect(a).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(b).toBe(a);
    expect(peekInlineImage(transport, 7, 'logo@x')).toBe(a);
    expect(asked).toEqual([{ method: 'message.attachment', args: { id: 7, part: '2' } }]);
  });

  it('remembers a failure until the message is opened again', async () => {
    const { transport, asked } = transportAnswering(() => Promise.reject(new Error('offline')));
    expect(await loadInlineImage(transport, 8, 'logo@x', part)).toBeNull();
    expect(peekInlineImage(transport, 8, 'logo@x')).toBeNull();
    await loadInlineImage(transport, 8, 'logo@x', part);
    expect(asked).toHaveLength(1);
    forgetFailedInlineImages(transport, 8);
    expect(peekInlineImage(transport, 8, 'logo@x')).toBeUndefined();
    await loadInlineImage(transport, 8, 'logo@x', part);
    expect(asked).toHaveLength(2);
  });
});
