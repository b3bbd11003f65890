// Which requests from the window are the user doing something. The offline-bodies job steps aside
// for a few seconds after each one (imap/offline-bodies/offline-bodies-job.ts), so a request the
// window makes by itself must not count: the foreground sync, the status and notice polls, and the
// desktop calls that follow new mail (the unread badge's count, the launch queue's take), which
// otherwise paused the downloads for ~3 s each time mail came in.
import type { MethodName } from '../../shared/contract';

const BACKGROUND_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'sync.foreground',
  'accounts.status',
  'app.notices',
  'desktop.setUnreadCount',
  'desktop.takeRequests',
]);

/** Whether a request means the user is at work (and background downloads should wait). */
export function countsAsUserActivity(method: MethodName): boolean {
  return !BACKGROUND_METHODS.has(method);
}
