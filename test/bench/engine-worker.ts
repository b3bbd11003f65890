// The bench worker: a child process that runs the engine (or a bare IMAP client) for the runner,
// so what /proc says about this process is the engine's memory alone. Requests arrive over the
// IPC channel as { id, command, input }; each gets one { id, ok, result | error } back.
import { commands, type CommandName } from './engine/commands';

interface Request {
  id: number;
  command: CommandName;
  input: unknown;
}

function reply(message: unknown): void {
  // The runner may be gone (Ctrl+C): then there is no one to answer, and that is fine.
  if (process.connected) process.send?.(message, undefined, undefined, () => undefined);
}

async function handle(request: Request): Promise<void> {
  try {
    const run = commands[request.command] as (input: unknown) => Promise<unknown>;
    if (typeof run !== 'function') throw new Error(`unknown command ${String(request.command)}`);
    reply({ id: request.id, ok: true, result: await run(request.input) });
  } catch (error) {
    reply({
      id: request.id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

async function shutdown(code: number): Promise<never> {
  await commands.closeEngine().catch(() => undefined);
  process.exit(code);
}

if (!process.send) throw new Error('engine-worker.ts runs as a child of the bench runner (IPC)');
process.on('message', (message: Request) => void handle(message));
// The runner went away (crash, Ctrl+C): close the engine and go too.
process.on('disconnect', () => void shutdown(0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(130));
reply({ ready: true });
