// The composer's draft for a mailto: link.
import { describe, expect, it } from 'vitest';
import { parseMailto } from '../../shared/mailto';
import { draftFromMailto } from '../../renderer/composer/mailto-draft';

const accountId = 1 as never;

describe('draftFromMailto', () => {
  it('fills To, Cc, Bcc and the subject (the composer shows a Bcc line whenever a draft has one)', () => {
    const fields = parseMailto('mailto:a@x.se,b@y.se?cc=c@z.se&bcc=d@w.example&subject=Hej')!;
    const draft = draftFromMailto(fields, accountId);
    expect(draft).toMatchObject({
      mode: 'new',
      accountId,
      to: 'a@x.se, b@y.se',
      cc: 'c@z.se',
      bcc: 'd@w.example',
      subject: 'Hej',
    });
  });

  it('puts the body in as escaped paragraphs, one per line', () => {
    const draft = draftFromMailto(parseMailto('mailto:?body=%3Cb%3Ehi%3C%2Fb%3E%0D%0A%0D%0Abye')!, accountId);
    expect(draft.body).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p><p><br></p><p>bye</p>');
  });

  it('adds the signature after the text', () => {
    const draft = draftFromMailto(parseMailto('mailto:?body=hello')!, accountId, 'Anna');
    expect(draft.body.startsWith('<p>hello</p><p><br></p><div class="signature">-- <br>Anna</div>')).toBe(true);
  });
});
