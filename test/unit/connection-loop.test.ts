// The reconnect rule that keeps a flaky server from seeing a login storm: a login alone does not
// reset the backoff; staying up `healthyMs`, or a full sync pass (markHealthy) in a session that
// outlived the base delay, does.
import { EventEmitter } from 'node:events';
import type { ImapFlow } from 'imapflow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionLoop } from '../../electron/core/imap/connection-loop';
import type { ReconnectPolicy } from '../../electron/core/net/backoff';

/** Just enough of an ImapFlow for the loop: connects at once; the test closes it. */
class FakeSession extends EventEmitter {
  usable = false;
  async connect() {
    this.usable = true;
  }
  close() {
    if (!this.usable) return;
    this.usable = false;
    this.emit('close');
  }
  async logout() {
    this.close();
  }
}

// random() = 0: each delay is exactly half its ceiling, so the sequence is known.
const policy: ReconnectPolicy = { baseMs: 1_000, maxMs: 16_000, healthyMs: 60_000, random: () => 0 };

function harness() {
  const sessions: FakeSession[] = [];
  const delays: number[] = [];
  const loop = new ConnectionLoop(
    'imap.example.test',
    async () => {
      const session = new FakeSession();
      sessions.push(session);
      return session as unknown as ImapFlow;
    },
    { onUp: () => undefined, onDown: (_f, retryAt) => retryAt && delays.push(retryAt - Date.now()) },
    policy,
  );
  return { loop, sessions, delays };
}

/** Lets the loop reconnect after its delay and the fake connect resolve. */
async function nextSession(h: ReturnType<typeof harness>, count: number) {
  while (h.sessions.length < count) await vi.advanceTimersByTimeAsync(100);
  await vi.advanceTimersByTimeAsync(0);
}

/** A loop whose first three sessions dropped right after login, its fourth now up. */
async function afterThreeDrops() {
  const h = harness();
  h.loop.start();
  for (let i = 1; i <= 3; i++) {
    await nextSession(h, i);
    h.sessions[i - 1]!.close();
  }
  await nextSession(h, 4);
  return h;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ConnectionLoop backoff', () => {
  it('keeps growing while every session dies right after login, up to the cap', async () => {
    const h = harness();
    h.loop.start();
    for (let i = 1; i <= 7; i++) {
      await nextSession(h, i);
      h.sessions[i - 1]!.close();
    }
    expect(h.delays).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    await h.loop.stop();
  });

  it('starts afresh after a session stayed up healthyMs', async () => {
    const h = await afterThreeDrops();
    await vi.advanceTimersByTimeAsync(policy.healthyMs);
    h.sessions[3]!.close();
    expect(h.delays).toEqual([500, 1_000, 2_000, 500]);
    await h.loop.stop();
  });

  it('starts afresh after the owner marks the session healthy (a full sync pass)', async () => {
    const h = await afterThreeDrops();
    h.loop.markHealthy();
    await vi.advanceTimersByTimeAsync(policy.baseMs);
    h.sessions[3]!.close();
    expect(h.delays).toEqual([500, 1_000, 2_000, 500]);
    await h.loop.stop();
  });

  it('a pass that finished just before the session dropped, within the base delay, proves nothing', async () => {
    const h = await afterThreeDrops();
    h.loop.markHealthy();
    await vi.advanceTimersByTimeAsync(policy.baseMs / 2);
    h.sessions[3]!.close();
    // and the reset it had promised does not come later either
    await vi.advanceTimersByTimeAsync(policy.baseMs);
    await nextSession(h, 5);
    h.sessions[4]!.close();
    expect(h.delays).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
    await h.loop.stop();
  });

  it('a session that died before healthyMs does not reset the count later', async () => {
    const h = harness();
    h.loop.start();
    await nextSession(h, 1);
    h.sessions[0]!.close();
    await nextSession(h, 2);
    await vi.advanceTimersByTimeAsync(policy.healthyMs - 1_000);
    h.sessions[1]!.close();
    // The first session's health timer must not fire into the second one's count.
    await nextSession(h, 3);
    h.sessions[2]!.close();
    expect(h.delays).toEqual([500, 1_000, 2_000]);
    await h.loop.stop();
  });
});

describe('ConnectionLoop.loginSettled', () => {
  it('waits for a login under way and its onUp, success or refusal, and not for later ones', async () => {
    const steps: string[] = [];
    let refuse = false;
    const loop = new ConnectionLoop(
      'imap.example.test',
      async () => {
        const session = new FakeSession();
        session.connect = async () => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          if (refuse) throw Object.assign(new Error('AUTHENTICATE failed'), { authenticationFailed: true });
          session.usable = true;
        };
        return session as unknown as ImapFlow;
      },
      {
        onUp: async () => {
          await new Promise((resolve) => setTimeout(resolve, 200));
          steps.push('selected');
        },
        onDown: (failure) => steps.push(`down: ${failure.kind}`),
      },
      policy,
    );
    // nothing under way: at once
    await loop.loginSettled();
    loop.start();
    const settled = loop.loginSettled().then(() => steps.push('settled'));
    await vi.advanceTimersByTimeAsync(600);
    await settled;
    expect(steps).toEqual(['selected', 'settled']);

    await loop.stop();
    refuse = true;
    loop.start();
    const refused = loop.loginSettled().then(() => steps.push('settled'));
    await vi.advanceTimersByTimeAsync(400);
    await refused;
    expect(steps).toEqual(['selected', 'settled', 'down: auth', 'settled']);
  });
});
