// The browser shell's engine process: a Node child (dist/engine.mjs) forked with structured-clone
// IPC, so the shell's thread only serves HTTP and relays WebSocket frames while the engine parses
// FETCHes on its own. The Electron shell does the same with a utility process (main.ts).
import { fork } from 'node:child_process';
import type { SecretCipher } from '../core/accounts/secret-cipher';
import type { MailService, MailServiceOptions } from '../core/service-api';
import { openEngine, type EngineClientOptions, type OpeningEngine } from './engine-client';
import type { EngineChannel, FromEngine, ToEngine } from './engine-wire';

/** A forked Node process as an EngineChannel (its pid for the log, and for tests that end it). */
export function forkEngine(entry: string, execArgv: string[]): EngineChannel & { readonly pid: number | undefined } {
  const child = fork(entry, [], {
    serialization: 'advanced',
    // the shell's stdout carries exactly one line (its URL): the engine writes to stderr only
    stdio: ['ignore', 2, 2, 'ipc'],
    execArgv,
  });
  return {
    pid: child.pid,
    post: (message: ToEngine) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromEngine)),
    onExit(listener) {
      let told = false;
      const tell = (reason: string) => {
        if (!told) listener(reason);
        told = true;
      };
      child.once('exit', (code, signal) => tell(signal ? `ended by ${signal}` : `exit code ${code}`));
      child.once('error', (error) => tell(error.message));
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

export interface StartEngineOptions {
  /** The engine's entry: dist/engine.mjs beside dist/web.mjs. */
  entry: string;
  options: EngineClientOptions['options'];
  cipher: SecretCipher;
  log?: MailServiceOptions['log'];
  debug?: boolean;
  execArgv?: string[];
}

/** Forks the engine and opens the service in it; a process that cannot open it is ended. */
export async function startEngineProcess(start: StartEngineOptions): Promise<MailService> {
  const { service, started } = openEngineProcess(start);
  await started;
  return service;
}

/**
 * Forks the engine and starts opening the service in it, without waiting: the service takes
 * calls at once (they wait in the engine for the open). A process that cannot open is ended.
 */
export function openEngineProcess(start: StartEngineOptions): OpeningEngine {
  const channel = forkEngine(start.entry, start.execArgv ?? []);
  return openEngine({
    channel,
    options: start.options,
    cipher: start.cipher,
    log: start.log,
    debug: start.debug,
  });
}
