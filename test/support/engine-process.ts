// Starts the engine (engine-child.ts) as a child process that a test can SIGKILL. The child is
// bundled with esbuild into .tmp/ inside the repository (its imports resolve from node_modules,
// as for `npm run bench`), once per test process.
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { MethodName, MethodResult } from '../../shared/contract';
import type { MailServerInfo } from '../mailserver/types';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outdir = path.join(root, '.tmp', `engine-child-${process.pid}`);
let bundled: Promise<string> | null = null;

function bundle(): Promise<string> {
  bundled ??= build({
    absWorkingDir: root,
    entryPoints: { 'engine-child': 'test/support/engine-child.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  }).then(() => path.join(outdir, 'engine-child.mjs'));
  return bundled;
}

/** Removes the bundle (call once, after the last child of the file). */
export function removeEngineBundle(): void {
  rmSync(outdir, { recursive: true, force: true });
}

export interface EngineProcess {
  pid: number;
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>>;
  /** SIGKILL, and resolves once the process is gone. */
  kill9(): Promise<void>;
}

export async function startEngineProcess(server: MailServerInfo, dataDir: string): Promise<EngineProcess> {
  const child: ChildProcess = fork(await bundle(), [], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ENGINE_DATA_DIR: dataDir, ENGINE_TRUSTED_CA: server.caPem },
  });
  if (child.pid === undefined) throw new Error('could not start the engine process');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { ready?: boolean; id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (m.ready) return resolve();
      const waiter = m.id === undefined ? undefined : pending.get(m.id);
      pending.delete(m.id!);
      if (m.ok) waiter?.resolve(m.result);
      else waiter?.reject(new Error(m.error ?? 'failed'));
    });
    void exited.then(() => reject(new Error('the engine process exited before it was ready')));
  });
  void exited.then(() => {
    for (const w of pending.values()) w.reject(new Error('the engine process is gone'));
    pending.clear();
  });
  return {
    pid: child.pid,
    call: (method, input) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, method, input });
      }),
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
