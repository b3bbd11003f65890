// When the reader shows the body frame and when it says in words that there is nothing to show.
import { describe, expect, it } from 'vitest';
import { hasReadableBody } from '../../renderer/message-view/readable-body';

describe('a readable body', () => {
  it('is HTML or text with something other than blanks in it', () => {
    expect(hasReadableBody({ html: '<p>Hi</p>', text: null })).toBe(true);
    expect(hasReadableBody({ html: null, text: 'Hi' })).toBe(true);
    expect(hasReadableBody({ html: '  ', text: 'Hi' })).toBe(true);
  });

  it('is not both null, nor only blanks', () => {
    expect(hasReadableBody({ html: null, text: null })).toBe(false);
    expect(hasReadableBody({ html: null, text: '' })).toBe(false);
    expect(hasReadableBody({ html: ' \n', text: '\r\n\t' })).toBe(false);
  });
});
