// The rest of a first sync over more than one connection. Its batches (newest first) form one
// queue: the work connection and each extra connection (fetch-thread.ts) take the next batch
// whenever they finish one, so the list still fills from the top, at the pace of all of them
// together, and a slower connection simply takes fewer batches.
//
// What is stored stays resumable. The sync state says [syncedLowUid, top] is complete, and with
// batches landing out of order it only ever claims the run of batches, from the newest, that are
// all written: a batch that completes that run claims it in the same transaction as its rows.
// Rows written beyond the run are fetched again on a resume and meet ON CONFLICT DO NOTHING
// (header-rows.ts): never lost, never twice. An extra connection that fails mid-FETCH drops what
// it streamed of that batch (the writer thread forgets it) and gives the batch back; the work
// connection fetches it and everything the extra connection would have taken.

/** A batch as new-messages.ts fetches and writes it. */
export interface SplitBatch {
  /** Its lowest UID. */
  lowUid: number;
}

/** An extra connection, as far as the scheduler knows it. */
export interface SplitConnection<B> {
  fetch(uids: readonly number[]): Promise<B>;
  close(): void;
}

export interface SplitFetchDeps<B> {
  /** UID batches, newest first; each sorted newest first. */
  batches: readonly (readonly number[])[];
  /** The work connection's FETCH of a batch (its rows streaming to the writer thread). */
  fetchMain(uids: readonly number[]): Promise<B>;
  /**
   * Opens one more connection, or null when none may or can be opened (then no more are
   * tried during this sync). Called at most `extraConnections` times, one after the other.
   */
  openExtra(): Promise<SplitConnection<B> | null>;
  extraConnections: number;
  /**
   * Writes a fetched batch with the sync state claiming [claimedLow, top] complete (the run of
   * written batches from the newest, this one included when it completes the run).
   */
  write(batch: B, claimedLow: number): Promise<void>;
  /** The batch was fetched but will not be written (the sync failed meanwhile): drop its rows. */
  discard(batch: B): void;
  /** What was stored before these batches: [claimedLow, top]. */
  claimedLow: number;
  log?(message: string): void;
}

/** Fetches and writes every batch over the work connection and up to `extraConnections` more. */
export async function fetchSplit<B>(deps: SplitFetchDeps<B>): Promise<void> {
  const { batches } = deps;
  const queue = batches.map((_, i) => i);
  /** Batches an extra connection could not finish: the work connection's, before the queue. */
  const givenBack: number[] = [];
  const written: boolean[] = batches.map(() => false);
  /** Every batch below this index is written. */
  let run = 0;
  let claimedLow = deps.claimedLow;
  let failure: { error: unknown } | null = null;
  let extrasRunning = 0;
  let wake: () => void = () => undefined;
  const changed = () => new Promise<void>((resolve) => (wake = resolve));

  /** The sync state batch i's transaction may claim: extended only if it completes the run. */
  const claimFor = (i: number): number => {
    if (i !== run) return claimedLow;
    let end = i + 1;
    while (end < batches.length && written[end]) end++;
    claimedLow = Math.min(claimedLow, batches[end - 1]!.at(-1)!);
    return claimedLow;
  };
  const markWritten = (i: number) => {
    written[i] = true;
    while (run < batches.length && written[run]) run++;
  };
  const writeBatch = async (i: number, batch: B) => {
    if (failure) return deps.discard(batch);
    await deps.write(batch, claimFor(i));
    markWritten(i);
  };
  /** The extra connections at work: a failed sync ends their FETCHes at once (a shutdown waits for them). */
  const working = new Set<SplitConnection<B>>();
  const fail = (error: unknown) => {
    failure ??= { error };
    for (const connection of working) connection.close();
    wake();
  };

  const mainLane = async () => {
    let previous: Promise<void> | null = null;
    while (!failure) {
      const i = givenBack.shift() ?? queue.shift();
      if (i === undefined) {
        // Nothing left to take, but an extra connection may still fail and give a batch back.
        // One still logging in is not waited for (a server may be slow to refuse it): it finds
        // the queue empty and logs out.
        if (!extrasRunning) break;
        await changed();
        continue;
      }
      const batch = await deps.fetchMain(batches[i]!);
      // The write of the batch before runs while this one was fetched: one write in flight.
      if (previous) await previous;
      previous = writeBatch(i, batch);
      previous.catch(fail);
    }
    if (previous) await previous;
  };

  const extraLane = async (connection: SplitConnection<B>) => {
    let previous: Promise<void> | null = null;
    try {
      while (!failure) {
        const i = queue.shift();
        if (i === undefined) break;
        let batch: B;
        try {
          batch = await connection.fetch(batches[i]!);
        } catch (error) {
          // closed because the sync failed: nothing to give back, and nothing wrong with it
          if (failure) break;
          deps.log?.(`extra sync connection failed, the work connection goes on alone: ${(error as Error).message}`);
          givenBack.push(i);
          givenBack.sort((a, b) => a - b);
          break;
        }
        if (previous) await previous;
        previous = writeBatch(i, batch);
        previous.catch(fail);
      }
      if (previous) await previous;
    } finally {
      working.delete(connection);
      connection.close();
      extrasRunning--;
      wake();
    }
  };

  const extraLanes: Promise<void>[] = [];
  const openExtras = async () => {
    try {
      for (let n = 0; n < deps.extraConnections && !failure && queue.length > 1; n++) {
        const connection = await deps.openExtra();
        if (!connection) break;
        if (failure || queue.length === 0) {
          connection.close();
          break;
        }
        extrasRunning++;
        working.add(connection);
        extraLanes.push(extraLane(connection).catch(fail));
      }
    } catch (error) {
      deps.log?.(`extra sync connection not opened: ${(error as Error).message}`);
    }
  };

  void openExtras();
  await mainLane().catch(fail);
  await Promise.all(extraLanes);
  // (set by the lanes: TypeScript cannot see that from here)
  const failed = failure as { error: unknown } | null;
  if (failed) throw failed.error;
}
