// The accounts' states as the window holds them: 'account.status' events, and now and then a
// snapshot read from the engine (accounts.status). A snapshot may be read before an event and
// answered after it: the add-account path reads one when the account appears, while the account
// is still connecting, and the 'online' event could come between the engine's answers to
// accounts.status and accounts.list. Set as it came, that snapshot put the account back to
// "Connecting…" for good (nothing changes a healthy account's state again). So a state heard
// after the read began is kept over the snapshot's.
import type { AccountId, AccountStatus } from '../../shared/domain';

export class StatusSnapshots {
  private heardCount = 0;
  private readonly heard = new Map<AccountId, { status: AccountStatus; at: number }>();

  /** An 'account.status' event. */
  hear(status: AccountStatus): void {
    this.heard.set(status.accountId, { status, at: ++this.heardCount });
  }

  /** Before a snapshot is read: what `merge` is given with it. */
  mark(): number {
    return this.heardCount;
  }

  /** The snapshot read after `mark`, with each state heard since then in place of the snapshot's. */
  merge(snapshot: readonly AccountStatus[], mark: number): Map<AccountId, AccountStatus> {
    const statuses = new Map(snapshot.map((status) => [status.accountId, status]));
    for (const [accountId, { status, at }] of this.heard) {
      if (at > mark && statuses.has(accountId)) statuses.set(accountId, status);
    }
    return statuses;
  }
}
