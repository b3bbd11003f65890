// The capability-filtering proxy itself, against the real Dovecot: what it hides is gone, what it
// does not hide is still there, and its Courier imitation refuses exactly the APPEND Courier does.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import {
  clientThrough,
  filterServerLine,
  startImapFilterProxy,
  type ImapFilterOptions,
} from '../support/imap-filter-proxy';
import { createMailUser } from '../support/mail-users';
import type { MailUser } from '../mailserver/types';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

async function throughProxy(user: MailUser, options: ImapFilterOptions) {
  const proxy = await startImapFilterProxy({ port: server.ports.imaps, caPem: server.caPem }, options);
  cleanup.push(() => proxy.close());
  return { proxy, client: await clientThrough(proxy, user, cleanup) };
}

const message = 'From: a@example.test\r\nSubject: proxied\r\n\r\nbody\r\n';

describe('IMAP filter proxy', () => {
  it('passes everything through when told to hide nothing', async () => {
    const user = await createMailUser(server, 'proxy-plain');
    const { client, proxy } = await throughProxy(user, {});
    for (const cap of ['CONDSTORE', 'QRESYNC', 'MOVE', 'UIDPLUS', 'SPECIAL-USE', 'IDLE', 'ESEARCH', 'LITERAL+'])
      expect(client.capabilities.has(cap), cap).toBe(true);
    const box = await client.mailboxOpen('INBOX');
    expect(box.uidNext).toBeGreaterThan(0);
    expect((await client.list()).some((e) => e.specialUse === '\\Sent' && e.specialUseSource === 'extension')).toBe(
      true,
    );
    expect(proxy.commands.some((c) => /^SELECT "?INBOX"?/.test(c.line))).toBe(true);
    expect(proxy.bytesFromServer).toBeGreaterThan(0);
  });

  it('hides the chosen extensions, UIDNEXT on SELECT and the SPECIAL-USE attributes', async () => {
    const user = await createMailUser(server, 'proxy-hide');
    const { client } = await throughProxy(user, {
      hide: ['CONDSTORE', 'MOVE', 'UIDPLUS', 'SPECIAL-USE', 'IDLE', 'LIST-STATUS', 'ESEARCH', 'LITERAL+', 'UIDNEXT'],
    });
    for (const cap of ['CONDSTORE', 'QRESYNC', 'MOVE', 'UIDPLUS', 'SPECIAL-USE', 'IDLE', 'LIST-STATUS', 'ESEARCH'])
      expect(client.capabilities.has(cap), cap).toBe(false);
    expect(client.capabilities.has('LITERAL+')).toBe(false);
    // What was not hidden stays.
    expect(client.capabilities.has('IMAP4rev1')).toBe(true);
    expect(client.capabilities.has('NAMESPACE')).toBe(true);
    const box = await client.mailboxOpen('INBOX');
    expect(box.uidNext).toBeUndefined();
    expect(box.uidValidity).toBeGreaterThan(0n);
    const listed = await client.list();
    expect(listed.map((e) => e.path)).toContain('Sent');
    // imapflow guesses a role from the name on its own (specialUseSource 'name'): look at the wire.
    for (const e of listed) expect([...e.flags].filter((f) => /Sent|Drafts|Trash|Junk|Archive/.test(f))).toEqual([]);
    expect(listed.some((e) => e.specialUseSource === 'extension')).toBe(false);
  });

  it('refuses an APPEND to the mailbox the session EXAMINEd, like Courier, and only that one', async () => {
    const user = await createMailUser(server, 'proxy-ro');
    for (const literalPlus of [true, false]) {
      const { client } = await throughProxy(user, {
        refuseAppendToReadOnly: true,
        hide: literalPlus ? [] : ['LITERAL+'],
      });
      await client.mailboxOpen('Sent', { readOnly: true });
      await expect(client.append('Sent', message)).rejects.toThrow();
      // The connection is still usable, and an APPEND elsewhere or after CLOSE goes through.
      expect(await client.append('Drafts', message)).toBeTruthy();
      await client.mailboxClose();
      expect(await client.append('Sent', message)).toBeTruthy();
    }
    const { client } = await throughProxy(user, {});
    expect(await client.status('Sent', { messages: true })).toMatchObject({ messages: 2 });
  });

  it('rewrites only the lines it is meant to', () => {
    const hidden = new Set(['CONDSTORE', 'QRESYNC', 'SPECIAL-USE', 'UIDNEXT']);
    expect(filterServerLine('* OK [UIDNEXT 42] Predicted next UID', hidden)).toBeNull();
    expect(filterServerLine('* OK [HIGHESTMODSEQ 7] Highest', hidden)).toBeNull();
    expect(filterServerLine('* OK [UIDVALIDITY 9] UIDs valid', hidden)).toBe('* OK [UIDVALIDITY 9] UIDs valid');
    expect(filterServerLine('* LIST (\\HasNoChildren \\Sent) "/" Sent', hidden)).toBe(
      '* LIST (\\HasNoChildren) "/" Sent',
    );
    expect(filterServerLine('A1 OK [CAPABILITY IMAP4rev1 CONDSTORE QRESYNC MOVE] Logged in', hidden)).toBe(
      'A1 OK [CAPABILITY IMAP4rev1 MOVE] Logged in',
    );
    expect(filterServerLine('* 3 FETCH (UID 9 FLAGS (\\Sent))', hidden)).toBe('* 3 FETCH (UID 9 FLAGS (\\Sent))');
  });
});
