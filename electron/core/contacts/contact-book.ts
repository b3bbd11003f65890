// The local address book: harvested from the cached mail (whom the user wrote to, in each Sent
// folder; whom they heard from, everywhere else), plus what the user adds, renames, imports. It
// answers autocomplete from SQLite alone, so it works offline. The harvest walks the messages
// table once by id, in small transactions between which the thread is given back; a sync that
// adds messages kicks it again, and a header sync under way is let finish first.
import type { MethodHandlers } from '../method-handlers';
import type { ContactMethodName, Contact } from '../../../shared/contract-contacts';
import type { Address } from '../../../shared/domain';
import { BatchPacer } from '../store/batch-pacer';
import { ContactsRepo, type HarvestRow, type Sighting } from '../store/contacts-repo';
import type { Store } from '../store/store';
import { rankContacts, wordsOf } from './contact-rank';
import { formatVcards, parseVcards } from './vcard';

/** Messages read per transaction at most; the background harvest paces it down to ~10 ms (store/batch-pacer.ts). */
const HARVEST_BATCH = 1_000;
/** Rows read from SQLite before ranking: the ranking then keeps the best `limit`. */
const CANDIDATES = 500;
/** A header sync that stops reporting (a dropped connection) counts as over after this long. */
const SYNC_QUIET_MS = 5_000;

function addressesOf(json: string): Address[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed)
      ? parsed.filter((a): a is Address => typeof a?.address === 'string' && a.address.includes('@'))
      : [];
  } catch {
    return [];
  }
}

export class ContactBook {
  private readonly repo: ContactsRepo;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** Until when a header sync counts as under way (see syncProgress). */
  private syncingUntil = 0;
  private deferred: NodeJS.Timeout | null = null;
  private readonly pacer = new BatchPacer({ max: HARVEST_BATCH });

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
    private readonly syncQuietMs = SYNC_QUIET_MS,
  ) {
    this.repo = new ContactsRepo(store.db);
  }

  /**
   * A header sync reported progress. A first sync kicks the harvest after every batch of 1,000
   * headers, and harvesting each took about a twentieth of the thread that parses the next FETCH
   * (0.7 s of a 50,000-message first sync with the app open); so while a sync is under way the
   * harvest waits, and reads everything in one go when it ends. Autocomplete does not wait:
   * search() harvests what it needs itself.
   */
  syncProgress(done: number, total: number): void {
    this.syncingUntil = done < total ? Date.now() + this.syncQuietMs : 0;
    if (this.syncingUntil === 0 && this.deferred) {
      clearTimeout(this.deferred);
      this.deferred = null;
      void this.kick();
    }
  }

  /** The user's own addresses never become contacts. */
  private ownAddresses(): Set<string> {
    return new Set(this.store.accounts.list().map((a) => a.email.toLowerCase()));
  }

  private sightingsOf(row: HarvestRow, own: ReadonlySet<string>): Sighting[] {
    const sent = row.role === 'sent';
    const people = sent ? [...addressesOf(row.to), ...addressesOf(row.cc)] : addressesOf(row.from).slice(0, 1);
    return people
      .map((a) => ({ address: a.address.trim().toLowerCase(), name: (a.name ?? '').trim() }))
      .filter((a) => !own.has(a.address))
      .map((a) => ({ ...a, kind: sent ? ('written' as const) : ('seen' as const), at: row.date }));
  }

  /** One batch; returns how many messages it read (0: caught up). */
  harvestBatch(limit = HARVEST_BATCH): number {
    const rows = this.repo.unharvested(limit);
    if (rows.length === 0) return 0;
    const own = this.ownAddresses();
    this.repo.record(
      rows.flatMap((row) => this.sightingsOf(row, own)),
      rows[rows.length - 1]!.id,
    );
    return rows.length;
  }

  /** Harvests until caught up, yielding between batches; a kick while running goes once more. */
  kick(): Promise<void> {
    const syncing = this.syncingUntil - Date.now();
    if (syncing > 0 && !this.stopped) {
      // once the sync has ended (or gone quiet); a later report that it goes on defers it again
      this.deferred ??= setTimeout(() => {
        this.deferred = null;
        void this.kick();
      }, syncing);
      this.deferred.unref?.();
      return this.running ?? Promise.resolve();
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        while (!this.stopped && this.pacer.run((rows) => this.harvestBatch(rows)) > 0)
          await new Promise((r) => setImmediate(r));
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = null));
    return this.running;
  }

  stop(): Promise<void> {
    this.stopped = true;
    if (this.deferred) clearTimeout(this.deferred);
    this.deferred = null;
    return this.running ?? Promise.resolve();
  }

  search(query: string, limit: number): Contact[] {
    // What the last sync added is counted first, so a search never misses it.
    this.harvestBatch();
    const longest = wordsOf(query).sort((a, b) => b.length - a.length)[0];
    if (!longest) return [];
    return rankContacts(this.repo.candidates(longest, CANDIDATES), query, this.now(), limit);
  }

  handlers(): MethodHandlers<ContactMethodName> {
    return {
      'contacts.search': async ({ query, limit }) => this.search(query, limit ?? 8),
      'contacts.save': async ({ address, name }) => this.repo.saveByUser(address.toLowerCase(), name),
      'contacts.remove': async ({ address }) => {
        this.repo.remove(address.toLowerCase());
        return { ok: true as const };
      },
      'contacts.importVcard': async ({ text }) => {
        const { contacts, skipped } = parseVcards(text);
        this.store.transaction(() => {
          for (const c of contacts) this.repo.saveByUser(c.address.toLowerCase(), c.name);
        });
        return { imported: contacts.length, skipped };
      },
      'contacts.exportVcard': async () => ({ text: formatVcards(this.repo.all()) }),
    };
  }
}
