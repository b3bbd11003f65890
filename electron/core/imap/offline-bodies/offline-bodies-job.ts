// Offline bodies: in the background, the text of recent mail (the text and HTML parts only, no
// attachment) is downloaded and stored, by default the last 90 days of every folder, so the
// local search covers body text and mail reads offline. It works at low priority: one message
// at a time on the body connection (a message the user opens waits for one download at most),
// and not at all while the user works (any request from the window, for a few seconds) or a
// sync runs. What is left is read from the cache each round, so it resumes wherever it stopped.
import type { AccountId, MessageId } from '../../../../shared/domain';
import type { Disposable } from '../../lifecycle';
import { periodCutoff } from '../../store/offline-bodies-repo';
import type { Store } from '../../store/store';

export interface OfflineBodiesProgress {
  accountId: AccountId;
  done: number;
  total: number;
  state: 'running' | 'paused' | 'done';
}

export interface OfflineBodiesDeps {
  store: Store;
  accounts: () => AccountId[];
  online: (accountId: AccountId) => boolean;
  /** Downloads and stores one message's body (MessageReader.body: it also feeds the index). */
  download: (id: MessageId) => Promise<unknown>;
  progress: (progress: OfflineBodiesProgress) => void;
  now?: () => number;
  /** How long after the user's last request downloading waits. */
  userQuietMs?: number;
  /** How long a sync's progress report counts as "a sync is under way" without the next one. */
  syncQuietMs?: number;
  /** Messages per round between progress reports. */
  batch?: number;
}

export class OfflineBodiesJob implements Disposable {
  private readonly now: () => number;
  private readonly userQuietMs: number;
  private readonly syncQuietMs: number;
  private readonly batch: number;
  private userUntil = 0;
  private syncingUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Bodies that failed this session (gone, refused): not tried again until a restart. */
  private readonly failed = new Map<AccountId, Set<MessageId>>();
  private readonly lastState = new Map<AccountId, OfflineBodiesProgress['state']>();

  constructor(private readonly deps: OfflineBodiesDeps) {
    this.now = deps.now ?? Date.now;
    this.userQuietMs = deps.userQuietMs ?? 3_000;
    this.syncQuietMs = deps.syncQuietMs ?? 5_000;
    this.batch = deps.batch ?? 20;
  }

  /** The user did something: step aside for a while. */
  userActive(): void {
    this.userUntil = this.now() + this.userQuietMs;
  }

  syncProgress(done: number, total: number): void {
    this.syncingUntil = done < total ? this.now() + this.syncQuietMs : 0;
    if (done >= total) this.kick();
  }

  /** Something may have changed (an account online, a period set, a sync done): look again soon. */
  kick(delayMs = 500): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.run().finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
    }, delayMs);
    this.timer.unref?.();
  }

  /** Resolves when no round is under way (tests, close). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  async dispose(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private pauseLeft(): number {
    return Math.max(this.userUntil, this.syncingUntil) - this.now();
  }

  private report(accountId: AccountId, cutoff: number | null, state: OfflineBodiesProgress['state']): void {
    // 'done' once, not after every look that finds nothing new; 'paused' once too: the count
    // reads every message of the period (100k rows, a few hundred ms of the engine's thread), and
    // a sync wakes the paused job again and again, so counting at each wake held up the window's
    // requests for the whole first sync (bench figure r). The numbers are new when it resumes.
    const last = this.lastState.get(accountId);
    if ((state === 'done' || state === 'paused') && last === state) return;
    this.lastState.set(accountId, state);
    const { done, total } = this.deps.store.offlineBodies.progress(accountId, cutoff);
    this.deps.progress({ accountId, done, total, state });
  }

  private async run(): Promise<void> {
    for (const accountId of this.deps.accounts()) {
      const cutoff = periodCutoff(this.deps.store.offlineBodies.period(accountId), this.now());
      if (cutoff === undefined || !this.deps.online(accountId)) continue;
      const failed = this.failed.get(accountId) ?? new Set<MessageId>();
      this.failed.set(accountId, failed);
      for (;;) {
        if (this.stopped) return;
        const wait = this.pauseLeft();
        if (wait > 0) {
          this.report(accountId, cutoff, 'paused');
          this.kick(wait);
          return;
        }
        const ids = this.deps.store.offlineBodies.missing(accountId, cutoff, this.batch, failed);
        if (ids.length === 0) {
          this.report(accountId, cutoff, 'done');
          break;
        }
        for (const id of ids) {
          if (this.stopped || this.pauseLeft() > 0 || !this.deps.online(accountId)) break;
          await this.deps.download(id).catch(() => failed.add(id));
        }
        if (!this.deps.online(accountId)) break;
        this.report(accountId, cutoff, 'running');
      }
    }
  }
}
