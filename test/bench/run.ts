// `npm run bench -- [--size N] [--rounds N] [--no-browser] [--browser-only] [--only c,d,e,g,h,m,p,r,s,u] [--cpu-prof]`: the benchmark suite.
// Starts its own mail server, fills an INBOX, measures sync, resync, bodies, the list query, memory
// and the UI, prints one markdown table (every figure beside its target) and writes
// bench/results.json.
// Everything it starts is stopped again, by pid, whatever happens (see runner/cleanup.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { failed, type Figure } from './report/figures';
import { writeResults } from './report/results-file';
import { renderMachine, renderNotes, renderTable } from './report/table';
import { parseArgs, type OptionalPhase } from './runner/args';
import { Cleanup, cleanUpOnSignals } from './runner/cleanup';
import type { BenchContext } from './runner/context';
import { log } from './runner/log';
import { machineInfo } from './runner/machine';
import { startMailBed } from './runner/mail-bed';
import { APP_SYNC_FIGURES, measureAppSyncPhase } from './runner/phase-app-sync';
import { BODY_FIGURES, measureBodies } from './runner/phase-bodies';
import { COLD_START_FIGURES, measureColdStartPhase } from './runner/phase-cold-start';
import { BROWSER_FIGURES, measureBrowser, prepareBrowserProfile, PREWARMED_BODIES } from './runner/phase-browser';
import { measurePop3, POP3_FIGURES } from './runner/phase-pop3';
import { measureRendererHeap, RENDERER_HEAP_FIGURES } from './runner/phase-renderer-heap';
import { measureResponsiveness, RESPONSIVENESS_FIGURES } from './runner/phase-responsiveness';
import { measureResync, RESYNC_FIGURES } from './runner/phase-resync';
import { measureScale, scaleFigures } from './runner/phase-scale';
import { measureSearch, searchFigures } from './runner/phase-search';
import { measureServerSearch, SERVER_SEARCH_FIGURES } from './runner/phase-server-search';
import { measureOfflineBodies, OFFLINE_BODY_FIGURES } from './runner/phase-offline-bodies';
import { measureSplitSync, SPLIT_SYNC_FIGURES } from './runner/phase-split-sync';
import { measureSync, SYNC_FIGURES } from './runner/phase-sync';
import { measureWindow, ORDERED_FIGURES, WINDOW_FIGURES } from './runner/phase-window';
import { tempDir } from './runner/temp-dir';
import { startEngineWorker, startWorker } from './runner/worker-client';

type Rows = readonly { id: string; label: string; target: string }[];

async function main(): Promise<number> {
  const root = process.env.BENCH_ROOT ?? process.cwd();
  const args = parseArgs(process.argv.slice(2));
  const wanted = args.phases;
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  const cleanup = new Cleanup();
  cleanUpOnSignals(cleanup);
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  let errors = 0;
  const SEARCH_FIGURES = searchFigures(args.size);
  /** The phases that work on the first sync's profile, by the letter `--only` knows them by. */
  const AFTER_SYNC: readonly (readonly [OptionalPhase, Rows])[] = [
    ['c', RESYNC_FIGURES],
    ['d', [...BODY_FIGURES, ...OFFLINE_BODY_FIGURES]],
    ['e', [...WINDOW_FIGURES, ...ORDERED_FIGURES]],
    ['h', [...SEARCH_FIGURES, ...SERVER_SEARCH_FIGURES]],
    ['g', [...BROWSER_FIGURES, ...COLD_START_FIGURES]],
    ['m', RENDERER_HEAP_FIGURES],
    ['p', POP3_FIGURES],
    ['r', RESPONSIVENESS_FIGURES],
    ['u', APP_SYNC_FIGURES],
    ['s', scaleFigures(args.size)],
  ];

  /** Error rows for the figures of `rows` that a phase did not get to report. */
  const missing = (rows: Rows) => rows.filter((row) => !figures.some((f) => f.id === row.id));
  const skipped = (rows: Rows, why: string) => figures.push(...failed(missing(rows), new Error(`skipped: ${why}`)));

  /** Runs a phase; if it throws, its figures become error rows and the run goes on. */
  const phase = async (rows: Rows, run: () => Promise<void>): Promise<boolean> => {
    if (cleanup.interrupted) {
      skipped(rows, `interrupted (${cleanup.interrupted})`);
      return false;
    }
    try {
      await run();
      return true;
    } catch (error) {
      errors++;
      if (!cleanup.interrupted)
        log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const reason = cleanup.interrupted ? new Error(`interrupted (${cleanup.interrupted})`) : error;
      figures.push(...failed(missing(rows), reason));
      return false;
    }
  };

  try {
    // --only p leaves the bench user's INBOX empty (p fills a mailbox of its own); --browser-only
    // skips the first sync's figures, not the INBOX the app syncs and shows
    const bed = await startMailBed(cleanup, args.firstSync || args.browserOnly ? args.size : 0);
    details.populate = bed.populated;
    const profileDir = tempDir(cleanup, 'mail-bench-profile-');
    const profDir = path.join(root, '.tmp', 'bench-profiles');
    if (args.cpuProf) mkdirSync(profDir, { recursive: true });
    // The engine trusts the test CA as the browser shell does (see engine/engine-session.ts).
    // --cpu-prof: each worker's profiles in a folder named after it, one file per thread as V8
    // names them (pid and thread id: 0 the main thread): one name for all would keep only the
    // last thread to end, and the engine's header writer thread ends before its main thread.
    const profile = (name: string) =>
      args.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profDir, `${name}-${Date.now()}`)}`] : [];
    const engine = await startEngineWorker('engine', cleanup, {
      execArgv: profile('engine'),
      env: { NODE_EXTRA_CA_CERTS: bed.server.caFile },
    });
    const other = await startWorker('other', cleanup, { execArgv: profile('other') });
    const ctx: BenchContext = { root, args, cleanup, bed, profileDir, engine, other, figures, details };

    if (args.browserOnly) {
      const prepared = await phase(BROWSER_FIGURES, () => prepareBrowserProfile(ctx));
      await engine.call('closeEngine', undefined).catch(() => undefined);
      await engine.stop();
      await other.stop();
      if (prepared && wanted.has('g')) await phase(BROWSER_FIGURES, () => measureBrowser(ctx));
      if (prepared && wanted.has('g')) await phase(COLD_START_FIGURES, () => measureColdStartPhase(ctx));
      if (prepared && wanted.has('m')) await phase(RENDERER_HEAP_FIGURES, () => measureRendererHeap(ctx));
      if (prepared && wanted.has('r')) await phase(RESPONSIVENESS_FIGURES, () => measureResponsiveness(ctx));
      // u syncs a fresh profile of its own
      if (wanted.has('u')) await phase(APP_SYNC_FIGURES, () => measureAppSyncPhase(ctx));
    } else if (!args.firstSync) {
      // --only p: nothing works on the first sync's profile
      await engine.stop();
      await other.stop();
    } else if (await phase(SYNC_FIGURES, () => measureSync(ctx))) {
      await phase(SPLIT_SYNC_FIGURES, () => measureSplitSync(ctx));
      if (wanted.has('c')) await phase(RESYNC_FIGURES, () => measureResync(ctx));
      const warmBodies = async () => {
        if (wanted.has('d')) await measureBodies(ctx);
        // the keyboard bench reads the newest messages: their bodies are cached as reading would
        if (wanted.has('g') || wanted.has('m') || wanted.has('r'))
          await engine.call('prewarmNewest', { count: PREWARMED_BODIES });
      };
      await phase(wanted.has('d') ? BODY_FIGURES : [], warmBodies);
      if (wanted.has('h')) await phase(SERVER_SEARCH_FIGURES, () => measureServerSearch(ctx));
      await engine.call('closeEngine', undefined).catch(() => undefined);
      await engine.stop();
      await other.stop();
      if (wanted.has('d')) await phase(OFFLINE_BODY_FIGURES, () => measureOfflineBodies(ctx));
      if (wanted.has('e')) await phase([...WINDOW_FIGURES, ...ORDERED_FIGURES], () => measureWindow(ctx));
      if (wanted.has('h')) await phase(SEARCH_FIGURES, () => measureSearch(ctx));
      if (wanted.has('g')) await phase(BROWSER_FIGURES, () => measureBrowser(ctx));
      if (wanted.has('s')) await phase(scaleFigures(args.size), () => measureScale(ctx));
      if (wanted.has('g')) await phase(COLD_START_FIGURES, () => measureColdStartPhase(ctx));
      if (wanted.has('m')) await phase(RENDERER_HEAP_FIGURES, () => measureRendererHeap(ctx));
      if (wanted.has('u')) await phase(APP_SYNC_FIGURES, () => measureAppSyncPhase(ctx));
      // last: it adds an account to the profile the phases above measure
      if (wanted.has('r')) await phase(RESPONSIVENESS_FIGURES, () => measureResponsiveness(ctx));
    } else {
      for (const [letter, rows] of AFTER_SYNC)
        if (wanted.has(letter) && letter !== 'p') skipped(rows, 'the first sync failed');
    }
    // p needs a mailbox of its own, not the synced profile: it runs whatever the first sync did
    if (wanted.has('p') && !args.browserOnly) await phase(POP3_FIGURES, () => measurePop3(ctx));
  } catch (error) {
    errors++;
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    figures.push(...failed([{ id: 'setup', label: 'Mail server and populated INBOX', target: '—' }], error));
  } finally {
    log('cleaning up');
    await cleanup.runAll();
  }
  if (!args.firstSync)
    skipped([...SYNC_FIGURES, ...SPLIT_SYNC_FIGURES], args.browserOnly ? '--browser-only' : 'not in --only');
  for (const [letter, rows] of AFTER_SYNC)
    if (!wanted.has(letter))
      skipped(rows, args.browserOnly ? '--browser-only' : args.only ? 'not in --only' : '--no-browser');

  const file = writeResults(root, {
    startedAt,
    finishedAt: new Date().toISOString(),
    size: args.size,
    machine,
    figures,
    details,
  });
  process.stdout.write(
    `${renderMachine(machine, args.size)}\n\n${renderTable(figures)}\n\n${renderNotes(figures)}\n\n`,
  );
  process.stdout.write(`Results: ${path.relative(root, file)}\n`);
  return cleanup.interrupted ? 130 : errors ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
