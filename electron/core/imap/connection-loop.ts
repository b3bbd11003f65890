// Keeps one IMAP connection alive: connect, and after a drop connect again with backoff, each
// time with a new ImapFlow (an instance cannot reconnect). A wrong password or an untrusted
// certificate stops the loop: the first would lock the account out, the second never heals.
// A login is not proof of health: the attempt count is kept until the session stayed up a while
// or did its work and outlived the base delay (markHealthy), so a server that drops every session
// right after LOGIN sees a few logins a minute, not one a second.
import type { ImapFlow } from 'imapflow';
import { backoffDelay, DEFAULT_RECONNECT, type ReconnectPolicy } from '../net/backoff';
import { classifyImapError, type ClassifiedFailure } from './errors';

export interface ConnectionLoopEvents {
  /** The connection is up. Throwing here closes it and counts as a failed attempt. */
  onUp(client: ImapFlow): Promise<void> | void;
  /** The connection is down; `retryAt` is set when another attempt is scheduled. */
  onDown(failure: ClassifiedFailure, retryAt: number | null): void;
  onConnecting?(): void;
}

export class ConnectionLoop {
  private client: ImapFlow | null = null;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  private healthyTimer: NodeJS.Timeout | null = null;
  /** When the current session logged in. */
  private upSince = 0;
  private stopped = true;
  private connecting = false;
  /** Settles when the login under way (and its onUp) is through, either way. */
  private attemptDone: Promise<void> | null = null;

  constructor(
    private readonly host: string,
    private readonly connect: () => Promise<ImapFlow>,
    private readonly events: ConnectionLoopEvents,
    private readonly policy: ReconnectPolicy = DEFAULT_RECONNECT,
  ) {}

  get current(): ImapFlow | null {
    return this.client?.usable ? this.client : null;
  }

  /** Resolves once no login is under way: one begun before the call has succeeded or failed. */
  async loginSettled(): Promise<void> {
    while (this.attemptDone) await this.attemptDone;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.tryConnect();
  }

  /** Connects now instead of waiting for the backoff (the user pressed "sync now", or fixed the password). */
  retryNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
    if (this.stopped) this.start();
    else if (!this.client && !this.connecting) void this.tryConnect();
  }

  /**
   * The session did real work (a full sync pass): the next drop starts the backoff afresh, once
   * the session has also lived the base delay. A pass can take a few milliseconds (a LIST
   * without counts, nothing new), so a server that drops each session just after the pass it let
   * finish would otherwise see a login every base delay (login-storm.test.ts).
   */
  markHealthy(): void {
    this.clearHealthyTimer();
    if (!this.client) return;
    const wait = this.upSince + this.policy.baseMs - Date.now();
    if (wait <= 0) {
      this.attempt = 0;
      return;
    }
    // dropped before then, lost() clears the timer and the count stands
    this.healthyTimer = setTimeout(() => this.markHealthy(), wait);
    this.healthyTimer.unref?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.clearHealthyTimer();
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('close');
      await client.logout().catch(() => client.close());
    }
  }

  private async tryConnect(): Promise<void> {
    if (this.stopped || this.connecting) return;
    this.connecting = true;
    let attemptOver!: () => void;
    this.attemptDone = new Promise((resolve) => (attemptOver = resolve));
    this.events.onConnecting?.();
    let client: ImapFlow | null = null;
    try {
      client = await this.connect();
      // An unhandled 'error' event would crash the process; the 'close' that follows handles it.
      client.on('error', () => undefined);
      await client.connect();
      if (this.stopped) {
        await client.logout().catch(() => undefined);
        return;
      }
      this.client = client;
      this.upSince = Date.now();
      client.once('close', () => this.lost(client!));
      this.healthyTimer = setTimeout(() => this.markHealthy(), this.policy.healthyMs);
      this.healthyTimer.unref?.();
      await this.events.onUp(client);
    } catch (error) {
      client?.removeAllListeners('close');
      client?.close();
      if (this.client === client) this.client = null;
      this.clearHealthyTimer();
      this.fail(classifyImapError(error, this.host));
    } finally {
      this.connecting = false;
      this.attemptDone = null;
      attemptOver();
    }
  }

  private lost(client: ImapFlow): void {
    if (this.client !== client) return;
    this.client = null;
    this.clearHealthyTimer();
    if (this.stopped) return;
    this.fail({ kind: 'network', message: `The connection to ${this.host} was lost. Reconnecting.` });
  }

  private fail(failure: ClassifiedFailure): void {
    if (this.stopped) return;
    if (failure.kind === 'auth' || failure.kind === 'tls') {
      // Never retry these on our own: only the user (new password, trusted certificate) can.
      this.stopped = true;
      this.events.onDown(failure, null);
      return;
    }
    const delay = backoffDelay(this.attempt++, this.policy);
    const retryAt = Date.now() + delay;
    this.events.onDown(failure, retryAt);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tryConnect();
    }, delay);
    this.timer.unref?.();
  }

  private clearHealthyTimer(): void {
    if (this.healthyTimer) clearTimeout(this.healthyTimer);
    this.healthyTimer = null;
  }
}
