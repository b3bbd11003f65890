// When an account may open more connections for a first sync, and how they log in.
//
// Servers allow several connections per user (Dovecot: 10 per user and address by default,
// mail_max_userip_connections); the account already holds up to four (work, IDLE, bodies,
// server search), so at most MAX_EXTRA more are opened. They are an optimisation and never a
// source of trouble: they are opened only from a sync on a logged-in work connection (a wrong
// password never gets this far) and never while the account shows a refused password; and the
// first one that fails to log in, or is cut mid-sync, ends them for the account until the app
// starts again: one connection does all the work from then on, and nothing logs in again in a
// loop. A pinned certificate is checked by a function, which cannot cross into a thread: such
// an account syncs over its one connection.
import { availableParallelism } from 'node:os';
import type { FetchQueryObject } from 'imapflow';
import type { ServerSettings } from '../../../../shared/domain';
import type { CoreLog } from '../../net/log';
import { tlsConnectOptions, type PinLookup } from '../../net/tls-options';
import { securityOptions, type ImapCredentials } from '../client-factory';
import type { ExtraFetch } from './context';
import { FetchThread, type FetchThreadOptions } from './fetch-thread';

/** Never more: the server's limit is per user, and the account's other connections count. */
export const MAX_EXTRA = 3;

/**
 * Extra connections by default: one per two cores (each connection's thread parses on a core of
 * its own, while the main thread, the writer thread and a local server's processes need theirs),
 * at least one, at most MAX_EXTRA: 1 on 2-3 cores, 2 on 4-5, 3 from 6 (README, "Header sync").
 */
export function defaultExtraConnections(cores = availableParallelism()): number {
  return Math.min(MAX_EXTRA, Math.max(1, Math.floor(cores / 2)));
}
/** Messages left below which the rest of a first sync is not split: a login would cost more. */
export const SPLIT_MIN_MESSAGES = 5_000;

export interface ExtraConnectionDeps {
  server: ServerSettings;
  credentials(): Promise<ImapCredentials>;
  trustedCa?: readonly string[];
  pins?: PinLookup;
  allowPlaintext?: boolean;
  /** False while the account shows a refused password: nothing new logs in then. */
  mayLogIn(): boolean;
  /** Extra connections wanted (MailServiceOptions.syncConnections - 1); capped at MAX_EXTRA. */
  connections: number;
  minMessages?: number;
  log?: CoreLog;
}

export class ExtraConnections {
  private ended: string | null = null;

  constructor(private readonly deps: ExtraConnectionDeps) {}

  /** What a sync is given (context.ts), or undefined: one connection. */
  forSync(): ExtraFetch | undefined {
    const connections = Math.min(MAX_EXTRA, Math.max(0, Math.floor(this.deps.connections)));
    if (connections === 0 || this.ended) return undefined;
    return {
      connections,
      minMessages: this.deps.minMessages ?? SPLIT_MIN_MESSAGES,
      open: (path, uidValidity, query) => this.open(path, uidValidity, query),
      log: (message) => this.stop(message),
    };
  }

  private async open(path: string, uidValidity: string, query: FetchQueryObject): Promise<FetchThread | null> {
    if (this.ended || !this.deps.mayLogIn()) return null;
    const { server } = this.deps;
    if (this.deps.pins?.(server.host, server.port)) return null;
    try {
      const options = await this.threadOptions();
      const thread = await FetchThread.open(options, query, path, uidValidity);
      this.deps.log?.('info', `${server.host}: extra sync connection opened for ${path}`);
      return thread;
    } catch (error) {
      this.stop(`extra sync connection not opened: ${(error as Error).message}`);
      return null;
    }
  }

  /** No more extra connections for this account (until the app starts again). */
  private stop(reason: string): void {
    this.ended ??= reason;
    this.deps.log?.('warn', `${this.deps.server.host}: ${reason}; syncing over one connection`);
  }

  private async threadOptions(): Promise<FetchThreadOptions> {
    const { server } = this.deps;
    const security = securityOptions(server, this.deps.allowPlaintext);
    const credentials = await this.deps.credentials();
    return {
      host: server.host,
      port: server.port,
      secure: security.secure ?? false,
      doSTARTTLS: security.doSTARTTLS ?? false,
      auth:
        'accessToken' in credentials
          ? { user: credentials.username, accessToken: credentials.accessToken }
          : { user: credentials.username, pass: credentials.password },
      tls: tlsConnectOptions(server, { trustedCa: this.deps.trustedCa }),
      connectionTimeout: 15_000,
      greetingTimeout: 10_000,
    };
  }
}
