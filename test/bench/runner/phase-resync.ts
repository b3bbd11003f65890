// c: resync of the unchanged INBOX on the running engine, then — with the engine closed — another
// device flags 1% of the messages and adds 100, and the engine is opened again on the profile:
// how long until all of it is in the store, beside the bare protocol cost of the same delta.
// c2 is the median of RESYNC_ROUNDS such rounds (each a fresh 1% and 100 more), engine and bare
// taking turns at going first, so neither always meets the server the other just warmed.
import { atMost, info } from '../report/figures';
import { median } from '../report/stats';
import type { BenchContext } from './context';
import { unflaggedUids } from './db-size';
import { log } from './log';
import { untilQuiet } from './process-quiet';

export const RESYNC_FIGURES = [
  { id: 'c1', label: 'Resync of the unchanged INBOX (median of 5)', target: '≤ 300 ms' },
  { id: 'c2', label: 'Reopen + resync after 1% flag changes and 100 new messages', target: '≤ bare (c3)' },
] as const;

const NEW_MESSAGES = 100;
/** A single reopen moved by ±30 % between runs on this shared machine: the median of three. */
const RESYNC_ROUNDS = 3;

export async function measureResync(ctx: BenchContext): Promise<void> {
  const { server, user } = ctx.bed;
  const size = ctx.args.size;
  log('c: resync of the unchanged INBOX');
  const unchanged = await ctx.engine.call('resyncUnchanged', { repeats: 5 });
  ctx.figures.push(
    atMost({
      id: 'c1',
      label: `Resync of the unchanged INBOX, ${size.toLocaleString('en-US')} messages (median of 5)`,
      value: median(unchanged),
      unit: 'ms',
      limit: 300,
      note: `mailboxes.open → settled(), engine online; samples ${unchanged.map((x) => x.toFixed(0)).join(', ')} ms`,
    }),
  );

  const rounds = [];
  const quietMs: number[] = [];
  for (let round = 0; round < RESYNC_ROUNDS; round++) {
    log(`c: round ${round + 1}: another device flags 1% and adds 100 messages while the engine is closed`);
    await ctx.engine.call('closeEngine', undefined);
    const flagUids = unflaggedUids(ctx.profileDir, Math.round(size / 100));
    const made = await ctx.other.call('makeChanges', { server, user, flagUids, newMessages: NEW_MESSAGES });
    const changes = { ...made, serverSettleMs: await ctx.other.call('settleServer', { server, user }) };
    const reopen = async () => {
      log(`c: round ${round + 1}: reopening the engine on the profile`);
      const result = await ctx.engine.call('resyncChanged', {
        dataDir: ctx.profileDir,
        expectedTotal: size + NEW_MESSAGES * (round + 1),
        flaggedUids: flagUids,
      });
      // what the engine does after its resync (threading, indexing) is not the bare side's to share
      quietMs.push(await untilQuiet(ctx.engine.pid));
      return result;
    };
    const bare = () =>
      ctx.other.call('deltaFetch', {
        server,
        user,
        modseqBefore: changes.modseqBefore,
        uidNextBefore: changes.uidNextBefore,
      });
    const engineFirst = round % 2 === 0;
    const first = engineFirst ? await reopen() : await bare();
    const second = engineFirst ? await bare() : await reopen();
    const changed = (engineFirst ? first : second) as Awaited<ReturnType<typeof reopen>>;
    const delta = (engineFirst ? second : first) as Awaited<ReturnType<typeof bare>>;
    rounds.push({ engineFirst, changes, changed, delta });
  }
  const engineMs = median(rounds.map((r) => r.changed.reflectedMs));
  const bareMs = median(rounds.map((r) => r.delta.ms));
  const onlineMs = median(rounds.map((r) => r.changed.onlineMs ?? Number.NaN));
  const settleMs = median(rounds.map((r) => r.changes.serverSettleMs));
  const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  const last = rounds[rounds.length - 1]!;
  ctx.figures.push(
    // the target: no slower than a bare client doing the same delta, at every size (the engine
    // also opens its store and lists the folders, but waits for nothing that grows with them)
    atMost({
      id: 'c2',
      label: `Reopen + resync after ${last.changes.flagged} flag changes and ${NEW_MESSAGES} new messages (open → all in store, median of ${RESYNC_ROUNDS})`,
      value: engineMs,
      unit: 'ms',
      limit: bareMs,
      note:
        `rounds ${ms(rounds.map((r) => r.changed.reflectedMs))} ms (engine first in rounds 1 and 3); ` +
        `open → online ${onlineMs.toFixed(0)} ms of it (the store's open and the engine's start, before the ` +
        `connection begins: ${ms(rounds.map((r) => r.changed.openedMs))} ms); the same delta over a bare imapflow ` +
        `connection (connect, SELECT, FETCH FLAGS CHANGEDSINCE, FETCH of the ${last.delta.newMessages} new): ` +
        `${ms(rounds.map((r) => r.delta.ms))} ms; main-thread CPU engine / bare: ` +
        `${rounds.map((r) => `${r.changed.reflectedTime.cpuMs.toFixed(0)}/${r.delta.time.cpuMs.toFixed(0)}`).join(', ')} ms ` +
        `(run queue ${rounds.map((r) => `${r.changed.reflectedTime.runQueueMs.toFixed(0)}/${r.delta.time.runQueueMs.toFixed(0)}`).join(', ')} ms); before either, an unmeasured EXAMINE paid the server's rescan ` +
        `of the changed Maildir: ${settleMs.toFixed(0)} ms (median); after each reopen the engine's ` +
        `background work ran out before the next step: ${ms(quietMs)} ms`,
    }),
    info({ id: 'c3', label: 'Bare imapflow: the same delta (connect → done)', value: bareMs, unit: 'ms' }),
  );
  ctx.details.resync = { unchanged, rounds };
}
