// Which messages the offline-bodies job still has to download, and each account's period.
// The work left is simply "messages of the period without a stored body", so the job resumes
// wherever it stopped, after a pause or a restart, with nothing of its own to keep.
import type { AccountId, MessageId } from '../../../shared/domain';
import type { Db } from './database';

export type OfflinePeriodSetting = 'off' | '30' | '90' | '365' | 'all';
const DEFAULT_PERIOD: OfflinePeriodSetting = '90';
const DAY_MS = 86_400_000;

/** The oldest date a period covers (ms), null for all mail, undefined for none. */
export function periodCutoff(period: OfflinePeriodSetting, now: number): number | null | undefined {
  if (period === 'off') return undefined;
  if (period === 'all') return null;
  return now - Number(period) * DAY_MS;
}

// Messages with a UID (a local move waiting for COPYUID has none) of the account's folders, in
// the period, newest first.
const IN_PERIOD = `FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id
  WHERE b.account_id = @accountId AND m.uid IS NOT NULL AND (@cutoff IS NULL OR m.date >= @cutoff)`;
const NO_BODY = 'NOT EXISTS (SELECT 1 FROM message_bodies mb WHERE mb.message_id = m.id)';

export class OfflineBodiesRepo {
  constructor(private readonly db: Db) {}

  period(accountId: AccountId): OfflinePeriodSetting {
    const row = this.db.prepare('SELECT period FROM offline_bodies WHERE account_id = ?').pluck().get(accountId) as
      OfflinePeriodSetting | undefined;
    return row ?? DEFAULT_PERIOD;
  }

  setPeriod(accountId: AccountId, period: OfflinePeriodSetting): void {
    this.db
      .prepare(
        'INSERT INTO offline_bodies (account_id, period) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET period = excluded.period',
      )
      .run(accountId, period);
  }

  /** The next messages to download, newest first, leaving out `skip` (ones that failed this session). */
  missing(accountId: AccountId, cutoff: number | null, limit: number, skip: ReadonlySet<MessageId>): MessageId[] {
    const ids = this.db
      .prepare(`SELECT m.id ${IN_PERIOD} AND ${NO_BODY} ORDER BY m.date DESC, m.id DESC LIMIT @limit`)
      .pluck()
      .all({ accountId, cutoff, limit: limit + skip.size }) as MessageId[];
    return ids.filter((id) => !skip.has(id)).slice(0, limit);
  }

  /** Messages in the period, and how many of them have their body stored. */
  progress(accountId: AccountId, cutoff: number | null): { done: number; total: number } {
    return this.db
      .prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(NOT ${NO_BODY}), 0) AS done ${IN_PERIOD}`)
      .get({ accountId, cutoff }) as { done: number; total: number };
  }
}
