// m: the renderer's retained JS heap after a long session of use: reading messages with j and
// scrolling the list end to end. Every reading is taken after a forced garbage collection
// (CDP HeapProfiler.collectGarbage), so it is what the page keeps alive, not garbage that the
// next GC would free; the DOM counters beside it show detached nodes or listeners that pile up.
import type { CDPSession, Page } from '@playwright/test';
import { keyLatencyProbe } from './page-probes';

export interface HeapReading {
  /** V8's used heap of the page's isolate after a full GC, MB. */
  usedMb: number;
  /** The heap V8 has committed for it, MB. */
  totalMb: number;
  /** DOM nodes alive (attached or not), documents and JS event listeners (CDP Memory.getDOMCounters). */
  nodes: number;
  documents: number;
  listeners: number;
}

export interface ScrollPlan {
  /** Rows to scroll past in all: down to the end of the list, back up, again, until done. */
  rows: number;
  rowsPerFrame: number;
  burstFrames: number;
  pauseMs: number;
}

const MB = 1024 * 1024;

/** Forces full GCs until the used heap stops shrinking, then reads it with the DOM counters. */
export async function readHeap(session: CDPSession): Promise<HeapReading> {
  let previous = Number.POSITIVE_INFINITY;
  let usage = await session.send('Runtime.getHeapUsage');
  // Objects with finalizers or weak callbacks are only freed by the GC after the one that found them.
  for (let i = 0; i < 5; i++) {
    await session.send('HeapProfiler.collectGarbage');
    usage = await session.send('Runtime.getHeapUsage');
    if (usage.usedSize >= previous * 0.99) break;
    previous = usage.usedSize;
  }
  const counters = await session.send('Memory.getDOMCounters');
  return {
    usedMb: usage.usedSize / MB,
    totalMb: usage.totalSize / MB,
    nodes: counters.nodes,
    documents: counters.documents,
    listeners: counters.jsEventListeners,
  };
}

type KeysWindow = { __benchKeys?: { samples: unknown[] } };

/**
 * Reads `count` messages as a person would: the first with Enter (when none is open yet), then
 * one j each, every time once its body is painted (the key probe of figure g2 says when).
 */
export async function readMessages(page: Page, count: number): Promise<number> {
  const samples = () => page.evaluate(() => (window as KeysWindow).__benchKeys?.samples.length ?? -1);
  let presses = count;
  if ((await samples()) < 0) {
    await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page
      .locator('[role="region"][aria-label="Message"] iframe[title="Message body"]')
      .waitFor({ timeout: 30_000 });
    await page.evaluate(keyLatencyProbe, 'j');
    presses--;
  } else {
    // Back to the open message (its row is the number of j presses so far), as a person returns to where they
    // read: the list keeps only the pages near where it was scrolled, so j far from the open message
    // would first read its page back (a press measured with a round trip in it).
    await page.evaluate(
      (row) => {
        const list = document.querySelector('[role="listbox"]') as HTMLElement;
        const height = document.querySelector('[role="listbox"] [role="option"]')!.getBoundingClientRect().height;
        list.scrollTop = Math.max(0, row - 5) * height;
      },
      await samples(),
    );
    await page.waitForTimeout(1_000);
  }
  const before = await samples();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('j');
    await page.waitForFunction((n) => ((window as KeysWindow).__benchKeys?.samples.length ?? 0) > n, before + i, {
      timeout: 15_000,
    });
    await page.waitForTimeout(30);
  }
  return count;
}

/**
 * Scrolls the list in bursts (so pages load and rows render between them, as when a person
 * scrolls and looks), turning at either end, until `plan.rows` rows went by. Returns the rows
 * actually scrolled past (from scrollTop, not from what was asked).
 */
export async function scrollRows(page: Page, plan: ScrollPlan): Promise<{ scrolledRows: number; turns: number }> {
  await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 30_000 });
  return page.evaluate(scrollBackAndForthProbe, plan);
}

/** Runs in the page (serialized by Playwright: self-contained). */
function scrollBackAndForthProbe(plan: ScrollPlan): Promise<{ scrolledRows: number; turns: number }> {
  const list = document.querySelector('[role="listbox"]') as HTMLElement | null;
  const row = document.querySelector('[role="listbox"] [role="option"]');
  if (!list || !row) throw new Error('no message list with rows');
  const rowHeight = row.getBoundingClientRect().height;
  return new Promise((resolve) => {
    let scrolledPx = 0;
    let direction = 1;
    let turns = 0;
    let frame = 0;
    let pauseUntil = 0;
    const tick = (time: number) => {
      if (scrolledPx / rowHeight >= plan.rows)
        return resolve({ scrolledRows: Math.round(scrolledPx / rowHeight), turns });
      if (time >= pauseUntil) {
        const before = list.scrollTop;
        list.scrollTop = before + direction * plan.rowsPerFrame * rowHeight;
        const moved = Math.abs(list.scrollTop - before);
        scrolledPx += moved;
        // at an end of the list (the scroll could not go the whole step): turn around
        if (moved < plan.rowsPerFrame * rowHeight - 1) {
          direction = -direction;
          turns++;
        }
        if (++frame % plan.burstFrames === 0) pauseUntil = time + plan.pauseMs;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}
