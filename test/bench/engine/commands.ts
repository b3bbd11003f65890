// What the bench worker can be asked to do. One engine session at most per worker process, so
// the worker's resident memory is that engine's.
import { performance } from 'node:perf_hooks';
import type { MailServerInfo, MailUser } from '../../mailserver/types';
import { bareFetch, deltaFetch } from './bare-fetch';
import { openBodies, prewarmNewest } from './bodies';
import { openSession, type EngineSession } from './engine-session';
import { engineSync } from './engine-sync';
import { makeChanges, settleServer } from './other-device';
import { resyncChanged, resyncUnchanged } from './resync';
import { searchQueries } from './search';
import { serverSearchQueries } from './server-search';
import { bareBodyFetch, offlineBodiesRate } from './offline-bodies';
import { windowQueries } from './window';

let session: EngineSession | null = null;

function current(): EngineSession {
  if (!session) throw new Error('no engine is open in this worker');
  return session;
}

export const commands = {
  bareFetch,
  deltaFetch,
  makeChanges,
  settleServer,
  windowQueries,
  searchQueries,
  offlineBodiesRate,
  bareBodyFetch,

  async engineSync(input: {
    server: MailServerInfo;
    user: MailUser;
    dataDir: string;
    expected: number;
    timeoutMs: number;
    /** IMAP connections the first sync may use; absent: the engine's default. */
    syncConnections?: number;
  }) {
    if (session) throw new Error('an engine is open already');
    session = await openSession(input.dataDir, { syncConnections: input.syncConnections });
    return engineSync(session, input);
  },

  resyncUnchanged: (input: { repeats: number }) => resyncUnchanged(current(), input),

  async resyncChanged(input: Parameters<typeof resyncChanged>[0]) {
    if (session) throw new Error('an engine is open already');
    return resyncChanged(input, (opened) => (session = opened));
  },

  openBodies: (input: { count: number }) => openBodies(current(), input),
  prewarmNewest: (input: { count: number }) => prewarmNewest(current(), input),
  serverSearchQueries: (input: { queries: readonly string[] }) => serverSearchQueries(current(), input),

  /** The engine's own view of its memory, beside the RSS the runner reads from /proc. */
  async memory() {
    const usage = process.memoryUsage();
    return { rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external };
  },

  async closeEngine() {
    const open = session;
    session = null;
    const t0 = performance.now();
    if (open) await open.close();
    return { ms: performance.now() - t0 };
  },
};

export type Commands = typeof commands;
export type CommandName = keyof Commands;
