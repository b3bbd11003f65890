// The contacts table (migration: composer): one row per address, counting the messages the
// user wrote to it and received from it, plus what the user set (a name, "added", "removed").
// A removed contact keeps its row so harvesting the same mail again does not bring it back.
import type { Contact } from '../../../shared/contract-contacts';
import type { Db } from './database';

interface ContactRow {
  address: string;
  name: string;
  written_count: number;
  last_written_at: number;
  seen_count: number;
  last_seen_at: number;
  added_by_user: number;
}

function toContact(row: ContactRow): Contact {
  return {
    address: row.address,
    name: row.name,
    writtenCount: row.written_count,
    lastWrittenAt: row.last_written_at,
    seenCount: row.seen_count,
    lastSeenAt: row.last_seen_at,
    addedByUser: row.added_by_user === 1,
  };
}

/** One message's worth of an address: written to (in Sent) or heard from (elsewhere). */
export interface Sighting {
  address: string;
  name: string;
  kind: 'written' | 'seen';
  at: number;
}

/** A message of the cache as the harvest reads it. */
export interface HarvestRow {
  id: number;
  accountId: string;
  role: string | null;
  date: number;
  from: string;
  to: string;
  cc: string;
}

export class ContactsRepo {
  constructor(private readonly db: Db) {}

  /** Messages after the harvest's cursor, oldest id first, with their folder's role. */
  unharvested(limit: number): HarvestRow[] {
    return this.db
      .prepare(
        `SELECT m.id, b.account_id AS accountId, b.role, m.date, m.from_json AS "from", m.to_json AS "to", m.cc_json AS cc
           FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id
          WHERE m.id > (SELECT last_message_id FROM contacts_harvest WHERE id = 1)
          ORDER BY m.id LIMIT ?`,
      )
      .all(limit) as HarvestRow[];
  }

  /** Counts the sightings and moves the cursor past `lastId`, in one transaction. */
  record(sightings: readonly Sighting[], lastId: number): void {
    const written = this.db.prepare(
      `INSERT INTO contacts (address, name, written_count, last_written_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (address) DO UPDATE SET written_count = written_count + 1,
         last_written_at = MAX(last_written_at, excluded.last_written_at),
         name = CASE WHEN added_by_user = 1 OR excluded.name = '' THEN name ELSE excluded.name END`,
    );
    const seen = this.db.prepare(
      `INSERT INTO contacts (address, name, seen_count, last_seen_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (address) DO UPDATE SET seen_count = seen_count + 1,
         last_seen_at = MAX(last_seen_at, excluded.last_seen_at),
         name = CASE WHEN added_by_user = 1 OR excluded.name = '' OR name <> '' THEN name ELSE excluded.name END`,
    );
    this.db.transaction(() => {
      for (const s of sightings) (s.kind === 'written' ? written : seen).run(s.address, s.name, s.at);
      this.db.prepare('UPDATE contacts_harvest SET last_message_id = MAX(last_message_id, ?) WHERE id = 1').run(lastId);
    })();
  }

  /** Candidates whose name or address contains `fragment` (the caller ranks and matches words). */
  candidates(fragment: string, limit: number): Contact[] {
    const like = `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (
      this.db
        .prepare(
          `SELECT * FROM contacts WHERE removed = 0 AND (address LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')
           ORDER BY written_count DESC, seen_count DESC LIMIT ?`,
        )
        .all(like, like, limit) as ContactRow[]
    ).map(toContact);
  }

  all(): Contact[] {
    return (this.db.prepare('SELECT * FROM contacts WHERE removed = 0 ORDER BY address').all() as ContactRow[]).map(
      toContact,
    );
  }

  get(address: string): Contact | null {
    const row = this.db.prepare('SELECT * FROM contacts WHERE address = ? AND removed = 0').get(address) as
      ContactRow | undefined;
    return row ? toContact(row) : null;
  }

  /** Added or renamed by the user: their name wins from now on. */
  saveByUser(address: string, name: string): Contact {
    this.db
      .prepare(
        `INSERT INTO contacts (address, name, added_by_user) VALUES (?, ?, 1)
         ON CONFLICT (address) DO UPDATE SET name = excluded.name, added_by_user = 1, removed = 0`,
      )
      .run(address, name);
    return this.get(address)!;
  }

  remove(address: string): void {
    this.db.prepare('UPDATE contacts SET removed = 1, added_by_user = 0 WHERE address = ?').run(address);
  }
}
