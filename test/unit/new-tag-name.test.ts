import { describe, expect, it } from 'vitest';
import { checkNewTag } from '../../renderer/tags/new-tag-name';

describe('a new tag’s name', () => {
  it('takes one word an IMAP server keeps as a keyword, trimmed', () => {
    expect(checkNewTag('  Q3-review ')).toEqual({ ok: true, keyword: 'Q3-review' });
    expect(checkNewTag('$label2')).toEqual({ ok: true, keyword: '$label2' });
    expect(checkNewTag('a'.repeat(64))).toEqual({ ok: true, keyword: 'a'.repeat(64) });
  });

  it('says what is wrong with anything else', () => {
    expect(checkNewTag('   ')).toEqual({ ok: false, problem: 'empty' });
    for (const typed of [
      'Q3 review',
      'a(b',
      'x]',
      'per%cent',
      'star*',
      'quote"',
      'back\\slash',
      'Återkom',
      'a'.repeat(65),
    ])
      expect(checkNewTag(typed)).toEqual({ ok: false, problem: 'invalid' });
    // clients' own state, never shown as a tag
    expect(checkNewTag('$Forwarded')).toEqual({ ok: false, problem: 'reserved' });
    expect(checkNewTag('NonJunk')).toEqual({ ok: false, problem: 'reserved' });
  });
});
