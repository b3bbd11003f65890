// Code that runs inside the page (serialized by Playwright: self-contained, no imports). Times are
// taken the same way everywhere: performance.now() in the first requestAnimationFrame callback
// after the DOM shows the awaited state, i.e. the frame that paints it.
export interface KeySample {
  /** keydown → the frame that paints the next message's loaded body. */
  ms: number;
  /** keydown → the first frame after its body frame was in the DOM (loaded or not). */
  inDomMs: number;
  /** iframes in the reading pane then (the shown one and any prepared, hidden ones). */
  frames: number;
  subject: string;
  /** The body shows inline (cid:) images, fetched when the message opened. */
  inlineImages: boolean;
}

type BenchWindow = Window & {
  __benchFirstRow?: number | null;
  __benchKeys?: { samples: KeySample[] };
};

/** Init script: the first message row (an option of the list, not a skeleton) in the DOM, painted. */
export function firstRowProbe(): void {
  const w = window as BenchWindow;
  w.__benchFirstRow = null;
  let seen = false;
  const observer = new MutationObserver(() => {
    if (seen || !document.querySelector('[role="listbox"] [role="option"]')) return;
    seen = true;
    observer.disconnect();
    requestAnimationFrame(() => (w.__benchFirstRow = performance.now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Key latency: from the keydown's own timestamp to the frame in which the reading pane shows
 * the next message — another iframe is the shown body frame (no skeleton) and that frame's
 * document has loaded (already, when it was prepared hidden, or at its load event), so the body
 * itself is what gets painted.
 * `inDomMs` is the same up to the first frame after the new iframe was in the DOM, loaded or not
 * (what this figure measured before 2026-11-26).
 */
export function keyLatencyProbe(key: string): void {
  const w = window as BenchWindow;
  const pane = document.querySelector('[role="region"][aria-label="Message"]');
  if (!pane) throw new Error('no reading pane (region "Message")');
  const state = { samples: [] as KeySample[] };
  w.__benchKeys = state;
  let pending: { t: number; before: Element | null; seen: HTMLIFrameElement | null; inDomMs: number | null } | null =
    null;
  // the shown body frame (its title in docs/accessibility.md); prepared neighbours may wait hidden beside it, untitled
  const frame = () => pane.querySelector<HTMLIFrameElement>('iframe[title="Message body"]');
  const loaded = (iframe: HTMLIFrameElement) => {
    try {
      const doc = iframe.contentDocument; // null when the frame is of another origin
      return doc !== null && doc.URL === 'about:srcdoc' && doc.readyState === 'complete';
    } catch {
      return false;
    }
  };
  const finish = (p: NonNullable<typeof pending>, now: HTMLIFrameElement) =>
    requestAnimationFrame(() => {
      if (pending !== p) return;
      const subject = pane.querySelector('h2')?.textContent ?? '';
      const inlineImages = (now.getAttribute('srcdoc') ?? '').includes('data:image/');
      state.samples.push({
        ms: performance.now() - p.t,
        inDomMs: p.inDomMs ?? Number.NaN,
        frames: pane.querySelectorAll('iframe').length,
        subject,
        inlineImages,
      });
      pending = null;
    });
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === key && !event.repeat)
        pending = { t: event.timeStamp, before: frame(), seen: null, inDomMs: null };
    },
    true,
  );
  new MutationObserver(() => {
    const p = pending;
    if (!p || p.seen) return;
    const now = frame();
    if (!now || now === p.before || pane.querySelector('.body-skeleton')) return;
    p.seen = now;
    requestAnimationFrame(() => (p.inDomMs = performance.now() - p.t));
    if (loaded(now)) finish(p, now);
    else now.addEventListener('load', () => finish(p, now), { once: true });
  }).observe(pane, { childList: true, subtree: true, attributes: true, characterData: true });
}

/**
 * Scrolls the message list by `rowsPerFrame` rows each frame, in bursts of `burstFrames` frames
 * with `pauseMs` between them (so pages load and real rows render, as when a person scrolls and
 * looks), until `rows` rows went by. Returns every frame interval (rAF to rAF), ms.
 */
export function scrollProbe(opts: { rows: number; rowsPerFrame: number; burstFrames: number; pauseMs: number }) {
  const list = document.querySelector('[role="listbox"]') as HTMLElement | null;
  const row = document.querySelector('[role="listbox"] [role="option"]');
  if (!list || !row) throw new Error('no message list with rows');
  const rowHeight = row.getBoundingClientRect().height;
  list.scrollTop = 0;
  return new Promise<{ frames: number[]; rowHeight: number; scrolledRows: number }>((resolve) => {
    const frames: number[] = [];
    let previous: number | null = null;
    let scrolledRows = 0;
    let burst = 0;
    let pauseUntil = 0;
    const tick = (time: number) => {
      if (previous !== null) frames.push(time - previous);
      previous = time;
      if (scrolledRows >= opts.rows) return resolve({ frames, rowHeight, scrolledRows });
      if (time >= pauseUntil) {
        list.scrollTop += opts.rowsPerFrame * rowHeight;
        scrolledRows += opts.rowsPerFrame;
        if (++burst % opts.burstFrames === 0) pauseUntil = time + opts.pauseMs;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
