// What every phase of the run shares: the arguments, the mail bed, the synced profile, the
// cleanup, and where figures and raw details are collected.
import type { Figure } from '../report/figures';
import type { BenchArgs } from './args';
import type { Cleanup } from './cleanup';
import type { MailBed } from './mail-bed';
import type { Worker } from './worker-client';

export interface BenchContext {
  root: string;
  args: BenchArgs;
  cleanup: Cleanup;
  bed: MailBed;
  /** The profile the engine synced: reused by resync, bodies, the window copy and the browser. */
  profileDir: string;
  /** The engine under test (its RSS is the engine's alone). */
  engine: Worker;
  /** Bare IMAP clients: the baseline fetches and "another device". */
  other: Worker;
  figures: Figure[];
  details: Record<string, unknown>;
}
