// The engine's signature forms: a rich signature goes into HTML mail as it is and into plain-text
// mail as its text version; a plain one is escaped into HTML as before.
import { describe, expect, it } from 'vitest';
import { htmlSignature, signatureAsText, textSignature } from '../../electron/core/smtp/signature';

const rich = '<p><b>Ada</b> Lovelace<br><a href="https://example.org/">Analytical Engines</a></p>';

describe('signature', () => {
  it('puts a rich signature into HTML unescaped, under the delimiter', () => {
    expect(htmlSignature(rich)).toBe(`<div class="signature">-- <br>${rich}</div>`);
  });

  it('escapes a plain signature, keeping its line breaks', () => {
    expect(htmlSignature('Ada <ada@example.org>\nLondon')).toBe(
      '<div class="signature">-- <br>\nAda &lt;ada@example.org&gt;<br>\nLondon</div>',
    );
  });

  it('gives the text version of a rich signature, with the link address', () => {
    expect(signatureAsText(rich)).toBe('Ada Lovelace\nAnalytical Engines <https://example.org/>');
    expect(textSignature(rich)).toBe('-- \nAda Lovelace\nAnalytical Engines <https://example.org/>');
  });

  it('leaves a plain signature as it is', () => {
    expect(signatureAsText('Ada\n<not a tag')).toBe('Ada\n<not a tag');
  });
});
