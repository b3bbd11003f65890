// The engine's V8 heap tuned for what the engine is doing: for speed while a large header sync
// runs, for size once none does (docs/architecture.md, "Memory").
//
// `--optimize-for-size` as a start flag meets the memory budget but makes the FETCH parse of a
// first sync 10-50 % slower; without it V8 keeps what it grew for that parse (a full young
// generation, a fragmented old space: ~90 MB committed for ~27 MB of live objects after a 100k
// sync). So the flag is turned on at run time when the last large sync ends, with a full GC that
// arms V8's memory reducer (its reducing GCs then compact the old space and shrink the young
// generation even while the threader and the indexer work through the new rows), and off again
// when a large sync starts. V8 reads the flag where it decides, so a change applies from the next
// decision on; Node (and Electron's Node) leave flags writable after start for v8.setFlagsFromString.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AccountId, AccountStatus, SyncProgress } from '../../shared/domain';
import type { MailService } from '../core/service-api';

/** A header sync with at least this many messages still to fetch is large: V8 runs for speed then. */
export const LARGE_SYNC_MESSAGES = 5_000;

/**
 * For size: the flag, and the memory reducer's first look 1 s after a full GC instead of 8 s, so
 * the heap is back to its size soon after the sync, not some time later.
 */
export const FOR_SIZE = '--optimize-for-size --gc-memory-reducer-start-delay-ms=1000';
export const FOR_SPEED = '--no-optimize-for-size --gc-memory-reducer-start-delay-ms=8000';

/** What the mode changes in the process: V8's flags, and a full GC where one is exposed. */
export interface HeapControl {
  setFlags(flags: string): void;
  gc(): void;
}

export class EngineMemoryMode {
  /** The large syncs under way, by account and folder. */
  private readonly large = new Set<string>();

  constructor(private readonly heap: HeapControl) {}

  progress({ accountId, mailbox, done, total }: SyncProgress): void {
    const key = `${accountId}\n${mailbox}`;
    if (done < total) {
      if (total - done < LARGE_SYNC_MESSAGES || this.large.has(key)) return;
      if (this.large.size === 0) this.heap.setFlags(FOR_SPEED);
      this.large.add(key);
      return;
    }
    if (this.large.delete(key) && this.large.size === 0) this.forSize();
  }

  /** A sync that stopped short (the account went offline): it no longer needs the speed. */
  accountStopped(accountId: AccountId): void {
    const before = this.large.size;
    for (const key of this.large) if (key.startsWith(`${accountId}\n`)) this.large.delete(key);
    if (before > 0 && this.large.size === 0) this.forSize();
  }

  private forSize(): void {
    this.heap.setFlags(FOR_SIZE);
    this.heap.gc();
  }
}

/** V8's full GC, exposed the first time it is asked for (a context made after --expose-gc has `gc`). */
function fullGc(): () => void {
  let gc: (() => void) | undefined;
  return () => {
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    }
    gc();
  };
}

/**
 * Watches `service` for large syncs, unless the user chose the flag in MAIL_ENGINE_FLAGS (then
 * it is theirs, for the whole run).
 */
export function watchEngineMemory(
  service: Pick<MailService, 'onEvent'>,
  env: Readonly<Record<string, string | undefined>>,
): void {
  if (/optimize-for-size/.test(env.MAIL_ENGINE_FLAGS ?? '')) return;
  const gc = fullGc();
  const mode = new EngineMemoryMode({
    setFlags: (flags) => v8.setFlagsFromString(flags),
    // after the event that ended the sync has reached every listener (the window's last batch first)
    gc: () => void setTimeout(gc, 0),
  });
  service.onEvent((event, payload) => {
    if (event === 'sync.progress') mode.progress(payload as unknown as SyncProgress);
    else if (event === 'account.status') {
      const status = payload as unknown as AccountStatus;
      if (status.state !== 'online') mode.accountStopped(status.accountId);
    }
  });
}
