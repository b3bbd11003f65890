// compose.prepare against a real (temporary) store and a stand-in for the service's loadOriginal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessageBody, MessageHeader } from '../../shared/domain';
import { composeDraftSchema } from '../../shared/compose';
import { layoutBody, prepareDraft } from '../../electron/core/smtp/compose-prepare';
import type { OriginalMessage } from '../../electron/core/smtp/original';
import { Store } from '../../electron/core/store/store';
import { listedMailbox, senderAccountSettings } from '../support/store-fixtures';

let dir: string;
let store: Store;
let header: MessageHeader;
let body: MessageBody;
let original: OriginalMessage | null;
const load = async (): Promise<OriginalMessage> => {
  if (!original) throw Object.assign(new Error('Not connected'), { code: 'offline' });
  return original;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'compose-prepare-'));
  store = Store.open(dir);
  const account = store.accounts.insert(
    { ...senderAccountSettings, signature: 'Me Myself\nExample Org' },
    Buffer.from('sealed'),
  );
  store.mailboxes.replaceTree(account.id, [listedMailbox('INBOX', 'inbox', { unread: 0, total: 0 })]);
  const inbox = store.mailboxes.byRole(account.id, 'inbox')!;
  const [id] = store.messages.insertHeaders(inbox.id, [
    {
      uid: 7,
      messageId: '<m7@example.com>',
      subject: 'Sv: Re: Planen',
      from: [{ name: 'Anna', address: 'anna@example.com' }],
      to: [
        { name: 'Me', address: 'me@example.org' },
        { name: 'Bob', address: 'bob@example.com' },
      ],
      cc: [{ name: 'Carol', address: 'carol@example.com' }],
      date: Date.UTC(2026, 2, 3, 9, 0),
      size: 100,
      flags: { seen: true, flagged: false, answered: false, draft: false },
      keywords: [],
      hasAttachments: true,
      threadKey: '<m1@example.com>',
      inReplyTo: '<m6@example.com>',
      bodystructure: null,
    },
  ]);
  header = store.messages.get([id!])[0]!;
  body = {
    messageId: header.id,
    html: null,
    text: 'Hej!\n> earlier\n',
    attachments: [
      { part: '2', filename: 'plan.pdf', contentType: 'application/pdf', size: 1234, contentId: null, inline: false },
      { part: '3', filename: 'logo.png', contentType: 'image/png', size: 10, contentId: '<logo>', inline: true },
    ],
    bcc: [],
    replyTo: [],
    inReplyTo: '<m6@example.com>',
    references: ['<m1@example.com>', '<m6@example.com>'],
  };
  original = { header, body, attachments: async () => Buffer.from('pdf') };
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const where = { locale: 'sv', timeZone: 'Europe/Stockholm' };

describe('compose.prepare', () => {
  it('a new message starts with room to write and the signature under "-- "', async () => {
    const draft = await prepareDraft({ store, loadOriginal: load }, { mode: 'new' });
    expect(draft).toMatchObject({ mode: 'new', to: '', subject: '', format: 'plain', draftId: null });
    expect(draft.body).toBe('\n\n-- \nMe Myself\nExample Org\n');
    expect(composeDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('a reply threads, quotes under an attribution line, and never stacks Re:', async () => {
    const draft = await prepareDraft({ store, loadOriginal: load }, { mode: 'reply', messageId: header.id, ...where });
    expect(draft.to).toBe('Anna <anna@example.com>');
    expect(draft.cc).toBe('');
    expect(draft.subject).toBe('Re: Planen');
    expect(draft.inReplyTo).toBe('<m7@example.com>');
    expect(draft.references).toEqual(['<m1@example.com>', '<m6@example.com>', '<m7@example.com>']);
    expect(draft.body).toBe('\n\n-- \nMe Myself\nExample Org\n\nDen 3 mars 2026 skrev Anna:\n> Hej!\n>> earlier\n');
    expect(draft.attachments).toEqual([]);
    expect(composeDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('reply-all copies everyone but the user', async () => {
    const draft = await prepareDraft({ store, loadOriginal: load }, { mode: 'replyAll', messageId: header.id });
    expect(draft.to).toBe('Anna <anna@example.com>, Bob <bob@example.com>');
    expect(draft.cc).toBe('Carol <carol@example.com>');
  });

  it('a rich reply quotes the text in a blockquote, never the original HTML', async () => {
    original = { ...original!, body: { ...body, text: null, html: '<p onclick="x()">Hej <script>x</script></p>' } };
    const draft = await prepareDraft(
      { store, loadOriginal: load },
      { mode: 'reply', messageId: header.id, format: 'html', ...where },
    );
    expect(draft.format).toBe('html');
    expect(draft.body).toContain('<blockquote type="cite">Hej</blockquote>');
    expect(draft.body).not.toMatch(/onclick|script/);
    expect(draft.body).toContain('<div class="signature">-- <br>');
  });

  it('a forward keeps the attachments and shows the original headers', async () => {
    const draft = await prepareDraft(
      { store, loadOriginal: load },
      { mode: 'forward', messageId: header.id, locale: 'en-GB' },
    );
    expect(draft.subject).toBe('Fwd: Planen');
    expect(draft.to).toBe('');
    expect(draft.inReplyTo).toBeNull();
    expect(draft.attachments).toEqual([
      {
        source: 'original',
        messageId: header.id,
        part: '2',
        filename: 'plan.pdf',
        contentType: 'application/pdf',
        size: 1234,
      },
    ]);
    expect(draft.body).toContain('-------- Forwarded Message --------\nSubject: Sv: Re: Planen\n');
    expect(draft.body).toContain('From: Anna <anna@example.com>');
    expect(draft.body).toContain('Cc: Carol <carol@example.com>');
    expect(draft.body).toMatch(/\n\nHej!\n> earlier\n$/);
  });

  it('offline and uncached, a reply still gets recipients, subject and threading from the header', async () => {
    original = null;
    const draft = await prepareDraft({ store, loadOriginal: load }, { mode: 'reply', messageId: header.id });
    expect(draft).toMatchObject({
      to: 'Anna <anna@example.com>',
      subject: 'Re: Planen',
      inReplyTo: '<m7@example.com>',
    });
  });

  it('writes the composer language prefix when asked', async () => {
    const draft = await prepareDraft(
      { store, loadOriginal: load },
      { mode: 'reply', messageId: header.id, subjectLanguage: 'sv' },
    );
    expect(draft.subject).toBe('Sv: Planen');
  });
});

describe('signature placement', () => {
  const rich = '<p>Ada <a href="https://example.org/">example.org</a></p>';
  const reply = { signature: rich, intro: ['Bob wrote:'], original: 'Hi\nthere', quote: true };

  it('puts the signature above the quote by default', () => {
    const html = layoutBody({ ...reply, format: 'html', placement: 'above' });
    expect(html.indexOf('class="signature"')).toBeLessThan(html.indexOf('<blockquote'));
    const text = layoutBody({ ...reply, format: 'plain', placement: 'above' });
    expect(text).toBe('\n\n-- \nAda example.org <https://example.org/>\n\nBob wrote:\n> Hi\n> there\n');
  });

  it('puts the signature below the quote when the account asks for it', () => {
    const html = layoutBody({ ...reply, format: 'html', placement: 'below' });
    expect(html.indexOf('class="signature"')).toBeGreaterThan(html.lastIndexOf('</blockquote>'));
    expect(html.endsWith(`${rich}</div>`)).toBe(true);
    const text = layoutBody({ ...reply, format: 'plain', placement: 'below' });
    expect(text).toBe('\n\nBob wrote:\n> Hi\n> there\n\n-- \nAda example.org <https://example.org/>\n');
  });
});
