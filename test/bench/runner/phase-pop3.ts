// p: the first POP3 download of a 10,000-message mailbox (UIDL, the newest screenfuls' headers
// with TOP, every whole message with RETR, all stored in a fresh profile) against a bare POP3 download of the
// same mailbox (UIDL, LIST and RETR of every message, kept in memory only) with the same client
// and the same pipelining (pop3-pipeline.ts, the engine's window for RETR, by count and LIST's sizes). The ratio bare / engine says what storing costs; the goal is at
// least 0.8. Rounds alternate bare and engine, after one unmeasured bare run that lets Dovecot
// build its index and cache, so both meet the same warm server; the median ratio is reported.
// It runs in the bench's main process: what is measured is time, not memory. The note says where
// each side's CPU went (engine/thread-time.ts): the main thread, which takes the replies, and the
// process's other threads (the engine's POP3 writer thread above all).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tlsConnectOptions } from '../../../electron/core/net/tls-options';
import { Pop3Account } from '../../../electron/core/pop3/pop3-account';
import { Pop3Client } from '../../../electron/core/pop3/pop3-client';
import { bodyWindow, HEADERS_FIRST } from '../../../electron/core/pop3/pop3-download';
import { pipeline } from '../../../electron/core/pop3/pop3-pipeline';
import { Store } from '../../../electron/core/store/store';
import { populateMailbox } from '../../mailserver/populate';
import { createMailUser } from '../../support/mail-users';
import { startTimeSplit, type TimeSplit } from '../engine/thread-time';
import { atLeast, info } from '../report/figures';
import { median } from '../report/stats';
import type { BenchContext } from './context';
import { log } from './log';

export const POP3_MESSAGES = 10_000;
const ROUNDS = 3;

export const POP3_FIGURES = [
  {
    id: 'p',
    label: `First POP3 download of ${POP3_MESSAGES.toLocaleString('en-US')} messages vs a bare POP3 download (rate ratio, median)`,
    target: '≥ 0.80',
  },
  { id: 'p-engine', label: 'First POP3 download into a fresh profile (median)', target: '—' },
  { id: 'p-bare', label: 'Bare POP3 download of the same mailbox (median)', target: '—' },
];

export async function measurePop3(ctx: BenchContext): Promise<void> {
  const { server } = ctx.bed;
  const user = await createMailUser(server, 'pop3bench');
  log(`p: writing ${POP3_MESSAGES.toLocaleString('en-US')} messages into a POP3 user's INBOX`);
  await populateMailbox(server, user, { count: POP3_MESSAGES });
  const connect = async () => {
    const client = await Pop3Client.connect({
      host: server.host,
      port: server.ports.pop3s,
      security: 'tls',
      tls: tlsConnectOptions({ host: server.host, port: server.ports.pop3s }, { trustedCa: [server.caPem] }),
    });
    await client.login(user.address, user.password);
    return client;
  };

  /** Where each measured download's time went, by side. */
  const splits: Record<'bare' | 'engine', TimeSplit[]> = { bare: [], engine: [] };

  const bare = async (): Promise<number> => {
    const started = performance.now();
    const split = startTimeSplit();
    const client = await connect();
    const [listing, sizes] = await Promise.all([client.uidl(), client.list()]);
    let bytes = 0;
    await pipeline(
      listing,
      bodyWindow(client, sizes),
      (l) => client.retr(l.number),
      (_, raw) => (bytes += raw.length),
    );
    await client.quit();
    splits.bare.push(split());
    if (listing.length !== POP3_MESSAGES) throw new Error(`bare download saw ${listing.length} messages`);
    return bytes > 0 ? performance.now() - started : Number.NaN;
  };

  const engine = async (): Promise<number> => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mail-bench-pop3-'));
    const store = Store.open(dir);
    try {
      const row = store.accounts.insert(
        {
          name: 'POP3 bench',
          email: user.address,
          displayName: 'Bench',
          username: user.address,
          imap: { host: server.host, port: server.ports.pop3s, security: 'tls' },
          smtp: { host: server.host, port: server.ports.submission, security: 'starttls' },
          protocol: 'pop3',
        },
        Buffer.from('x'),
      );
      const account = new Pop3Account({
        accountId: row.id,
        repo: store.pop3,
        username: user.address,
        password: async () => user.password,
        tls: tlsConnectOptions({ host: server.host, port: server.ports.pop3s }, { trustedCa: [server.caPem] }),
      });
      const started = performance.now();
      const split = startTimeSplit();
      const state = await account.check();
      const ms = performance.now() - started;
      splits.engine.push(split());
      if (state.state !== 'done') throw new Error(`the POP3 download ended in ${JSON.stringify(state)}`);
      if (state.result.bodies !== POP3_MESSAGES) throw new Error(`the download stored ${state.result.bodies} messages`);
      return ms;
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };

  log('p: one unmeasured bare download (Dovecot builds its cache)');
  await bare();
  splits.bare = [];
  const bares: number[] = [];
  const engines: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const b = await bare();
    const e = await engine();
    bares.push(b);
    engines.push(e);
    ratios.push(b / e);
    log(`p: round ${round + 1}: bare ${(b / 1000).toFixed(2)} s, engine ${(e / 1000).toFixed(2)} s`);
  }
  ctx.details.pop3 = { bares, engines, ratios, splits };
  /** Median CPU of each side's main thread and of its other threads, and its wait for a CPU. */
  const cpu = (side: TimeSplit[]) => {
    const ms = (pick: (s: TimeSplit) => number) => median(side.map(pick)).toFixed(0);
    return `main thread ${ms((s) => s.cpuMs)} ms, other threads ${ms((s) => s.processCpuMs - s.cpuMs)} ms, waiting for a CPU ${ms((s) => s.runQueueMs)} ms`;
  };
  const [ratio, engineRow, bareRow] = POP3_FIGURES;
  ctx.figures.push(
    atLeast({
      id: ratio!.id,
      label: ratio!.label,
      value: median(ratios),
      unit: 'ratio',
      limit: 0.8,
      note:
        `rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}; the engine also fetches the newest ${HEADERS_FIRST} headers first (TOP n 0); ` +
        `CPU (medians): engine ${cpu(splits.engine)}; bare ${cpu(splits.bare)}`,
    }),
    info({ id: engineRow!.id, label: engineRow!.label, value: median(engines), unit: 'ms' }),
    info({ id: bareRow!.id, label: bareRow!.label, value: median(bares), unit: 'ms' }),
  );
}
