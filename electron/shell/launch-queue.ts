// Requests the OS hands the app (mailto: links, the tray's Compose) wait here until the window
// takes them: a link that starts Mail arrives long before the UI has loaded, and one that
// arrives later must reach the window that is already open. The window asks at start
// (desktop.takeRequests) and again whenever it is told a new one came (desktop.requested).
import type { LaunchRequest } from '../../shared/contract-desktop';

/** More than this waiting is a script hammering the app with links: the oldest are dropped. */
const MAX_WAITING = 20;

export class LaunchQueue {
  private waiting: LaunchRequest[] = [];
  private readonly listeners = new Set<() => void>();

  push(request: LaunchRequest): void {
    this.waiting.push(request);
    if (this.waiting.length > MAX_WAITING) this.waiting.splice(0, this.waiting.length - MAX_WAITING);
    for (const listener of this.listeners) listener();
  }

  /** Hands out everything waiting, once. */
  take(): LaunchRequest[] {
    const taken = this.waiting;
    this.waiting = [];
    return taken;
  }

  /** Called after every push; returns the unsubscribe. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
