import { describe, expect, it } from 'vitest';
import type { MessageHeader } from '../../shared/domain';
import {
  buildForwardDraft,
  buildReplyDraft,
  forwardSubject,
  quoteText,
  replySubject,
} from '../../renderer/composer/compose-draft';

const original: MessageHeader = {
  id: 1,
  mailboxId: 1,
  accountId: 'acc',
  uid: 1,
  messageId: '<m1@example.com>',
  subject: 'Plans',
  from: [{ name: 'Charles', address: 'charles@example.com' }],
  to: [
    { name: 'Ada', address: 'ada@example.com' },
    { name: 'Mary', address: 'mary@example.com' },
  ],
  cc: [
    { name: '', address: 'ADA@example.com' },
    { name: 'Grace', address: 'grace@example.com' },
  ],
  date: 0,
  size: 0,
  flags: { seen: true, flagged: false, answered: false, draft: false },
  hasAttachments: false,
  snippet: null,
  threadKey: 't',
};

describe('reply and forward drafts', () => {
  it('prefixes subjects once', () => {
    expect(replySubject('Plans')).toBe('Re: Plans');
    expect(replySubject('RE: Plans')).toBe('Re: Plans');
    expect(replySubject('Sv: Re[2]: Planer')).toBe('Re: Planer');
    expect(forwardSubject('Plans')).toBe('Fwd: Plans');
    expect(forwardSubject('Fw: Plans')).toBe('Fwd: Plans');
    // in the composer's language, and still never stacked
    expect(replySubject('Re: Planer', 'sv-SE')).toBe('Sv: Planer');
    expect(forwardSubject('AW: Fwd: Planer', 'sv')).toBe('VB: Planer');
  });

  it('quotes every line', () => {
    expect(quoteText('one\r\ntwo\n> earlier\n')).toBe('> one\n> two\n>> earlier');
  });

  it('replies to the sender (or Reply-To) and threads the message', () => {
    const draft = buildReplyDraft({
      header: original,
      replyTo: [],
      references: ['<m0@example.com>'],
      originalText: 'Hello',
      quoteHeader: 'On Monday, Charles wrote:',
      ownAddresses: ['ada@example.com'],
      all: false,
    });
    expect(draft.to).toBe('Charles <charles@example.com>');
    expect(draft.cc).toBe('');
    expect(draft.subject).toBe('Re: Plans');
    expect(draft.body).toBe('\n\nOn Monday, Charles wrote:\n> Hello\n');
    expect(draft.inReplyTo).toBe('<m1@example.com>');
    expect(draft.references).toEqual(['<m0@example.com>', '<m1@example.com>']);
    const viaReplyTo = buildReplyDraft({
      header: original,
      replyTo: [{ name: 'List', address: 'list@example.com' }],
      references: [],
      originalText: '',
      quoteHeader: '',
      ownAddresses: [],
      all: false,
    });
    expect(viaReplyTo.to).toBe('List <list@example.com>');
  });

  it('reply all leaves the user out and lists nobody twice', () => {
    const draft = buildReplyDraft({
      header: original,
      replyTo: [],
      references: [],
      originalText: '',
      quoteHeader: '',
      ownAddresses: ['ada@example.com'],
      all: true,
    });
    expect(draft.to).toBe('Charles <charles@example.com>, Mary <mary@example.com>');
    expect(draft.cc).toBe('Grace <grace@example.com>');
  });

  it('forwards with the translated header block and an empty To', () => {
    const draft = buildForwardDraft({ header: original, originalText: 'Hello', forwardHeader: '--- Forwarded ---' });
    expect(draft.to).toBe('');
    expect(draft.subject).toBe('Fwd: Plans');
    expect(draft.body).toBe('\n\n--- Forwarded ---\n\nHello\n');
  });
});
