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
