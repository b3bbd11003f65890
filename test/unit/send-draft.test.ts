import { describe, expect, it } from 'vitest';
import { emptyDraft, fromContractDraft } from '../../renderer/composer/compose-draft';
import { toContractDraft } from '../../renderer/composer/send-draft';

describe('the engine draft and the composer draft', () => {
  const engineDraft = {
    draftId: 'd-1',
    accountId: 'acc',
    from: 'alias@example.com',
    mode: 'forward' as const,
    originalId: 7,
    to: 'a@example.com',
    cc: '',
    bcc: 'secret@example.com',
    replyTo: 'team@example.com',
    subject: 'Fwd: Plans',
    format: 'html' as const,
    body: '<p>See <b>below</b></p><blockquote type="cite"><p>Hello</p></blockquote>',
    inReplyTo: null,
    references: [],
    attachments: [
      {
        source: 'original' as const,
        messageId: 7,
        part: '2',
        filename: 'plan.pdf',
        contentType: 'application/pdf',
        size: 1200,
      },
    ],
  };

  it('keeps the HTML, its format, Bcc, Reply-To and a forward’s attachments through the round trip', () => {
    const draft = fromContractDraft(engineDraft);
    expect(draft.format).toBe('html');
    expect(draft.body).toBe(engineDraft.body);
    expect(draft.attachments).toEqual(engineDraft.attachments);
    expect(draft.draftId).toBe('d-1');
    expect(toContractDraft(draft)).toEqual(engineDraft);
  });

  it('sends what the composer holds: format and attachments are no longer fixed', () => {
    const draft = { ...emptyDraft('acc'), body: '<p>Hi</p>' };
    expect(draft.format).toBe('html');
    const sent = toContractDraft({
      ...draft,
      attachments: [{ source: 'data', filename: 'a.txt', contentType: 'text/plain', dataBase64: 'aGk=' }],
    });
    expect(sent.format).toBe('html');
    expect(sent.body).toBe('<p>Hi</p>');
    expect(sent.attachments).toHaveLength(1);
    expect(toContractDraft(emptyDraft('acc', 'plain')).format).toBe('plain');
  });
});
