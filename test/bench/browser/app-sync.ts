// u: a first sync with the app open in Chromium, as a new user meets it: the browser shell on a
// fresh profile, the page loaded (its "add an account" wizard closed), then accounts.add over a
// WebSocket of its own to the same shell, and the page watched until its list shows every message.
import type { Browser } from '@playwright/test';
import type { AccountSettings } from '../../../shared/domain';
import { VIEWPORT } from './launch';

export interface AppSyncSample {
  /** accounts.add sent → the account's folders in the sidebar. */
  foldersMs: number;
  /** accounts.add sent → the first message row painted. */
  firstRowMs: number;
  /** accounts.add sent → the list painted with every message counted (aria-setsize = expected). */
  allMs: number;
  /** The folders appearing → every message counted: what a person watching the window waits. */
  foldersToAllMs: number;
  /** Frames the page painted meanwhile, and the longest gap between two of them. */
  frames: number;
  longestFrameMs: number;
}

type ProbeWindow = Window & {
  __appSync?: {
    t0: number | null;
    folders: number | null;
    firstRow: number | null;
    all: number | null;
    frames: number[];
  };
};

/**
 * Init script: every frame (rAF), notes when the sidebar first shows a folder under an account,
 * when the list first shows a real row, and when a row says the list holds `expected` messages.
 * A rAF poll rather than a MutationObserver: the probe costs one query per frame, not one per
 * DOM change, so it does not add work to each batch the list renders.
 */
export function appSyncProbe(expected: number): void {
  const w = window as ProbeWindow;
  const state = {
    t0: null as number | null,
    folders: null as number | null,
    firstRow: null as number | null,
    all: null as number | null,
    frames: [] as number[],
  };
  w.__appSync = state;
  const tick = (now: number) => {
    if (state.t0 !== null) {
      state.frames.push(now);
      if (state.folders === null && document.querySelectorAll('[role="tree"] [role="treeitem"]').length > 1)
        state.folders = now;
      if (state.firstRow === null && document.querySelector('[role="listbox"] [role="option"]')) state.firstRow = now;
      if (state.all === null && document.querySelector(`[role="listbox"] [role="option"][aria-setsize="${expected}"]`))
        state.all = now;
    }
    if (state.all === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Sends accounts.add over a second WebSocket to the shell; resolves with its send time (page clock). */
function addAccountFromPage(input: { token: string; settings: AccountSettings; password: string }): Promise<number> {
  const w = window as ProbeWindow;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${location.host}/ws`);
    ws.onerror = () => reject(new Error('the bench WebSocket failed'));
    ws.onopen = () => ws.send(JSON.stringify({ token: input.token }));
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as { ready?: boolean; id?: number; error?: { message: string } };
      if (message.ready) {
        const t0 = performance.now();
        w.__appSync!.t0 = t0;
        ws.send(
          JSON.stringify({
            id: 1,
            method: 'accounts.add',
            input: { settings: input.settings, password: input.password },
          }),
        );
        resolve(t0);
      } else if (message.id === 1) {
        if (message.error) reject(new Error(`accounts.add: ${message.error.message}`));
        ws.close();
      }
    };
  });
}

export async function measureAppSync(
  browser: Browser,
  url: string,
  account: { settings: AccountSettings; password: string },
  expected: number,
  timeoutMs: number,
): Promise<AppSyncSample> {
  const token = /#token=([^&]+)/.exec(url)?.[1];
  if (!token) throw new Error(`no token in the shell's address ${url}`);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript(appSyncProbe, expected);
    await page.goto(url);
    // a profile without accounts asks for one: the wizard is closed as a person would close it
    await page.getByRole('dialog').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 10_000 });
    await page.evaluate(addAccountFromPage, { token: decodeURIComponent(token), ...account });
    await page.waitForFunction(() => (window as ProbeWindow).__appSync?.all != null, null, {
      timeout: timeoutMs,
      polling: 500,
    });
    const state = await page.evaluate(() => (window as ProbeWindow).__appSync!);
    const t0 = state.t0!;
    const gaps = state.frames.slice(1).map((t, i) => t - state.frames[i]!);
    return {
      foldersMs: (state.folders ?? Number.NaN) - t0,
      firstRowMs: (state.firstRow ?? Number.NaN) - t0,
      allMs: state.all! - t0,
      foldersToAllMs: state.all! - (state.folders ?? Number.NaN),
      frames: state.frames.length,
      longestFrameMs: gaps.length ? Math.max(...gaps) : Number.NaN,
    };
  } finally {
    await context.close();
  }
}
