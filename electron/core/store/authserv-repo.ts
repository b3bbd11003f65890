// The authserv-id the user set for an account (shared/contract-authserv.ts); no row: learned.
import type { AccountId } from '../../../shared/domain';
import type { Db } from './database';

export class AuthservRepo {
  constructor(private readonly db: Db) {}

  get(accountId: AccountId): string | null {
    const row = this.db
      .prepare('SELECT authserv_id FROM account_authserv_ids WHERE account_id = ?')
      .pluck()
      .get(accountId);
    return (row as string | undefined) ?? null;
  }

  set(accountId: AccountId, authservId: string | null): void {
    if (authservId === null) this.db.prepare('DELETE FROM account_authserv_ids WHERE account_id = ?').run(accountId);
    else
      this.db
        .prepare(
          `INSERT INTO account_authserv_ids (account_id, authserv_id) VALUES (?, ?)
           ON CONFLICT (account_id) DO UPDATE SET authserv_id = excluded.authserv_id`,
        )
        .run(accountId, authservId);
  }
}
