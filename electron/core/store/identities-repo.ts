// The identities table: an account's other From addresses, with name, signature and where the
// signature goes in a reply (NULL: where the account puts its own) each.
import type { Identity } from '../../../shared/contract-identities';
import type { AccountId } from '../../../shared/domain';
import type { Db } from './database';

interface IdentityRow {
  id: number;
  account_id: string;
  email: string;
  name: string;
  signature: string;
  signature_placement: string | null;
}

const toIdentity = (row: IdentityRow): Identity => ({
  id: row.id,
  accountId: row.account_id,
  email: row.email,
  name: row.name,
  signature: row.signature,
  signaturePlacement:
    row.signature_placement === 'above' || row.signature_placement === 'below' ? row.signature_placement : null,
});

export class IdentitiesRepo {
  constructor(private readonly db: Db) {}

  list(accountId?: AccountId): Identity[] {
    const rows = (
      accountId === undefined
        ? this.db.prepare('SELECT * FROM identities ORDER BY account_id, id').all()
        : this.db.prepare('SELECT * FROM identities WHERE account_id = ? ORDER BY id').all(accountId)
    ) as IdentityRow[];
    return rows.map(toIdentity);
  }

  save(identity: Omit<Identity, 'id'> & { id?: number }): Identity {
    const placement = identity.signaturePlacement;
    const row = (
      identity.id === undefined
        ? this.db
            .prepare(
              `INSERT INTO identities (account_id, email, name, signature, signature_placement) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (account_id, email) DO UPDATE SET name = excluded.name, signature = excluded.signature,
                 signature_placement = excluded.signature_placement
               RETURNING *`,
            )
            .get(identity.accountId, identity.email, identity.name, identity.signature, placement)
        : this.db
            .prepare(
              `UPDATE identities SET email = ?, name = ?, signature = ?, signature_placement = ?
               WHERE id = ? AND account_id = ? RETURNING *`,
            )
            .get(identity.email, identity.name, identity.signature, placement, identity.id, identity.accountId)
    ) as IdentityRow | undefined;
    if (!row) throw new Error('The identity was not found.');
    return toIdentity(row);
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM identities WHERE id = ?').run(id);
  }
}
