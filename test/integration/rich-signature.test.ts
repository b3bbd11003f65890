// A rich signature against the real Postfix/Dovecot: an account that puts its signature below the
// quote replies in rich text; the delivered reply's HTML has the signature's markup after the
// quote, and its text part the signature's text version after the "> " lines.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const SIGNATURE = '<p><b>Ada Lovelace</b><br><a href="https://example.org/">Analytical Engines</a></p>';

describe('rich signatures', () => {
  it('a reply with the signature below the quote arrives with it after the quote, in HTML and text', async () => {
    const user = await createMailUser(server, 'richsig');
    const device = await otherDevice(server, user);
    cleanup.push(() => device.logout());
    await device.append(
      'INBOX',
      'From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: engines\r\n' +
        `Date: ${new Date(Date.UTC(2026, 2, 1, 10)).toUTCString()}\r\nMessage-ID: <engines@x>\r\n\r\nHow do they work?\r\n`,
    );
    const c = await startCore(server);
    cleanup.push(() => c.close(true));
    const account = await addAccount(c, server, user);
    const updated = await c.service.call('accounts.update', {
      accountId: account.id,
      signature: SIGNATURE,
      signaturePlacement: 'below',
    });
    expect(updated).toMatchObject({ signature: SIGNATURE, signaturePlacement: 'below' });
    const inbox = await mailboxByRole(c, account.id, 'inbox');
    const [original] = await waitFor(async () => {
      const all = await allHeaders(c, inbox.id);
      return all.length === 1 ? all : undefined;
    });

    const draft = await c.service.call('compose.prepare', { mode: 'reply', messageId: original!.id, format: 'html' });
    // The friend's address does not exist on the test bed: the reply goes to the user instead.
    const body = draft.body.replace('<p><br></p>', '<p>With gears.</p>');
    await c.service.call('outbox.send', { draft: { ...draft, to: user.address, body }, undoSeconds: 0 });

    const source = await waitFor(
      async () => {
        const lock = await device.getMailboxLock('INBOX', { readOnly: true });
        try {
          const [uid] = (await device.search({ subject: 'Re: engines' }, { uid: true })) || [];
          if (!uid) return null;
          const message = await device.fetchOne(String(uid), { source: true }, { uid: true });
          return message ? (message.source ?? null) : null;
        } finally {
          lock.release();
        }
      },
      { timeoutMs: 20_000, what: 'the reply in the INBOX' },
    );
    const mail = await simpleParser(source);
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html).toContain('<b>Ada Lovelace</b>');
    expect(html.indexOf('Ada Lovelace')).toBeGreaterThan(html.lastIndexOf('</blockquote>'));
    expect(html.indexOf('With gears.')).toBeLessThan(html.indexOf('<blockquote'));
    const text = mail.text ?? '';
    expect(text).toContain('> How do they work?');
    expect(text).toContain('-- \nAda Lovelace\nAnalytical Engines <https://example.org/>');
    expect(text.indexOf('Ada Lovelace')).toBeGreaterThan(text.indexOf('> How do they work?'));
    expect(text).not.toContain('<b>');
  });
});
