// Runs tasks one at a time: an IMAP connection does one thing at a time, and the order of
// operations matters (replay before sync, so sync never undoes a local change).
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task, task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  get busy(): boolean {
    return this.pending > 0;
  }

  /** Resolves once everything queued so far has finished. */
  async settled(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}
