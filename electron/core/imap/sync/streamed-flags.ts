// A resync's flag changes, once there are many, go to the flag writer thread as their FETCH is
// parsed (store/flag-writer.ts), so writing them overlaps the rest of that FETCH and the FETCH
// of the new mail instead of following both on the engine's thread. A few stay here and are
// written with the sync state, in one transaction, as before: a thread is not worth it for them.
import type { MailboxId } from '../../../../shared/domain';
import type { FlagStream } from '../../store/flag-writer';
import type { ServerFlagUpdate } from '../../store/server-flags';
import type { Store } from '../../store/store';

/** From this many changes they stream to the thread. */
export const STREAMED_FLAG_CHANGES = 200;

export class StreamedFlags {
  private stream: FlagStream | null = null;
  private held: ServerFlagUpdate[] = [];
  /** Tried to open the stream: once, however it went. */
  private tried = false;

  constructor(
    private readonly store: Store,
    private readonly mailboxId: MailboxId,
  ) {}

  /** Whether the changes went to the thread: then `finish` says what it wrote. */
  get streaming(): boolean {
    return this.stream !== null;
  }

  readonly add = (update: ServerFlagUpdate): void => {
    if (this.stream) return this.stream.add(update);
    if (this.tried) return;
    this.held.push(update);
    if (this.held.length < STREAMED_FLAG_CHANGES) return;
    this.tried = true;
    this.stream = this.store.flagWriter.open(this.mailboxId);
    if (this.stream) for (const held of this.held) this.stream.add(held);
    this.held = [];
  };

  /**
   * Once every change is in: the ids the thread changed and whether it wrote all of them (when
   * not, the caller writes them all again; what the thread did write is skipped as unchanged).
   */
  finish(): Promise<{ ids: number[]; complete: boolean }> {
    if (!this.stream) return Promise.resolve({ ids: [], complete: false });
    return this.stream.finish();
  }
}
