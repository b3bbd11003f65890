// The background workers (threader, search indexer, contacts harvest) write in batches on the
// engine's own thread, one batch per turn of the event loop. A batch of a fixed row count took
// 20 to 80 ms on a busy two-core machine, and when a large first sync ended all three started at
// once: every IMAP response and window request then waited for a whole turn of three batches,
// and opening a message, several round trips, took up to 2 s (bench r, the engine's CPU profile).
// The pacer sizes each batch from how long the last one took, so a batch holds the thread for
// about `targetMs` whatever the machine's speed or load; the workers catch up as fast on an idle
// one, where the size stays at its maximum.
export interface BatchPacerOptions {
  /** Rows of a batch at most (the worker's own batch size). */
  max: number;
  /** At least this many, so a slow moment never turns into a crawl of one-row transactions. */
  min?: number;
  /** The time a batch should take. */
  targetMs?: number;
  clock?: () => number;
}

export class BatchPacer {
  private readonly max: number;
  private readonly min: number;
  private readonly targetMs: number;
  private readonly clock: () => number;
  private rows: number;

  constructor(options: BatchPacerOptions) {
    this.max = options.max;
    this.min = Math.min(options.min ?? 20, options.max);
    this.targetMs = options.targetMs ?? 10;
    this.clock = options.clock ?? (() => performance.now());
    this.rows = this.max;
  }

  /** The rows the next batch may take. */
  size(): number {
    return this.rows;
  }

  /** Runs one batch of `size()` rows, timed: the next one is sized from it. */
  run<T>(batch: (rows: number) => T): T {
    const rows = this.rows;
    const started = this.clock();
    const result = batch(rows);
    const took = this.clock() - started;
    // Toward the size that takes targetMs, at most doubling at a time: one fast batch (rows
    // already done, a warm cache) does not bring back the full size at once.
    const fitting = took > 0 ? Math.floor((rows * this.targetMs) / took) : this.max;
    this.rows = Math.max(this.min, Math.min(this.max, rows * 2, fitting));
    return result;
  }
}
