// The plain-text rendering of a rich body that the engine sends beside it.
import { describe, expect, it } from 'vitest';
import { htmlToPlain } from '../../electron/core/smtp/html-text';
import { expectLinear } from '../support/linear-time';

describe('plain text of a rich body', () => {
  it('keeps paragraphs, breaks, lists, links, quotes and the signature delimiter', () => {
    const html =
      '<p>Hello <b>Bob</b>,</p><p>see <a href="https://x.se/a">the plan</a><br>and this:</p>' +
      '<ul><li>one</li><li>two</li></ul>' +
      '<blockquote type="cite">quoted<br><blockquote>deeper</blockquote></blockquote>' +
      '<div class="signature">-- <br>Anna</div><style>p{color:red}</style>';
    expect(htmlToPlain(html)).toBe(
      'Hello Bob,\n\nsee the plan <https://x.se/a>\nand this:\n\n- one\n- two\n> quoted\n>> deeper\n-- \nAnna',
    );
  });

  it('decodes entities', () => {
    expect(htmlToPlain('<p>a &amp; b &lt;c&gt; &#229;</p>')).toBe('a & b <c> å');
  });
});

describe('the plain text of hostile HTML stays linear', () => {
  it('a long run of blanks inside a line of HTML', () => {
    const html = `<pre>${' '.repeat(100_000)}x</pre>`;
    expectLinear(
      () => htmlToPlain(html),
      () => htmlToPlain(`<pre>${'y'.repeat(100_000)}x</pre>`),
    );
    expect(htmlToPlain('<p>a   </p><blockquote><p>q</p></blockquote>')).toBe('a\n\n> q');
  });
});
