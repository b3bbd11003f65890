// The plain-text rendering of a rich body that the engine sends beside it.
import { describe, expect, it } from 'vitest';
import { htmlToPlain } from '../../electron/core/smtp/html-text';

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

/** Milliseconds `run` takes, the best of three. */
function elapsed(run: () => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('the plain text of hostile HTML stays linear', () => {
  // A loose bound (50 ms, or 20 times ordinary text of the same length): the regexes this
  // replaced took most of a second at a fifth of this size.
  const expectLinear = (hostile: () => unknown, ordinary: () => unknown) =>
    expect(elapsed(hostile)).toBeLessThan(Math.max(50, 20 * elapsed(ordinary)));

  it('a long run of blanks inside a line of HTML', () => {
    const html = `<pre>${' '.repeat(100_000)}x</pre>`;
    expectLinear(
      () => htmlToPlain(html),
      () => htmlToPlain(`<pre>${'y'.repeat(100_000)}x</pre>`),
    );
    expect(htmlToPlain('<p>a   </p><blockquote><p>q</p></blockquote>')).toBe('a\n\n> q');
  });
});
