// Starts a bench worker (engine-worker.ts, bundled) as a child process and calls its commands
// over IPC. Stopping it is registered with the cleanup, by pid.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineFlags } from '../../../electron/shell/engine-flags';
import type { CommandName, Commands } from '../engine/commands';
import type { Cleanup } from './cleanup';

type Input<C extends CommandName> = Parameters<Commands[C]>[0];
type Output<C extends CommandName> = Awaited<ReturnType<Commands[C]>>;

interface Reply {
  id?: number;
  ok?: boolean;
  result?: unknown;
  error?: string;
  ready?: boolean;
}

export interface Worker {
  pid: number;
  call<C extends CommandName>(command: C, input: Input<C>): Promise<Output<C>>;
  stop(): Promise<void>;
}

function workerPath(): string {
  return process.env.BENCH_WORKER ?? fileURLToPath(new URL('./engine-worker.mjs', import.meta.url));
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startWorker(
  name: string,
  cleanup: Cleanup,
  options: { execArgv?: string[]; env?: Record<string, string> } = {},
): Promise<Worker> {
  const child = fork(workerPath(), [], {
    execArgv: ['--enable-source-maps', ...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...options.env, BENCH_WORKER_NAME: name },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the ${name} worker`);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  child.on('message', (reply: Reply) => {
    if (reply.ready) return ready();
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id!);
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(`${name} worker: ${reply.error ?? 'failed'}`));
  });
  child.on('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${name} worker exited (${code ?? signal})`));
    pending.clear();
  });

  const stop = cleanup.add({
    name: `${name} worker (pid ${pid})`,
    run: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = exited(child);
      // Closing the IPC channel makes the worker close its engine and exit.
      if (child.connected) child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
    },
  });
  await Promise.race([isReady, exited(child).then(() => Promise.reject(new Error(`${name} worker died at start`)))]);

  return {
    pid,
    call<C extends CommandName>(command: C, input: Input<C>): Promise<Output<C>> {
      const id = nextId++;
      return new Promise<Output<C>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, command, input });
      });
    },
    stop,
  };
}

/**
 * A worker that runs the engine: with the engine process's own V8 flags (and MAIL_ENGINE_FLAGS),
 * as both shells start it, so its memory and speed are the shipped engine's. Bare imapflow
 * workers keep Node's defaults.
 */
export function startEngineWorker(
  name: string,
  cleanup: Cleanup,
  options: { execArgv?: string[]; env?: Record<string, string> } = {},
): Promise<Worker> {
  return startWorker(name, cleanup, {
    ...options,
    execArgv: [...engineFlags(process.env), ...(options.execArgv ?? [])],
  });
}
