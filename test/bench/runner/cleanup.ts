// Everything the bench starts is registered here and undone in reverse order: on success, on a
// failure, and on Ctrl+C or SIGTERM. Processes are stopped by their pid, never by name; the
// synchronous `kill` of each step is the last resort when the process exits without the async path.
export interface CleanupStep {
  name: string;
  run: () => Promise<void> | void;
  /** Synchronous fallback for process 'exit' (no awaiting possible there). */
  kill?: () => void;
}

export class Cleanup {
  /** Set by the first Ctrl+C or SIGTERM: no new phase starts after it. */
  interrupted: NodeJS.Signals | null = null;
  private readonly steps: CleanupStep[] = [];
  private running: Promise<void> | null = null;

  /** Registers a step; the returned function runs it now (and forgets it). */
  add(step: CleanupStep): () => Promise<void> {
    this.steps.push(step);
    return async () => {
      const at = this.steps.indexOf(step);
      if (at < 0) return;
      this.steps.splice(at, 1);
      await this.runStep(step);
    };
  }

  /** Runs every registered step, newest first; steps registered meanwhile are run too. */
  async runAll(): Promise<void> {
    while (this.running) await this.running;
    if (this.steps.length === 0) return;
    this.running = (async () => {
      while (this.steps.length) await this.runStep(this.steps.pop()!);
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  killAllSync(): void {
    for (const step of this.steps.splice(0).reverse()) {
      try {
        step.kill?.();
      } catch {
        // best effort: the process is exiting
      }
    }
  }

  private async runStep(step: CleanupStep): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out after 20 s')), 20_000);
    });
    const started = Date.now();
    try {
      await Promise.race([Promise.resolve().then(step.run), timeout]);
      process.stderr.write(`bench: stopped ${step.name} (${Date.now() - started} ms)\n`);
    } catch (error) {
      process.stderr.write(`bench: cleanup of ${step.name} failed: ${(error as Error).message}\n`);
      try {
        step.kill?.();
      } catch {
        // nothing more to try
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Ctrl+C / SIGTERM: marks the run interrupted and cleans up at once (which also makes whatever the
 * run was waiting on fail); the run then skips its remaining phases and exits 130. A second signal
 * more than 2 s later (an impatient user) exits at once after the synchronous kills; one arriving
 * with the first (the terminal's SIGINT and the wrapper's forwarded copy) is ignored. If nothing
 * has exited 30 s after the signal, the synchronous kills run and the process exits.
 */
export function cleanUpOnSignals(cleanup: Cleanup): void {
  let interruptedAt = 0;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (interruptedAt) {
        if (Date.now() - interruptedAt < 2000) return;
        cleanup.killAllSync();
        process.exit(130);
      }
      interruptedAt = Date.now();
      cleanup.interrupted = signal;
      process.stderr.write(`\nbench: ${signal}, cleaning up…\n`);
      void cleanup.runAll();
      setTimeout(() => {
        cleanup.killAllSync();
        process.exit(130);
      }, 30_000).unref();
    });
  }
  process.on('exit', () => cleanup.killAllSync());
}
