// A message opened while the server was out of reach: the failure is not kept (the next open
// asks again), and once the account is online the engine loads that body by itself, caches it
// (readable offline later) and says so, so the reading pane replaces its error.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { cleanupAfterEach } from '../support/cleanup';
import { syncedOverProxy } from '../support/synced-over-proxy';
import { waitFor } from '../support/wait';
import { plainMessage } from '../support/plain-message';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const raw = (subject: string) => plainMessage(subject, `The text of ${subject}.`);

describe('a body that failed offline', () => {
  it('loads by itself when the connection returns, and every new open asks again', async () => {
    const { core, proxy, headers } = await syncedOverProxy(server, cleanup, 'bodyoff', [
      raw('Opened offline'),
      raw('Opened later'),
    ]);
    const idOf = (subject: string) => headers.find((h) => h.subject === subject)!.id;
    await core.service.settled();

    await proxy.cut();
    await waitFor(() => core.eventsOf('account.status').some((s) => s.state === 'offline'), { what: 'offline' });
    await expect(core.service.call('message.body', { id: idOf('Opened offline') })).rejects.toMatchObject({
      code: 'offline',
    });
    await expect(core.service.call('message.body', { id: idOf('Opened later') })).rejects.toMatchObject({
      code: 'offline',
    });

    await proxy.restore();
    // Loaded by the engine itself: the pane hears of it.
    await waitFor(() => core.eventsOf('message.bodyLoaded').some((e) => e.id === idOf('Opened offline')), {
      timeoutMs: 15_000,
      what: 'the failed body to load by itself',
    });

    // And cached: readable with the server out of reach again.
    await proxy.cut();
    const body = await core.service.call('message.body', { id: idOf('Opened offline') });
    expect(body.text).toContain('The text of Opened offline.');

    // A new open is a new try, not a remembered failure.
    await proxy.restore();
    await waitFor(
      () =>
        core.service
          .call('message.body', { id: idOf('Opened later') })
          .then((b) => b.text?.includes('The text of Opened later.'))
          .catch(() => false),
      { timeoutMs: 15_000, what: 'a fresh open to load the body' },
    );
  });
});
