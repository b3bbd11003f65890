// The .eml reading window's body and its reply and forward drafts.
import { describe, expect, it } from 'vitest';
import type { EmlMessage } from '../../shared/contract-desktop';
import { emlForwardDraft, emlReplyDraft, renderEmlBody } from '../../renderer/eml/eml-view';

const message: EmlMessage = {
  fileName: 'x.eml',
  subject: 'Plans',
  from: [{ name: 'Anna', address: 'anna@partner.example' }],
  to: [{ name: '', address: 'me@example.test' }],
  cc: [{ name: '', address: 'cecilia@example.test' }],
  replyTo: [],
  date: 0,
  messageId: '<plans.1@partner.example>',
  references: ['<a@x>'],
  html: '<p onclick="alert(1)">Hello</p><script>alert(2)</script><img src="https://tracker.example/p.gif"><img src="cid:pic@x">',
  text: 'Hello',
  attachments: [
    {
      filename: 'pic.png',
      contentType: 'image/png',
      size: 8,
      contentId: 'pic@x',
      inline: true,
      dataBase64: 'iVBORw0KGgo=',
    },
    {
      filename: 'menu.pdf',
      contentType: 'application/pdf',
      size: 5,
      contentId: null,
      inline: false,
      dataBase64: 'JVBERi0=',
    },
  ],
};

// The HTML path is DOMPurify's (message-html.ts, tested in Chromium); the .eml e2e test opens an
// HTML file through it. Here: the text path.
describe('renderEmlBody', () => {
  it('shows a text-only message as escaped text in the same locked-down document', () => {
    const { srcdoc } = renderEmlBody({ ...message, html: null, text: 'a <b> c' });
    expect(srcdoc).toContain('&#60;b&#62;');
    expect(srcdoc).not.toContain('<b>');
    expect(srcdoc).toContain('Content-Security-Policy');
  });
});

describe('reply and forward', () => {
  it('replies to the sender, threaded by the file’s headers, as a new message (nothing in the cache to mark)', () => {
    const draft = emlReplyDraft({
      message,
      accountId: 'acc',
      all: false,
      quoteHeader: 'Anna wrote:',
      ownAddresses: ['me@example.test'],
    });
    expect(draft).toMatchObject({
      mode: 'new',
      originalId: null,
      accountId: 'acc',
      to: 'Anna <anna@partner.example>',
      subject: 'Re: Plans',
      inReplyTo: '<plans.1@partner.example>',
      references: ['<a@x>', '<plans.1@partner.example>'],
    });
    expect(draft.body).toContain('> Hello');
  });

  it('reply all leaves the user’s own address out', () => {
    const draft = emlReplyDraft({
      message,
      accountId: 'acc',
      all: true,
      quoteHeader: '',
      ownAddresses: ['me@example.test'],
    });
    expect(draft.to).toBe('Anna <anna@partner.example>');
    expect(draft.cc).toBe('cecilia@example.test');
  });

  it('forwards with the file’s attachments (not its inline images)', () => {
    const draft = emlForwardDraft({ message, accountId: 'acc', forwardHeader: '---' });
    expect(draft.subject).toBe('Fwd: Plans');
    expect(draft.attachments).toEqual([
      { source: 'data', filename: 'menu.pdf', contentType: 'application/pdf', dataBase64: 'JVBERi0=' },
    ]);
  });
});
