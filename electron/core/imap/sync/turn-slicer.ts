// imapflow hands a FETCH's responses over one by one in promise steps, and parses the next only
// when the last was taken: while the socket has more buffered, parsing them all is one long run
// of microtasks, and nothing else of the engine runs meanwhile. The engine's CPU profile during a
// 100k first sync showed runs of 200 to 500 ms, while a message the window opened waited for its
// body and its \Seen. The slicer tells the FETCH loop when its slice of the thread is spent: it
// then gives one turn of the event loop (window requests, the on-demand connection, timers)
// before taking the next response.

/** A slice of the thread for parsing: short against a frame, long against the cost of a turn. */
const SLICE_MS = 8;

/**
 * Call it after each response: undefined while the slice lasts, else a promise of one turn of
 * the event loop to await (the next slice starts after it).
 */
export function turnSlicer(sliceMs = SLICE_MS, clock: () => number = () => performance.now()) {
  let started = clock();
  return (): Promise<void> | undefined => {
    if (clock() - started < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        started = clock();
        resolve();
      }),
    );
  };
}
