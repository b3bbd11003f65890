// One way to damage a profile's database, shared by the unit tests of the recovery and the e2e
// test that restarts the app over it, so both meet the same damage.
import { rmSync, writeFileSync } from 'node:fs';

/**
 * A SQLite file overwritten with bytes that are no database, its WAL and shared memory gone:
 * what a disk fault or a half-copied profile leaves, and what the recovery must detect.
 */
export function damageDatabaseFile(file: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  writeFileSync(file, Buffer.alloc(64 * 1024, 0x5a));
}
