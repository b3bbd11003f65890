// What makes j fast without showing the wrong thing: the reading pane shows a neighbour's
// prepared document only until the open message's view has said what to show, and keeps a few
// prepared neighbours.
import { describe, expect, it } from 'vitest';
import {
  bodyFrames,
  hideBodyFrame,
  notePreparedFrame,
  showBodyFrame,
  shownFrame,
} from '../../renderer/message-view/body-frames';

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
