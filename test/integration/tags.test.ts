// Tags against the real Dovecot: IMAP keywords set here reach the server (online at once, and
// queued while offline, surviving a restart), keywords set on another device show up here, and
// tag: finds them, Thunderbird's $label names included.
import type { ImapFlow } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { startTcpProxy } from '../support/tcp-proxy';
import { waitFor } from '../support/wait';
import { cleanupAfterEach } from '../support/cleanup';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) =>
  `From: Friend <friend@example.test>\r\nTo: me@example.test\r\nSubject: ${subject}\r\n` +
  `Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.test>\r\n\r\n${subject}\r\n`;

/** Each message's keywords on the server, by subject (system flags left out). */
async function keywordsOnServer(client: ImapFlow): Promise<Map<string, string[]>> {
  await client.mailboxOpen('INBOX');
  const out = new Map<string, string[]>();
  for await (const m of client.fetch('1:*', { envelope: true, flags: true }))
    out.set(m.envelope?.subject ?? '', [...(m.flags ?? [])].filter((flag) => !flag.startsWith('\\')).sort());
  return out;
}

describe('tags', () => {
  it('round-trip: set here (online and queued offline), set elsewhere, found by tag:', async () => {
    const user = await createMailUser(server, 'tags');
    const other = await otherDevice(server, user);
    cleanup.push(() => other.logout());
    for (const subject of ['Budget', 'Holiday', 'Elsewhere']) await other.append('INBOX', raw(subject));

    const proxy = await startTcpProxy(server.ports.imaps);
    cleanup.push(() => proxy.close());
    let core = await startCore(server);
    const account = await addAccount(core, server, user, {
      imap: { host: '127.0.0.1', port: proxy.port, security: 'tls' },
    });
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    await waitFor(async () => (await allHeaders(core, inbox.id)).length === 3, { what: 'three messages' });
    await core.service.settled();
    const id = new Map((await allHeaders(core, inbox.id)).map((h) => [h.subject, h.id]));
    const local = async () => new Map((await allHeaders(core, inbox.id)).map((h) => [h.subject, h.keywords ?? []]));

    // Online: Work ($label2) and a keyword of the user's own.
    await core.service.call('messages.setKeywords', { ids: [id.get('Budget')!], add: ['$label2', 'Q3-review'] });
    expect((await local()).get('Budget')).toEqual(['$label2', 'Q3-review']);
    await waitFor(async () => (await keywordsOnServer(other)).get('Budget')?.length === 2, {
      what: 'the tags on the server',
    });
    expect((await keywordsOnServer(other)).get('Budget')).toEqual(['$label2', 'Q3-review']);

    // Offline: queued, kept over a restart, replayed in order when the server is back.
    await proxy.cut();
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'offline'), { what: 'offline' });
    await core.service.call('messages.setKeywords', { ids: [id.get('Holiday')!], add: ['$label3'] });
    await core.service.call('messages.setKeywords', { ids: [id.get('Budget')!], remove: ['q3-review'] });
    expect((await local()).get('Holiday')).toEqual(['$label3']);
    // Keywords compare without case: "q3-review" removed "Q3-review".
    expect((await local()).get('Budget')).toEqual(['$label2']);
    await core.close();
    core = await startCore(server, { dataDir: core.dataDir });
    cleanup.push(() => core.close(true));
    expect((await keywordsOnServer(other)).get('Holiday')).toEqual([]);
    await proxy.restore();
    await waitFor(
      async () => {
        const now = await keywordsOnServer(other);
        return now.get('Holiday')?.[0] === '$label3' && now.get('Budget')?.length === 1;
      },
      { timeoutMs: 20_000, what: 'the queued tags to reach the server' },
    );
    expect((await keywordsOnServer(other)).get('Budget')).toEqual(['$label2']);

    // Another device tags a message: it shows here with the next sync.
    const elsewhere = [...(await keywordsOnServer(other)).keys()].indexOf('Elsewhere') + 1;
    await other.messageFlagsAdd(String(elsewhere), ['$label1']);
    await core.service.call('sync.now', {});
    await waitFor(async () => (await local()).get('Elsewhere')?.includes('$label1'), {
      timeoutMs: 20_000,
      what: 'the other device’s tag here',
    });

    // tag: by a label's name, by the keyword itself, and negated.
    const search = async (query: string) =>
      (await core.service.call('messages.search', { query, scope: { kind: 'all' }, offset: 0, limit: 50 })).messages
        .map((h) => h.subject)
        .sort();
    expect(await search('tag:work')).toEqual(['Budget']);
    expect(await search('tag:Personal')).toEqual(['Holiday']);
    expect(await search('tag:important')).toEqual(['Elsewhere']);
    expect(await search('tag:$label3')).toEqual(['Holiday']);
    expect(await search('-tag:work')).toEqual(['Elsewhere', 'Holiday']);
  });

  it('refuses a keyword no IMAP server would take, before anything is queued', async () => {
    const core = await startCore(server, { offline: true });
    cleanup.push(() => core.close(true));
    await expect(core.service.call('messages.setKeywords', { ids: [1], add: ['two words'] })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(core.service.call('messages.setKeywords', { ids: [1], add: ['\\Seen'] })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});
