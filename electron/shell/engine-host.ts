// The engine's side of its own process: opens the MailService when the shell says start, answers
// its calls, forwards its events and log lines, and asks the shell to seal and open secrets. The
// service validates every input itself, exactly as it does inside a shell, so moving it here
// changes where it runs, not what it accepts. Plain Node: the browser shell's child process and
// the Electron shell's utility process run this same code (engine-process.ts, engine-utility.ts).
import type { SecretCipher } from '../core/accounts/secret-cipher';
import type { MailService, MailServiceOptions } from '../core/service-api';
import { toContractError } from './errors';
import type { EngineOptions, FromEngine, HostPort, ToEngine } from './engine-wire';

type CipherReply = Extract<ToEngine, { kind: 'cipher-reply' }>;
type OpenService = (options: MailServiceOptions) => Promise<MailService>;

/** The shell's cipher, reached by asking the shell: the keychain answers only in its process. */
class RemoteCipher implements SecretCipher {
  readonly id: SecretCipher['id'];
  readonly strength: SecretCipher['strength'];
  private next = 1;
  private readonly pending = new Map<number, (reply: CipherReply) => void>();

  constructor(
    info: EngineOptions['cipher'],
    private readonly port: HostPort,
  ) {
    this.id = info.id;
    this.strength = info.strength;
  }

  async encrypt(plain: string, accountId: string): Promise<Buffer> {
    const value = await this.ask((id) => ({ kind: 'cipher', id, op: 'encrypt', plain, accountId }));
    if (typeof value === 'string') throw new Error('The shell sealed a secret as text.');
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }

  async decrypt(sealed: Buffer, accountId: string, recorded: boolean): Promise<string> {
    const value = await this.ask((id) => ({
      kind: 'cipher',
      id,
      op: 'decrypt',
      sealed: new Uint8Array(sealed),
      accountId,
      recorded,
    }));
    if (typeof value !== 'string') throw new Error('The shell opened a secret as bytes.');
    return value;
  }

  receive(reply: CipherReply): void {
    const settle = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    settle?.(reply);
  }

  private ask(request: (id: number) => FromEngine): Promise<Uint8Array | string> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => (reply.ok ? resolve(reply.value) : reject(new Error(reply.message))));
      this.port.post(request(id));
    });
  }
}

export interface EngineHost {
  /** The shell went away without a close: the service closes (its queue stays on disk), then exit. */
  orphaned(): Promise<void>;
}

/**
 * Serves one MailService over `port`. `exit` is called once the service has closed and its
 * answer is posted (the process ends there).
 */
export function runEngineHost(port: HostPort, openService: OpenService, exit: () => void): EngineHost {
  let service: Promise<MailService> | null = null;
  let cipher: RemoteCipher | null = null;
  const post = (message: FromEngine) => port.post(message);
  const reply = (id: number, work: () => Promise<unknown>) => {
    work().then(
      (result) => post({ kind: 'reply', id, ok: true, result }),
      (error: unknown) => post({ kind: 'reply', id, ok: false, error: toContractError(error) }),
    );
  };
  const opened = () => {
    if (!service) throw new Error('The mail engine was not started.');
    return service;
  };

  port.onMessage((message) => {
    switch (message.kind) {
      case 'start': {
        if (service) return;
        const { cipher: cipherInfo, debug, ...options } = message.options;
        cipher = new RemoteCipher(cipherInfo, port);
        service = openService({
          ...options,
          cipher,
          log: (level, text, data) => {
            if (level !== 'debug' || debug) post({ kind: 'log', level, message: text, ...(data ? { data } : {}) });
          },
        });
        service.then(
          (s) => {
            s.onEvent((event, payload) => post({ kind: 'event', event, payload }));
            post({ kind: 'started' });
          },
          (error: unknown) => {
            post({ kind: 'start-failed', message: error instanceof Error ? error.message : String(error) });
            exit();
          },
        );
        return;
      }
      case 'call':
        return reply(message.id, async () => (await opened()).call(message.method as never, message.input));
      case 'settled':
        return reply(message.id, async () => (await opened()).settled());
      case 'close':
        return void (async () => {
          try {
            await (await opened()).close();
            post({ kind: 'reply', id: message.id, ok: true, result: undefined });
          } catch (error) {
            post({ kind: 'reply', id: message.id, ok: false, error: toContractError(error) });
          }
          exit();
        })();
      case 'cipher-reply':
        return cipher?.receive(message);
    }
  });

  return {
    async orphaned() {
      try {
        if (service) await (await service).close();
      } catch {
        // nobody is left to tell; what was queued stays on disk for the next start
      }
      exit();
    },
  };
}
