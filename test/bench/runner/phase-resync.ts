// c: resync of the unchanged INBOX on the running engine, then — with the engine closed — another
// device flags 1% of the messages and adds 100, and the engine is opened again on the profile:
// how long until all of it is in the store, beside the bare protocol cost of the same delta.
import { atMost, info } from '../report/figures';
import { median } from '../report/stats';
import type { BenchContext } from './context';
import { unflaggedUids } from './db-size';
import { log } from './log';

export const RESYNC_FIGURES = [
  { id: 'c1', label: 'Resync of the unchanged INBOX (median of 5)', target: '≤ 300 ms' },
  { id: 'c2', label: 'Reopen + resync after 1% flag changes and 100 new messages', target: '≤ bare (c3)' },
] as const;

const NEW_MESSAGES = 100;

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

  log('c: another device flags 1% and adds 100 messages while the engine is closed');
  await ctx.engine.call('closeEngine', undefined);
  const flagUids = unflaggedUids(ctx.profileDir, Math.round(size / 100));
  const made = await ctx.other.call('makeChanges', { server, user, flagUids, newMessages: NEW_MESSAGES });
  const changes = { ...made, serverSettleMs: await ctx.other.call('settleServer', { server, user }) };
  log('c: reopening the engine on the profile');
  const changed = await ctx.engine.call('resyncChanged', {
    dataDir: ctx.profileDir,
    expectedTotal: size + NEW_MESSAGES,
    flaggedUids: flagUids,
  });
  const delta = await ctx.other.call('deltaFetch', {
    server,
    user,
    modseqBefore: changes.modseqBefore,
    uidNextBefore: changes.uidNextBefore,
  });
  ctx.figures.push(
    // the target: no slower than a bare client doing the same delta, at every size (the engine
    // also opens its store and lists the folders, but waits for nothing that grows with them)
    atMost({
      id: 'c2',
      label: `Reopen + resync after ${changes.flagged} flag changes and ${NEW_MESSAGES} new messages (open → all in store)`,
      value: changed.reflectedMs,
      unit: 'ms',
      limit: delta.ms,
      note:
        `connect + login ${changed.onlineMs?.toFixed(0) ?? '?'} ms of it; the same delta over a bare imapflow ` +
        `connection (connect, SELECT, FETCH FLAGS CHANGEDSINCE, FETCH of the ${delta.newMessages} new): ${delta.ms.toFixed(0)} ms; ` +
        `before either, an unmeasured EXAMINE paid the server's rescan of the changed Maildir: ${changes.serverSettleMs.toFixed(0)} ms`,
    }),
    info({ id: 'c3', label: 'Bare imapflow: the same delta (connect → done)', value: delta.ms, unit: 'ms' }),
  );
  ctx.details.resync = { unchanged, changes, changed, delta };
}
