// What travels between a shell and the engine's own process (engine-client.ts ↔ engine-host.ts).
// Messages are structured clones (Node's 'advanced' IPC serialization, Electron's utilityProcess
// ports), so results keep their undefined fields, Dates and bytes exactly as the engine made them.
// Everything the engine needs from the shell crosses here explicitly: its options as data, and
// the shell's secret cipher as requests back to the shell (the OS keychain answers only there).
import type { ContractError } from '../../shared/contract';
import type { SecretCipher } from '../core/accounts/secret-cipher';
import type { MailServiceOptions } from '../core/service-api';

/** The service's options that are data: functions (the cipher, the log) cross as messages instead. */
export type EngineOptions = Omit<MailServiceOptions, 'cipher' | 'log' | 'mayReadFile'> & {
  cipher: Pick<SecretCipher, 'id' | 'strength'>;
  /** Whether the shell wants the engine's debug lines (each log line is a message). */
  debug: boolean;
};

export type LogLevel =
  NonNullable<MailServiceOptions['log']> extends (level: infer L, ...rest: never[]) => void ? L : never;

export type ToEngine =
  | { kind: 'start'; options: EngineOptions }
  | { kind: 'call'; id: number; method: string; input: unknown }
  | { kind: 'settled'; id: number }
  | { kind: 'close'; id: number }
  | { kind: 'cipher-reply'; id: number; ok: true; value: Uint8Array | string }
  | { kind: 'cipher-reply'; id: number; ok: false; message: string };

export type FromEngine =
  | { kind: 'started' }
  | { kind: 'start-failed'; message: string }
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: ContractError }
  | { kind: 'event'; event: string; payload: unknown }
  | { kind: 'log'; level: LogLevel; message: string; data?: Record<string, unknown> }
  | { kind: 'cipher'; id: number; op: 'encrypt'; plain: string; accountId: string }
  | { kind: 'cipher'; id: number; op: 'decrypt'; sealed: Uint8Array; accountId: string; recorded: boolean };

/** The engine's side of the link: the parent port of a child or utility process. */
export interface HostPort {
  post(message: FromEngine): void;
  onMessage(listener: (message: ToEngine) => void): void;
}

/** The shell's side of the link: the engine's process, as the shell sees it. */
export interface EngineChannel {
  post(message: ToEngine): void;
  onMessage(listener: (message: FromEngine) => void): void;
  /** Once, when the process is gone: `reason` says how (exit code, signal, or the error). */
  onExit(listener: (reason: string) => void): void;
  /** Ends the process at once (a close that did not finish in time). */
  kill(): void;
}
