// Where the composer puts the account's signature, in a plain and in a rich-text draft.
import { describe, expect, it } from 'vitest';
import { withPlainSignature } from '../../shared/signature';
import { emptyDraft } from '../../renderer/composer/compose-draft';
import { withSignature } from '../../renderer/composer/signed-draft';

describe('the signature in a body the composer builds', () => {
  it('goes below the room to write and above a quote, as compose.prepare lays it out', () => {
    expect(withPlainSignature('', 'Ada\nEngines')).toBe('\n\n-- \nAda\nEngines\n');
    expect(withPlainSignature('\n\nOn Monday, B wrote:\n> hi\n', 'Ada')).toBe(
      '\n\n-- \nAda\n\nOn Monday, B wrote:\n> hi\n',
    );
    // a delimiter typed into the signature is not doubled; no signature leaves the body alone
    expect(withPlainSignature('', '-- \nAda')).toBe('\n\n-- \nAda\n');
    expect(withPlainSignature('\n\n> hi\n', '  ')).toBe('\n\n> hi\n');
    expect(withPlainSignature('', undefined)).toBe('');
  });
});

describe('the signature in a new rich-text draft', () => {
  it('is escaped HTML below the room to write, and plain drafts get the plain form', () => {
    const html = withSignature(emptyDraft(null, 'html'), 'Ada <Engines>\nLondon & co');
    expect(html.body).toBe('<p><br></p><div class="signature">-- <br>Ada &lt;Engines&gt;<br>London &amp; co</div>');
    expect(withSignature(emptyDraft(null, 'plain'), 'Ada').body).toBe('\n\n-- \nAda\n');
    expect(withSignature(emptyDraft(null, 'html'), '  ').body).toBe('');
  });
});
