// Exponential backoff with full jitter, so many clients that lost the same server do not all
// come back at the same second.
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  // Half fixed, half random: never zero (no hot loop), never above the ceiling.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * How a connection that keeps dropping comes back. A provider counts every login (many lock the
 * account after a burst), so the attempt count is forgotten only once a session proved healthy:
 * it stayed up `healthyMs`, or its owner said it did real work (a full sync pass). A session that
 * dies right after LOGIN therefore still backs off, up to `maxMs`.
 */
export interface ReconnectPolicy extends BackoffOptions {
  healthyMs: number;
}

/** 1 s doubling to 5 min; a minute up counts as healthy. Tests shrink these to run in seconds. */
export const DEFAULT_RECONNECT: ReconnectPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, healthyMs: 60_000 };
