// The background workers (threader, search indexer, contacts harvest) write in batches on the
// engine's own thread, one batch per turn of the event loop. A batch of a fixed row count took
// 20 to 80 ms on a busy two-core machine, and when a large first sync ended all three started at
// once: every IMAP response and window request then waited for a whole turn of three batches,
// and opening a message, several round trips, took up to 2 s (bench r, the engine's CPU profile).
// The pacer sizes each batch from how long the last one took, so a batch holds the thread for
// about `targetMs` whatever the machine's speed or load; the workers catch up as fast on an idle
// one, where the size grows to its maximum. A run after a pause (the end of a first sync, when
// all three start and the window asks for its rows at once) begins at the least size and doubles
// from there: its first batch was the full size, whatever the last run's had shrunk to after
// being idle, and the window's request after a sync's last batch waited behind three of them.
export interface BatchPacerOptions {
  /** Rows of a batch at most (the worker's own batch size). */
  max: number;
  /** At least this many, so a slow moment never turns into a crawl of one-row transactions. */
  min?: number;
  /** The time a batch should take. */
  targetMs?: number;
  /** A batch this long after the last one ended begins a new run, at the least size. */
  pauseMs?: number;
  clock?: () => number;
}

export class BatchPacer {
  private readonly max: number;
  private readonly min: number;
  private readonly targetMs: number;
  private readonly pauseMs: number;
  private readonly clock: () => number;
  private rows: number;
  private lastEnd = Number.NEGATIVE_INFINITY;

  constructor(options: BatchPacerOptions) {
    this.max = options.max;
    this.min = Math.min(options.min ?? 20, options.max);
    this.targetMs = options.targetMs ?? 10;
    this.pauseMs = options.pauseMs ?? 1_000;
    this.clock = options.clock ?? (() => performance.now());
    this.rows = this.min;
  }

  /** The rows the next batch may take. */
  size(): number {
    return this.sizeAt(this.clock());
  }

  /** Runs one batch of `size()` rows, timed: the next one is sized from it. */
  run<T>(batch: (rows: number) => T): T {
    const started = this.clock();
    const rows = this.sizeAt(started);
    const result = batch(rows);
    const ended = this.clock();
    const took = ended - started;
    this.lastEnd = ended;
    // Toward the size that takes targetMs, at most doubling at a time: one fast batch (rows
    // already done, a warm cache) does not bring back the full size at once.
    const fitting = took > 0 ? Math.floor((rows * this.targetMs) / took) : this.max;
    this.rows = Math.max(this.min, Math.min(this.max, rows * 2, fitting));
    return result;
  }

  private sizeAt(now: number): number {
    if (now - this.lastEnd >= this.pauseMs) this.rows = this.min;
    return this.rows;
  }
}
