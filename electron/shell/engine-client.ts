// The engine in its own process, as the shell holds it: a MailService whose calls, events,
// settled() and close() travel over an EngineChannel to engine-host.ts. The shell's thread only
// relays, so a FETCH being parsed in the engine no longer delays the shell's own work (its HTTP
// server, the WebSocket frames, Electron's windows). Should the engine's process end on its own,
// every waiting call is answered with an error that says so and later calls fail at once: the
// window shows the failure instead of waiting forever.
import type { EventName, EventPayload } from '../../shared/contract';
import type { SecretCipher } from '../core/accounts/secret-cipher';
import type { EventListener, MailService, MailServiceOptions } from '../core/service-api';
import { ServiceError } from '../core/service-error';
import type { EngineChannel, EngineOptions, FromEngine } from './engine-wire';

export interface EngineClientOptions {
  channel: EngineChannel;
  options: Omit<EngineOptions, 'cipher' | 'debug'>;
  cipher: SecretCipher;
  log?: MailServiceOptions['log'];
  /** Pass the engine's debug lines (MAIL_DEBUG). */
  debug?: boolean;
  /** How long close() waits for the engine to end before killing its process. */
  closeTimeoutMs?: number;
}

export const ENGINE_CLOSE_TIMEOUT_MS = 15_000;

export function engineGone(reason: string): ServiceError {
  return new ServiceError('internal', `The mail engine stopped (${reason}). Restart Mail to reconnect.`);
}

/** Starts the service in the channel's process; resolves once it is open, rejects if it cannot open. */
export async function connectEngine(client: EngineClientOptions): Promise<MailService> {
  const { service, started } = openEngine(client);
  await started;
  return service;
}

export interface OpeningEngine {
  /**
   * Usable at once: a call made while the engine still opens waits in its process for the open
   * (engine-host.ts), so a shell can serve its window meanwhile instead of after it.
   */
  service: MailService;
  /** Resolves once the engine is open; rejects with its reason if it cannot open. */
  started: Promise<void>;
}

/** Starts the service in the channel's process, without waiting for it to open; a process that cannot open is ended. */
export function openEngine(client: EngineClientOptions): OpeningEngine {
  const { channel, cipher, log } = client;
  const listeners = new Set<EventListener>();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let gone: ServiceError | null = null;
  let closing = false;
  let exited!: () => void;
  const exit = new Promise<void>((resolve) => (exited = resolve));

  const request = (message: (id: number) => Parameters<EngineChannel['post']>[0]): Promise<unknown> => {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      channel.post(message(id));
    });
  };

  const answerCipher = async (message: Extract<FromEngine, { kind: 'cipher' }>) => {
    try {
      const value =
        message.op === 'encrypt'
          ? new Uint8Array(await cipher.encrypt(message.plain, message.accountId))
          : await cipher.decrypt(Buffer.from(message.sealed), message.accountId, message.recorded);
      channel.post({ kind: 'cipher-reply', id: message.id, ok: true, value });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      channel.post({ kind: 'cipher-reply', id: message.id, ok: false, message: text });
    }
  };

  let opened!: () => void;
  let failed!: (error: Error) => void;
  const started = new Promise<void>((resolve, reject) => {
    opened = resolve;
    failed = reject;
  });
  // an engine that cannot open is ended (a process that failed to start must not linger); this
  // also keeps the rejection handled for a shell that is not waiting for it yet
  started.catch(() => channel.kill());

  const service: MailService = {
    call: ((method: string, input: unknown) =>
      request((id) => ({ kind: 'call', id, method, input }))) as MailService['call'],
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: () => request((id) => ({ kind: 'settled', id })).then(() => undefined),
    async close() {
      if (gone) return;
      closing = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((r) => {
        timer = setTimeout(() => r('timeout'), client.closeTimeoutMs ?? ENGINE_CLOSE_TIMEOUT_MS);
      });
      try {
        await request((id) => ({ kind: 'close', id }));
        if ((await Promise.race([exit, timeout])) === 'timeout') channel.kill();
      } catch (error) {
        channel.kill();
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };

  channel.onMessage((message) => {
    switch (message.kind) {
      case 'started':
        return opened();
      case 'start-failed':
        return failed(new Error(message.message));
      case 'reply': {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (!waiting) return;
        if (message.ok) waiting.resolve(message.result);
        else waiting.reject(new ServiceError(message.error.code, message.error.message));
        return;
      }
      case 'event':
        for (const listener of listeners)
          listener(message.event as EventName, message.payload as EventPayload<EventName>);
        return;
      case 'log':
        return log?.(message.level, message.message, message.data);
      case 'cipher':
        return void answerCipher(message);
    }
  });

  channel.onExit((reason) => {
    gone = engineGone(reason);
    exited();
    if (!closing) log?.('error', gone.message);
    for (const waiting of pending.values()) waiting.reject(gone);
    pending.clear();
    // before 'started': the engine could not even open
    failed(gone);
  });

  channel.post({
    kind: 'start',
    options: {
      ...client.options,
      cipher: { id: cipher.id, strength: cipher.strength },
      debug: client.debug ?? false,
    },
  });
  return { service, started };
}
