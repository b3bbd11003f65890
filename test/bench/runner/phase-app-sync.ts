// u: the whole app's first sync, not the engine's alone: the browser shell on a fresh profile with
// the app open in Chromium, from accounts.add to the list showing every message, against a bare
// imapflow fetch of the same headers in the same run. Alternating rounds (bare, app, bare, app,
// ..., bare), each app round in a fresh shell process and profile, judged by the median as a is.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BareFetchResult } from '../engine/bare-fetch';
import { benchAccountSettings } from '../engine/engine-session';
import { withShellAndBrowser } from '../browser/app-in-browser';
import { measureAppSync, type AppSyncSample } from '../browser/app-sync';
import { atLeast, info } from '../report/figures';
import { mean, median } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';
import { tempDir } from './temp-dir';
import { startWorker } from './worker-client';

const ROUNDS = 3;

export const APP_SYNC_FIGURES = [
  {
    id: 'u',
    label: `First sync with the app open in Chromium: bare imapflow time ÷ app time (median of ${ROUNDS} rounds)`,
    target: '≥ 0.80',
  },
] as const;

interface AppRound {
  app: AppSyncSample;
  /** The mean of the bare fetches just before and just after it. */
  bareMs: number;
  ratio: number;
}

async function bareRun(ctx: BenchContext): Promise<BareFetchResult> {
  const worker = await startWorker('bare', ctx.cleanup);
  try {
    return await worker.call('bareFetch', { server: ctx.bed.server, user: ctx.bed.user });
  } finally {
    await worker.stop();
  }
}

async function appRound(ctx: BenchContext, n: number, messages: number): Promise<AppSyncSample> {
  log(`u: round ${n} of ${ROUNDS}: the app's first sync in a fresh browser shell and profile`);
  const profile = tempDir(ctx.cleanup, 'mail-bench-app-sync-');
  const account = { settings: benchAccountSettings(ctx.bed.server, ctx.bed.user), password: ctx.bed.user.password };
  // --cpu-prof: the first round's engine profiled and its page's WebSocket frames written, beside the others' profiles
  const traced = ctx.args.cpuProf && n === 1;
  const profDir = path.join(ctx.root, '.tmp', 'bench-profiles', `app-sync-${Date.now()}`);
  if (traced) mkdirSync(profDir, { recursive: true });
  const shellEnv: Record<string, string> = traced ? { MAIL_ENGINE_FLAGS: `--cpu-prof --cpu-prof-dir=${profDir}` } : {};
  return withShellAndBrowser(
    { ...ctx, profileDir: profile, caFile: ctx.bed.server.caFile, shellEnv },
    (browser, shell) => measureAppSync(browser, shell, account, messages, 15 * 60_000, traced ? profDir : undefined),
  );
}

export async function measureAppSyncPhase(ctx: BenchContext): Promise<void> {
  log('u: bare imapflow fetch (before)');
  let before = await bareRun(ctx);
  // what the INBOX holds now, not --size: the resync phases (c) append to it, and a list waited
  // for at the wrong count never comes
  const size = before.messages;
  const rounds: AppRound[] = [];
  const bares = [before];
  for (let n = 1; n <= ROUNDS; n++) {
    const app = await appRound(ctx, n, size);
    log('u: bare imapflow fetch (after)');
    const after = await bareRun(ctx);
    bares.push(after);
    const bareMs = mean([before.ms, after.ms]);
    rounds.push({ app, bareMs, ratio: bareMs / app.allMs });
    before = after;
  }
  const each = (pick: (round: AppRound) => number, digits = 0) =>
    rounds.map((round) => pick(round).toFixed(digits)).join(', ');
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  ctx.figures.push(
    atLeast({
      id: 'u',
      label: `First sync of ${size.toLocaleString('en-US')} with the app open in Chromium: bare imapflow time ÷ app time (median of ${ROUNDS} rounds)`,
      value: median(rounds.map((round) => round.ratio)),
      unit: 'ratio',
      limit: 0.8,
      note:
        `rounds: ${each((round) => round.ratio, 2)}; app = accounts.add → the list painted with all ${size.toLocaleString('en-US')} ` +
        `counted (${rounds.map((round) => s(round.app.allMs)).join(', ')}), each in a fresh browser shell and profile; ` +
        `bare = connect + login + SELECT + FETCH 1:* in a fresh process (${bares.map((b) => s(b.ms)).join(', ')})`,
    }),
    info({
      id: 'u1',
      label: 'App first sync: the folders shown → every message counted in the list (median)',
      value: median(rounds.map((round) => round.app.foldersToAllMs)),
      unit: 'ms',
      note: `accounts.add → folders ${each((round) => round.app.foldersMs)} ms, → first row ${each((round) => round.app.firstRowMs)} ms`,
    }),
    info({
      id: 'u2',
      label: "App first sync: the engine process's CPU per header (median)",
      value: median(rounds.map((round) => round.app.engineCpuMs / size)),
      unit: 'ms',
      note:
        `rounds: ${each((round) => round.app.engineCpuMs / size, 3)} ms (bare imapflow: ${bares.map((b) => (b.time.processCpuMs / size).toFixed(3)).join(', ')} ms); ` +
        `the engine's CPU ${each((round) => round.app.engineCpuMs)} ms, the shell's ${each((round) => round.app.shellCpuMs)} ms; the page's main thread meanwhile: tasks ${each((round) => round.app.pageTaskMs)} ms, ` +
        `of which script ${each((round) => round.app.pageScriptMs)} ms, layout + style ${each((round) => round.app.pageLayoutAndStyleMs)} ms`,
    }),
  );
  ctx.details.appSync = { rounds, bares };
}
