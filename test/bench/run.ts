// `npm run bench -- [--size N] [--no-browser] [--browser-only] [--cpu-prof]`: the benchmark suite.
// Starts its own mail server, fills an INBOX, measures sync, resync, bodies, the list query, memory
// and the UI, prints one markdown table (every figure beside its target) and writes
// test/bench/results.json.
// Everything it starts is stopped again, by pid, whatever happens (see runner/cleanup.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { failed, pending, type Figure } from './report/figures';
import { writeResults } from './report/results-file';
import { renderMachine, renderNotes, renderTable } from './report/table';
import { parseArgs } from './runner/args';
import { Cleanup, cleanUpOnSignals } from './runner/cleanup';
import type { BenchContext } from './runner/context';
import { log } from './runner/log';
import { machineInfo } from './runner/machine';
import { startMailBed } from './runner/mail-bed';
import { BODY_FIGURES, measureBodies } from './runner/phase-bodies';
import { BROWSER_FIGURES, measureBrowser, prepareBrowserProfile, PREWARMED_BODIES } from './runner/phase-browser';
import { measureResync, RESYNC_FIGURES } from './runner/phase-resync';
import { measureSync, SYNC_FIGURES } from './runner/phase-sync';
import { measureWindow, WINDOW_FIGURES } from './runner/phase-window';
import { tempDir } from './runner/temp-dir';
import { startWorker } from './runner/worker-client';

type Rows = readonly { id: string; label: string; target: string }[];

async function main(): Promise<number> {
  const root = process.env.BENCH_ROOT ?? process.cwd();
  const args = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const startedAt = new Date().toISOString();
  const cleanup = new Cleanup();
  cleanUpOnSignals(cleanup);
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  let errors = 0;

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
    const bed = await startMailBed(cleanup, args.size);
    details.populate = bed.populated;
    const profileDir = tempDir(cleanup, 'mail-bench-profile-');
    const profDir = path.join(root, '.tmp', 'bench-profiles');
    if (args.cpuProf) mkdirSync(profDir, { recursive: true });
    // The engine trusts the test CA as the browser shell does (see engine/engine-session.ts).
    const engine = await startWorker('engine', cleanup, {
      execArgv: args.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
      env: { NODE_EXTRA_CA_CERTS: bed.server.caFile },
    });
    const other = await startWorker('other', cleanup);
    const ctx: BenchContext = { root, args, cleanup, bed, profileDir, engine, other, figures, details };

    if (args.browserOnly) {
      const prepared = await phase(BROWSER_FIGURES, () => prepareBrowserProfile(ctx));
      await engine.call('closeEngine', undefined).catch(() => undefined);
      await engine.stop();
      await other.stop();
      if (prepared) await phase(BROWSER_FIGURES, () => measureBrowser(ctx));
    } else if (await phase(SYNC_FIGURES, () => measureSync(ctx))) {
      await phase(RESYNC_FIGURES, () => measureResync(ctx));
      const warmBodies = async () => {
        await measureBodies(ctx);
        // the keyboard bench reads the newest messages: their bodies are cached as reading would
        if (args.browser) await engine.call('prewarmNewest', { count: PREWARMED_BODIES });
      };
      await phase(BODY_FIGURES, warmBodies);
      await engine.call('closeEngine', undefined).catch(() => undefined);
      await engine.stop();
      await other.stop();
      await phase(WINDOW_FIGURES, () => measureWindow(ctx));
      if (args.browser) await phase(BROWSER_FIGURES, () => measureBrowser(ctx));
    } else {
      for (const rows of [RESYNC_FIGURES, BODY_FIGURES, WINDOW_FIGURES, ...(args.browser ? [BROWSER_FIGURES] : [])])
        skipped(rows, 'the first sync failed');
    }
  } catch (error) {
    errors++;
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    figures.push(...failed([{ id: 'setup', label: 'Mail server and populated INBOX', target: '—' }], error));
  } finally {
    log('cleaning up');
    await cleanup.runAll();
  }
  figures.push(
    pending({
      id: 'h',
      label: 'Local search latency',
      target: '—',
      shown: 'pending (no search yet)',
      note: 'there is no search in the engine or the contract yet: nothing to measure',
    }),
  );
  if (!args.browser) skipped(BROWSER_FIGURES, '--no-browser');

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
