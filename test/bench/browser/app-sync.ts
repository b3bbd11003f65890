// u: a first sync with the app open in Chromium, as a new user meets it: the browser shell on a
// fresh profile, the page loaded (its "add an account" wizard closed), then accounts.add over a
// WebSocket of its own to the same shell, and the page watched until its list shows every message.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
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
  /** CPU the shell's process used from accounts.add to every message counted (user + system). */
  shellCpuMs: number;
  /** The same for the engine's process, the shell's child (all its threads: the writer, the extra connection's). */
  engineCpuMs: number;
  /** The page's main thread meanwhile (Chromium's Performance metrics): all its tasks, and the script in them. */
  pageTaskMs: number;
  pageScriptMs: number;
  pageLayoutAndStyleMs: number;
}

/** User + system CPU of a process so far, from /proc (Linux), ms. */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // the fields after the command's ")" (which may hold spaces): utime and stime are the 12th and 13th
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The processes a process started (Linux), as /proc lists them: the browser shell's engine is its one child. */
function childPids(pid: number): number[] {
  const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return listed ? listed.split(/\s+/).map(Number) : [];
}

/** CPU of a process's children so far, ms. */
function childrenCpuMs(pid: number): number {
  return childPids(pid).reduce((sum, child) => sum + processCpuMs(child), 0);
}

type ProbeWindow = Window & {
  __appSync?: { t0: number | null; folders: number | null; firstRow: number | null; all: number | null };
};

/**
 * Init script: notes when the sidebar first shows a folder under an account, when the list first
 * shows a real row, and when a row says the list holds `expected` messages, each at the frame
 * that paints it. It looks when the DOM changes (a MutationObserver), not on every frame: a
 * requestAnimationFrame loop would make the page draw 60 frames a second for the probe alone.
 */
export function appSyncProbe(expected: number): void {
  const w = window as ProbeWindow;
  const state = {
    t0: null as number | null,
    folders: null as number | null,
    firstRow: null as number | null,
    all: null as number | null,
  };
  w.__appSync = state;
  const painted = (key: 'folders' | 'firstRow' | 'all') => {
    state[key] = -1; // seen; the time is that of the frame that paints it
    requestAnimationFrame((now) => (state[key] = now));
  };
  const observer = new MutationObserver(() => {
    if (state.t0 === null) return;
    if (state.folders === null && document.querySelectorAll('[role="tree"] [role="treeitem"]').length > 1)
      painted('folders');
    if (state.firstRow === null && document.querySelector('[role="listbox"] [role="option"]')) painted('firstRow');
    if (state.all === null && document.querySelector(`[role="listbox"] [role="option"][aria-setsize="${expected}"]`)) {
      painted('all');
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-setsize'] });
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

type Frame = { at: number; sent: boolean; text: string };

/**
 * Every WebSocket frame the page sends and receives, from the DevTools protocol: where a first
 * sync's time goes between the engine (its events) and the page (what it asks and when). The
 * timeline is in milliseconds from the accounts.add frame, with the probe's paint times beside.
 */
async function recordFrames(cdp: CDPSession) {
  const frames: Frame[] = [];
  await cdp.send('Network.enable');
  const note = (sent: boolean) => (event: { timestamp: number; response: { payloadData: string } }) =>
    frames.push({ at: event.timestamp * 1000, sent, text: event.response.payloadData.slice(0, 160) });
  cdp.on('Network.webSocketFrameReceived', note(false));
  cdp.on('Network.webSocketFrameSent', note(true));
  return {
    timeline(state: {
      t0: number | null;
      folders: number | null;
      firstRow: number | null;
      all: number | null;
    }): string {
      const start = frames.find((frame) => frame.sent && frame.text.includes('"accounts.add"'))?.at ?? 0;
      const lines = frames.map((f) => `${(f.at - start).toFixed(1).padStart(9)} ${f.sent ? '→' : '←'} ${f.text}`);
      const t0 = state.t0 ?? 0;
      const paint = (key: 'folders' | 'firstRow' | 'all') =>
        `painted ${key}: ${((state[key] ?? Number.NaN) - t0).toFixed(1)} ms`;
      return [paint('folders'), paint('firstRow'), paint('all'), ...lines].join('\n') + '\n';
    },
  };
}

export async function measureAppSync(
  browser: Browser,
  shell: { url: string; pid: number },
  account: { settings: AccountSettings; password: string },
  expected: number,
  timeoutMs: number,
  /**
   * --cpu-prof: the page's WebSocket frames, on one clock from accounts.add, are written to
   * frames.txt here, and a V8 profile of the page's main thread to page.cpuprofile.
   */
  traceDir?: string,
): Promise<AppSyncSample> {
  const url = shell.url;
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
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pageMetrics = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
      return {
        task: ms('TaskDuration'),
        script: ms('ScriptDuration'),
        layoutAndStyle: ms('LayoutDuration') + ms('RecalcStyleDuration'),
      };
    };
    const frames = traceDir ? await recordFrames(cdp) : null;
    if (traceDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const pageBefore = await pageMetrics();
    const shellBefore = processCpuMs(shell.pid);
    const engineBefore = childrenCpuMs(shell.pid);
    await page.evaluate(addAccountFromPage, { token: decodeURIComponent(token), ...account });
    await page.waitForFunction(() => ((window as ProbeWindow).__appSync?.all ?? -1) > 0, null, {
      timeout: timeoutMs,
      polling: 100,
    });
    const shellCpuMs = processCpuMs(shell.pid) - shellBefore;
    const engineCpuMs = childrenCpuMs(shell.pid) - engineBefore;
    const pageAfter = await pageMetrics();
    const state = await page.evaluate(() => (window as ProbeWindow).__appSync!);
    if (frames && traceDir) {
      writeFileSync(path.join(traceDir, 'frames.txt'), frames.timeline(state));
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(path.join(traceDir, 'page.cpuprofile'), JSON.stringify(profile));
    }
    const t0 = state.t0!;
    return {
      foldersMs: (state.folders ?? Number.NaN) - t0,
      firstRowMs: (state.firstRow ?? Number.NaN) - t0,
      allMs: state.all! - t0,
      foldersToAllMs: state.all! - (state.folders ?? Number.NaN),
      shellCpuMs,
      engineCpuMs,
      pageTaskMs: pageAfter.task - pageBefore.task,
      pageScriptMs: pageAfter.script - pageBefore.script,
      pageLayoutAndStyleMs: pageAfter.layoutAndStyle - pageBefore.layoutAndStyle,
    };
  } finally {
    await context.close();
  }
}
