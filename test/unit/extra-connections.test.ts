// How many extra connections a first sync may open (imap/sync/extra-connections.ts): one per two
// cores, at least one, never more than MAX_EXTRA whatever is asked; none when none are asked for.
import { describe, expect, it } from 'vitest';
import {
  defaultExtraConnections,
  ExtraConnections,
  MAX_EXTRA,
  SPLIT_MIN_MESSAGES,
} from '../../electron/core/imap/sync/extra-connections';

function extras(connections: number) {
  return new ExtraConnections({
    server: { host: 'imap.example.com', port: 993, security: 'tls' },
    credentials: async () => ({ username: 'u', password: 'p' }),
    mayLogIn: () => true,
    connections,
  });
}

describe('extra sync connections', () => {
  it('scales the default with the cores, within 1 and MAX_EXTRA', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 64].map((cores) => defaultExtraConnections(cores))).toEqual([1, 1, 1, 2, 2, 3, 3, 3]);
    expect(MAX_EXTRA).toBe(3);
  });

  it('gives a sync at most MAX_EXTRA, from SPLIT_MIN_MESSAGES on, and nothing when asked for none', () => {
    expect(extras(10).forSync()).toMatchObject({ connections: MAX_EXTRA, minMessages: SPLIT_MIN_MESSAGES });
    expect(extras(1).forSync()?.connections).toBe(1);
    expect(extras(0).forSync()).toBeUndefined();
  });

  it('opens none while the account may not log in', async () => {
    let asked = 0;
    const blocked = new ExtraConnections({
      server: { host: 'imap.example.com', port: 993, security: 'tls' },
      credentials: async () => {
        asked++;
        return { username: 'u', password: 'p' };
      },
      mayLogIn: () => false,
      connections: 1,
    });
    await expect(blocked.forSync()!.open('INBOX', '1', { uid: true })).resolves.toBeNull();
    expect(asked).toBe(0);
  });
});
