// Leaving a mailing list against the real servers: the one-click POST (RFC 8058) reaches the
// list's server with exactly "List-Unsubscribe=One-Click" and nothing about the user, a link to
// a private address is refused by the address policy, and the mailto: unsubscribe goes out
// through Postfix to the list's address. The sender's verification comes only from the
// account's own server's Authentication-Results.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { cleanupAfterEach } from '../support/cleanup';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();
afterEach(() => vi.unstubAllEnvs());

const listMessage = (listUnsubscribe: string, authenticationResults: string[] = []) =>
  [
    ...authenticationResults.map((value) => `Authentication-Results: ${value}`),
    'From: Weekly News <news@lists.example.test>',
    'To: me@example.test',
    'Subject: This week',
    'Date: Tue, 03 Mar 2026 10:00:00 +0000',
    'Message-ID: <week@lists.example.test>',
    `List-Unsubscribe: ${listUnsubscribe}`,
    'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    '',
    'News.',
    '',
  ].join('\r\n');

async function openOne(raw: string) {
  const user = await createMailUser(server, 'lists');
  const device = await otherDevice(server, user);
  cleanup.push(() => device.logout());
  await device.append('INBOX', raw);
  const core = await startCore(server);
  cleanup.push(() => core.close(true));
  const account = await addAccount(core, server, user);
  const inbox = await mailboxByRole(core, account.id, 'inbox');
  const [header] = await waitFor(async () => {
    const all = await allHeaders(core, inbox.id);
    return all.length === 1 ? all : undefined;
  });
  return { core, id: header!.id, user, device };
}

describe('unsubscribe', () => {
  it('one-click: a POST of exactly the RFC 8058 body, with no cookie, referrer or credentials', async () => {
    vi.stubEnv('MAIL_TEST_ALLOW_LOOPBACK_IMAGES', '1');
    const seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
    const list = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, headers: request.headers, body });
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => list.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => list.close(() => resolve())));
    const port = (list.address() as { port: number }).port;
    const { core, id } = await openOne(
      listMessage(`<mailto:leave@lists.example.test>, <http://127.0.0.1:${port}/u/abc123>`),
    );

    const info = await core.service.call('message.senderInfo', { id });
    expect(info.unsubscribe).toEqual({
      https: `http://127.0.0.1:${port}/u/abc123`,
      mailto: 'leave@lists.example.test',
      oneClick: true,
    });
    expect(await core.service.call('message.unsubscribe', { id, via: 'one-click' })).toEqual({ outcome: 'done' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/u/abc123', body: 'List-Unsubscribe=One-Click' });
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers.referer).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('one-click to a private address is refused by the address policy, before any connection', async () => {
    vi.stubEnv('MAIL_TEST_ALLOW_LOOPBACK_IMAGES', '1'); // loopback allowed; private never
    const { core, id } = await openOne(listMessage('<https://10.0.0.1/u/abc>'));
    expect(await core.service.call('message.unsubscribe', { id, via: 'one-click' })).toEqual({
      outcome: 'blocked',
      reason: 'private-address',
    });
  });

  it('mailto: the unsubscribe message goes out through Postfix to the list', async () => {
    const owner = await createMailUser(server, 'listowner');
    const { core, id } = await openOne(listMessage(`<mailto:${owner.address}?subject=leave%20weekly>`));
    expect(await core.service.call('message.unsubscribe', { id, via: 'mailto' })).toEqual({ outcome: 'queued' });
    const ownerDevice = await otherDevice(server, owner);
    cleanup.push(() => ownerDevice.logout());
    const subject = await waitFor(
      async () => {
        await ownerDevice.mailboxOpen('INBOX');
        const message =
          ownerDevice.mailbox && ownerDevice.mailbox.exists > 0
            ? await ownerDevice.fetchOne('1', { envelope: true })
            : null;
        return message ? message.envelope?.subject : undefined;
      },
      { timeoutMs: 20_000, what: 'the unsubscribe mail at the list' },
    );
    expect(subject).toBe('leave weekly');
  });

  it('trusts Authentication-Results of the account’s own server only', async () => {
    const { core, id } = await openOne(
      listMessage('<https://lists.example.test/u>', [
        `${server.host}; dkim=pass header.d=lists.example.test; spf=pass smtp.mailfrom=lists.example.test; dmarc=pass header.from=lists.example.test`,
      ]),
    );
    expect((await core.service.call('message.senderInfo', { id })).authentication).toMatchObject({
      verdict: 'pass',
      dmarc: 'pass',
      authservId: server.host,
    });

    const forged = await openOne(
      listMessage('<https://lists.example.test/u>', ['mx.elsewhere.test; dmarc=pass header.from=lists.example.test']),
    );
    expect((await forged.core.service.call('message.senderInfo', { id: forged.id })).authentication).toBeNull();

    // The user names the account's server (its relay writes mx.elsewhere.test): that one alone
    // counts now, the learned one no more.
    const accountId = (await forged.core.service.call('accounts.list', {}))[0]!.id;
    await forged.core.service.call('sender.setAuthservId', { accountId, authservId: 'MX.Elsewhere.test' });
    expect(await forged.core.service.call('sender.authservId', { accountId })).toEqual({
      authservId: 'MX.Elsewhere.test',
    });
    expect((await forged.core.service.call('message.senderInfo', { id: forged.id })).authentication).toMatchObject({
      verdict: 'pass',
      authservId: 'mx.elsewhere.test',
    });
    await expect(
      forged.core.service.call('sender.setAuthservId', { accountId, authservId: 'two words' }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await forged.core.service.call('sender.setAuthservId', { accountId, authservId: null });
    expect((await forged.core.service.call('message.senderInfo', { id: forged.id })).authentication).toBeNull();
  });
});
