import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../electron/core/text/html-text';

describe('htmlToText / decodeEntities', () => {
  it('keeps unknown entities and drops invalid code points', () => {
    expect(decodeEntities('&bogus; &#0; &#xD800; &#65;')).toBe('&bogus;   A');
  });
  it('turns block elements into line breaks', () => {
    expect(htmlToText('a<br>b<p>c</p>')).toBe('a\nb\nc\n');
  });
});
