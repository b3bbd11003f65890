// What the shells (Electron main, the browser shell, tests) hold: one object that answers
// every method of the contract and emits its events. It validates every input itself, so no
// caller can hand the engine an argument the contract does not allow.
import type { EventName, EventPayload, MethodName, MethodResult } from '../../shared/contract';
import type { SecretCipher } from './accounts/secret-cipher';
import type { BackoffOptions, ReconnectPolicy } from './net/backoff';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface MailService {
  /** Validates `input` against the contract, then runs the method. Rejects with a ServiceError. */
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodResult<M>>;
  onEvent(listener: EventListener): () => void;
  /** Resolves once no account has anything queued or syncing (tests, and shutdown). */
  settled(): Promise<void>;
  /** Stops every connection and closes the database; pending operations stay queued on disk. */
  close(): Promise<void>;
}

export interface MailServiceOptions {
  /** The profile folder: mail.db and the key file live here. */
  dataDir: string;
  /**
   * Where OAuth2 client ids come from (MAIL_OAUTH_<PROVIDER>_CLIENT_ID, see
   * accounts/auth/oauth-clients.ts): the shells pass their environment. Without it no provider
   * is configured and the wizard offers passwords only.
   */
  oauthEnv?: Readonly<Record<string, string | undefined>>;
  cipher: SecretCipher;
  /** Extra trusted CA certificates (PEM), e.g. a test server's; the system store still applies. */
  trustedCa?: string[];
  /** Seconds between STATUS checks of unwatched mailboxes, unless an account says otherwise. */
  defaultSyncIntervalSeconds?: number;
  /**
   * Local files a compose may attach by path: only those the user picked in the shell's own file
   * dialog or dropped. Default none: the renderer sends attachment bytes, so a compromised
   * renderer cannot mail out arbitrary files.
   */
  mayReadFile?: (path: string) => boolean;
  /** Do not connect at start (a test of offline start-up, or a shell that connects later). */
  offline?: boolean;
  /**
   * Download the bodies of recent mail in the background (offline-bodies-job.ts); on unless
   * false. Tests that count what goes over the wire, and the bench's other figures, turn it off.
   */
  offlineBodies?: boolean;
  /**
   * IMAP connections a large first sync may use, the work connection included (default: one
   * more per two cores, 2 to 4; at most 4; 1: one connection). See imap/sync/extra-connections.ts.
   */
  syncConnections?: number;
  /** Messages a first sync must still have to fetch before it splits them (tests lower it). */
  splitMinMessages?: number;
  /** How dropped IMAP connections come back; the default suits real servers, tests shorten it. */
  reconnect?: ReconnectPolicy;
  /** Backoff of a queued action the server refused for now; tests shorten it. */
  opRetry?: BackoffOptions;
  log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>) => void;
}
