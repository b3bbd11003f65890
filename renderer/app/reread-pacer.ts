// When a view kept live by the engine's events (the message list, the folder counts) reads its
// data again. A lone change is read a moment after it arrives, so new mail shows at once. A
// first sync is different: it pours in a batch of headers several times a second, and every
// re-read costs a query in the engine, an answer over the transport and a render of the whole
// window, on the same two cores that parse the batches. While a first sync runs (its changes say
// `firstSync`) the re-reads are spaced `burstMs` apart; its last batch (sync.progress done =
// total, which the engine sends just before that batch's change) is read at once, with no quiet
// delay: nothing of that sync is left to wait for, so the list shows everything as soon as it is
// stored (the quiet delay was 60 ms of figure u's wait after the last batch).

export interface PacedChange {
  /** A batch of a first sync: mail that was on the server before, arriving in bulk. */
  firstSync?: boolean;
}

export class RereadPacer {
  private lastRead = Number.NEGATIVE_INFINITY;
  private finishing = false;

  constructor(
    private readonly quietMs: number,
    private readonly burstMs: number,
  ) {}

  /** sync.progress: the batch that completes a folder is on its way. */
  progress(done: number, total: number): void {
    if (done >= total) this.finishing = true;
  }

  /** How long after `now` the re-read for `change` should run. */
  delay(change: PacedChange, now: number): number {
    if (change.firstSync && this.finishing) {
      this.finishing = false;
      return 0;
    }
    if (!change.firstSync) {
      this.finishing = false;
      return this.quietMs;
    }
    return Math.max(this.quietMs, this.lastRead + this.burstMs - now);
  }

  /** A re-read starts now. */
  reading(now: number): void {
    this.lastRead = now;
  }
}
