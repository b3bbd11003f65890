// Shutting the core down from either shell. A change the user made just before quitting
// (a star, a move) is queued on disk either way, but giving the queue a moment to reach the
// server means another device sees it now rather than at the next start. Bounded, so an
// offline account never holds the quit up.
import type { MailService } from '../core/service-api';

export const SETTLE_TIMEOUT_MS = 2000;

export async function closeService(
  service: Pick<MailService, 'settled' | 'close'>,
  settleTimeoutMs = SETTLE_TIMEOUT_MS,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, settleTimeoutMs);
  });
  try {
    await Promise.race([service.settled().catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
  await service.close();
}
