// What makes j fast without showing the wrong thing: the reading pane shows a neighbour's
// prepared document only until the open message's view has said what to show, keeps a few
// prepared neighbours, and fetches each inline image part once.
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/contract';
import type { AttachmentInfo } from '../../shared/domain';
import {
  bodyFrames,
  hideBodyFrame,
  notePreparedFrame,
  showBodyFrame,
  shownFrame,
} from '../../renderer/message-view/body-frames';
import {
  forgetFailedInlineImages,
  loadInlineImage,
  peekInlineImage,
} from '../../renderer/message-view/inline-image-cache';

describe('body frames', () => {
  it('shows a prepared neighbour at once, then whatever its view decides', () => {
    notePreparedFrame({ messageId: 1, srcdoc: 'one' });
    notePreparedFrame({ messageId: 2, srcdoc: 'two' });
    expect(shownFrame(bodyFrames(), 2)).toEqual({ messageId: 2, srcdoc: 'two' });
    // the view of message 2 has its body, with its (here: different) document
    showBodyFrame(2, 'two, complete');
    expect(shownFrame(bodyFrames(), 2)).toEqual({ messageId: 2, srcdoc: 'two, complete' });
    // still loading its images: nothing is shown (the view shows its skeleton)
    showBodyFrame(2, null);
    expect(shownFrame(bodyFrames(), 2)).toBeNull();
    // another message opens: the old view's word no longer counts
    hideBodyFrame(2);
    expect(shownFrame(bodyFrames(), 1)).toEqual({ messageId: 1, srcdoc: 'one' });
    expect(shownFrame(bodyFrames(), 3)).toBeNull();
    expect(shownFrame(bodyFrames(), null)).toBeNull();
  });

  it('keeps the three most recently prepared neighbours, each once', () => {
    for (const id of [10, 11, 12, 11, 13]) notePreparedFrame({ messageId: id, srcdoc: `doc ${id}` });
    expect(bodyFrames().prepared.map((frame) => frame.messageId)).toEqual([12, 11, 13]);
  });
});

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
