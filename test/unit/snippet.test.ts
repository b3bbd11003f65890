import { describe, expect, it } from 'vitest';
import { makeSnippet, SNIPPET_LENGTH } from '../../electron/core/imap/body/snippet';

describe('makeSnippet', () => {
  it('collapses whitespace and line breaks into one line', () => {
    expect(makeSnippet('Hello Bob,\r\n\r\n  the build   is\tgreen.\n', null)).toBe('Hello Bob, the build is green.');
  });

  it('drops quoted lines and the attribution line before them', () => {
    const text = 'Sounds good.\n\nOn Tue, 3 Mar 2026, Bob wrote:\n> Shall we meet?\n>> earlier\nSee you then.';
    expect(makeSnippet(text, null)).toBe('Sounds good. See you then.');
  });

  it('keeps a line ending in ":" that does not introduce a quote', () => {
    expect(makeSnippet('Agenda:\n1. budget', null)).toBe('Agenda: 1. budget');
  });

  it('stops at the signature delimiter', () => {
    expect(makeSnippet('Thanks!\n-- \nBob Smith\nACME', null)).toBe('Thanks!');
    expect(makeSnippet('Thanks!\n--\nBob', null)).toBe('Thanks!');
    // "--" inside a line is not a delimiter
    expect(makeSnippet('a -- b', null)).toBe('a -- b');
  });

  it('uses the HTML part when there is no text, without tags, styles, scripts or comments', () => {
    const html =
      '<html><head><title>T</title><style>p{color:red}</style></head><body>' +
      '<!-- hidden --><script>alert(1)</script><p>Hello&nbsp;<b>World</b> &amp; &lt;friends&gt;</p>' +
      '<div>caf&eacute; &#8364;5 &#x1F600;</div></body></html>';
    expect(makeSnippet(null, html)).toBe('Hello World & <friends> café €5 😀');
  });

  it('drops quoted replies (blockquotes, nested) and signatures in HTML', () => {
    const html =
      '<div>Top reply</div><blockquote>outer<blockquote>inner</blockquote>outer tail</blockquote>' +
      '<div>after</div><div>-- </div><div>Sig</div>';
    expect(makeSnippet(null, html)).toBe('Top reply after');
  });

  it('prefers text over HTML, but falls back to HTML when the text is blank', () => {
    expect(makeSnippet('plain', '<p>html</p>')).toBe('plain');
    expect(makeSnippet('  \n ', '<p>html</p>')).toBe('html');
    expect(makeSnippet(null, null)).toBe('');
    expect(makeSnippet('', '')).toBe('');
  });

  it('removes invisible preheader padding marketing mail uses', () => {
    expect(makeSnippet(null, '<p>Sale!</p><div>\u034f \u200c \u00ad\u034f &zwnj;&#847;</div><p>Now</p>')).toBe(
      'Sale! Now',
    );
  });

  it('cuts at about 200 characters on a word boundary, never splitting a surrogate pair', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const snippet = makeSnippet(words, null);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(snippet.length).toBeGreaterThan(150);
    expect(words.startsWith(snippet)).toBe(true);
    expect(words[snippet.length]).toBe(' ');
    const emoji = makeSnippet('😀'.repeat(300), null);
    expect(Array.from(emoji)).toHaveLength(200);
    expect(emoji).toBe('😀'.repeat(200));
  });

  it('tolerates HTML cut in the middle of a tag, comment or style block', () => {
    expect(makeSnippet(null, '<p>Hello</p><p class="x')).toBe('Hello');
    expect(makeSnippet(null, '<p>Hello</p><!-- never closed')).toBe('Hello');
    expect(makeSnippet(null, '<style>body{}</style><p>Hi</p><style>a{')).toBe('Hi');
  });

  it('is fast on a huge body (only the beginning is read)', () => {
    const started = Date.now();
    makeSnippet('x '.repeat(3_000_000), null);
    makeSnippet(null, '<div>:</div>'.repeat(500_000));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
