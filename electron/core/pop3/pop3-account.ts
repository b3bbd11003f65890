// One POP3 account's checks for mail: a session at a time (connect, log in, download, QUIT),
// and what the last one ended in. The failures that only the user can fix stop further sessions:
// a refused password is tried once, never again until a new one is given (a provider counts each
// refusal and many lock the account), and a server without STLS is never sent the password.
// A mailbox locked by another POP3 session ([IN-USE]) and a temporary server problem are only
// reported; the next check tries again.
import type { AccountId, MessageId } from '../../../shared/domain';
import { classifyTlsFailure } from '../net/tls-failure';
import type { Pop3Options, Pop3Repo, Pop3Server } from '../store/pop3-repo';
import { Pop3Client, Pop3Error, type Pop3ConnectOptions } from './pop3-client';
import { downloadMailbox, type Pop3DownloadResult, type Pop3Progress } from './pop3-download';

export type Pop3CheckState =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'done'; result: Pop3DownloadResult; at: number }
  /** Only the user can fix it: no session starts until they do (passwordChanged). */
  | { state: 'auth-failed'; message: string }
  | { state: 'no-tls'; message: string }
  /** Temporary: another session holds the mailbox, the server is busy, or the network is away. */
  | { state: 'in-use' | 'temporary' | 'offline'; message: string };

export interface Pop3AccountDeps {
  accountId: AccountId;
  repo: Pop3Repo;
  username: string;
  password(): Promise<string>;
  /** TLS options for the server (trust store, pins). */
  tls: Pop3ConnectOptions['tls'];
  allowPlaintext?: boolean;
  timeoutMs?: number;
  now?(): number;
  progress?(progress: Pop3Progress): void;
  stored?(ids: MessageId[]): void;
  stateChanged?(state: Pop3CheckState): void;
}

export class Pop3Account {
  private current: Pop3CheckState = { state: 'idle' };
  private running: Promise<Pop3CheckState> | null = null;

  constructor(private readonly deps: Pop3AccountDeps) {}

  get state(): Pop3CheckState {
    return this.current;
  }

  /** Checks for mail now (joins a check already running). Never throws: the outcome is the state. */
  check(): Promise<Pop3CheckState> {
    this.running ??= this.session().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves once no check is running. */
  async settled(): Promise<void> {
    await this.running;
  }

  /** The user gave a new password (or fixed the security): sessions may start again. */
  passwordChanged(): void {
    if (this.current.state === 'auth-failed' || this.current.state === 'no-tls') this.set({ state: 'idle' });
  }

  private async session(): Promise<Pop3CheckState> {
    if (this.current.state === 'auth-failed' || this.current.state === 'no-tls') return this.current;
    const { repo, accountId } = this.deps;
    const account = repo.account(accountId);
    if (!account) throw new Error(`Account ${accountId} is not a POP3 account.`);
    this.set({ state: 'checking' });
    let client: Pop3Client | null = null;
    try {
      client = await Pop3Client.connect(this.connectOptions(account));
      await client.login(this.deps.username, await this.deps.password());
      const result = await downloadMailbox(client, {
        accountId,
        repo,
        options: account.options satisfies Pop3Options,
        now: this.deps.now ?? Date.now,
        progress: this.deps.progress,
        stored: this.deps.stored,
      });
      return this.set({ state: 'done', result, at: (this.deps.now ?? Date.now)() });
    } catch (error) {
      client?.close();
      return this.set(failureState(error));
    }
  }

  private connectOptions(server: Pop3Server): Pop3ConnectOptions {
    return {
      host: server.host,
      port: server.port,
      security: server.security,
      tls: this.deps.tls,
      allowPlaintext: this.deps.allowPlaintext,
      timeoutMs: this.deps.timeoutMs,
    };
  }

  private set(state: Pop3CheckState): Pop3CheckState {
    this.current = state;
    this.deps.stateChanged?.(state);
    return state;
  }
}

function failureState(error: unknown): Pop3CheckState {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Pop3Error) {
    switch (error.kind) {
      case 'auth':
        return { state: 'auth-failed', message };
      case 'no-tls':
        return { state: 'no-tls', message };
      case 'in-use':
        return {
          state: 'in-use',
          message: 'Another program is reading this mailbox over POP3 right now. Mail will try again shortly.',
        };
      default:
        return { state: 'temporary', message };
    }
  }
  // an untrusted certificate or a failed handshake is not the network's: retrying will not help
  if (classifyTlsFailure(error)) return { state: 'no-tls', message };
  return { state: 'offline', message };
}
