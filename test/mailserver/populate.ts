import { appendFileSync, closeSync, existsSync, fchownSync, futimesSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAIL_GID, MAIL_UID } from './dovecot-config';
import { doveadm, resolveUser } from './doveadm';
import { ensureMailboxDir, maildirName } from './maildir';
import {
  buildMessage,
  PEOPLE,
  SAMPLE_KINDS,
  type Address,
  type BuiltMessage,
  type SampleKind,
} from './message-samples';
import { prng } from './mime';
import type { MailServerInfo, MailUser } from './types';

/**
 * Fills a mailbox with N realistic messages by writing Maildir files
 * directly (sync calls in a tight loop: ~10,000 messages/s) and then making
 * Dovecot re-index with `doveadm force-resync` — instead of N APPENDs, which
 * would take minutes for 50,000 messages.
 */

export interface PopulateOptions {
  count: number;
  /** IMAP name; created (and subscribed) when missing. Default INBOX. */
  mailbox?: string;
  /** Same seed, same messages (kinds, dates, flags, threads). Default 1. */
  seed?: number;
  /** Fractions of messages with these flags. Defaults: seen 0.7, flagged 0.05, answered 0.1. */
  flags?: { seen?: number; flagged?: number; answered?: number };
  /** Use exactly these kinds, in turn (i % kinds.length), instead of the weighted mix. */
  kinds?: readonly SampleKind[];
  /** Dates are spread evenly, oldest first, over this many days before now. Default 365. */
  days?: number;
}

export interface PlannedMessage {
  index: number;
  kind: SampleKind;
  date: Date;
  /** Maildir flag letters: S seen, F flagged, R answered. */
  flags: string;
  messageId: string;
  from: Address;
  /** For replies: the plan index of the parent, its Message-ID and References. */
  parentIndex?: number;
  inReplyTo?: string;
  references?: string[];
}

export interface PopulateStats {
  user: string;
  mailbox: string;
  dir: string;
  count: number;
  bytes: number;
  kinds: Record<SampleKind, number>;
  seen: number;
  flagged: number;
  answered: number;
  /** Messages that are replies (have In-Reply-To). */
  replies: number;
  oldest: Date;
  newest: Date;
  writeMs: number;
  resyncMs: number;
  totalMs: number;
}

/** How often each kind appears in the default mix (replies need a parent). */
const WEIGHTS: [SampleKind, number][] = [
  ['plain', 24],
  ['alternative', 18],
  ['reply', 16],
  ['newsletter', 10],
  ['html', 6],
  ['attachment', 7],
  ['cid', 4],
  ['nested', 3],
  ['latin1', 3],
  ['win1252', 3],
  ['iso2022jp', 3],
  ['hostile-html', 3],
];
const WEIGHT_TOTAL = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

/** The deterministic plan behind populateMailbox, for tests that need to know what was written. */
export function planMessages(count: number, opts: Omit<PopulateOptions, 'count' | 'mailbox'> = {}): PlannedMessage[] {
  const seed = opts.seed ?? 1;
  const rnd = prng(seed * 7919 + 17);
  const seen = opts.flags?.seen ?? 0.7;
  const flagged = opts.flags?.flagged ?? 0.05;
  const answered = opts.flags?.answered ?? 0.1;
  const spanMs = (opts.days ?? 365) * 86_400_000;
  // Whole minutes keep the plan stable within a test run.
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  const start = end - spanMs;
  const step = spanMs / Math.max(count, 1);
  const recent: { index: number; messageId: string; references: string[] }[] = [];
  const plan: PlannedMessage[] = [];
  for (let i = 0; i < count; i++) {
    let kind: SampleKind;
    if (opts.kinds && opts.kinds.length > 0) {
      kind = opts.kinds[i % opts.kinds.length]!;
    } else {
      let r = rnd() * WEIGHT_TOTAL;
      kind = WEIGHTS.find(([, w]) => (r -= w) < 0)?.[0] ?? 'plain';
    }
    const messageId = `<${kind}.${i}.s${seed}@mail.example.test>`;
    const date = new Date(Math.floor(start + (i + rnd()) * step));
    let f = '';
    if (rnd() < seen) f += 'S';
    if (rnd() < flagged) f += 'F';
    if (f.includes('S') && rnd() < answered) f += 'R';
    const from = PEOPLE[1 + Math.floor(rnd() * (PEOPLE.length - 1))]!;
    const entry: PlannedMessage = { index: i, kind, date, flags: f, messageId, from };
    if (kind === 'reply') {
      const parent = recent[Math.floor(rnd() * recent.length)];
      if (parent) {
        entry.parentIndex = parent.index;
        entry.inReplyTo = parent.messageId;
        entry.references = [...parent.references, parent.messageId].slice(-10);
      } else {
        entry.kind = kind = 'plain';
      }
    }
    if (kind !== 'newsletter' && kind !== 'hostile-html') {
      recent.push({ index: i, messageId, references: entry.references ?? [] });
      if (recent.length > 40) recent.shift();
    }
    plan.push(entry);
  }
  return plan;
}

/**
 * The messages of a plan, built in order; a reply quotes its parent's
 * subject, so each subject is remembered. Tests can call this with the plan
 * populateMailbox used to know every written message exactly.
 */
export function* renderPlan(
  plan: readonly PlannedMessage[],
  to: Address,
): Generator<{ planned: PlannedMessage } & BuiltMessage> {
  const subjects = new Map<number, string>();
  for (const p of plan) {
    const parentSubject = p.parentIndex === undefined ? undefined : subjects.get(p.parentIndex);
    const built = buildMessage(p.kind, p.index, {
      date: p.date,
      from: p.from,
      to,
      messageId: p.messageId,
      ...(p.inReplyTo ? { inReplyTo: p.inReplyTo, references: p.references, parentSubject } : {}),
    });
    subjects.set(p.index, built.expected.subject);
    yield { planned: p, ...built };
  }
}

/**
 * Files written behind the servers' backs are not in a Maildir++ quota file that already exists
 * (Courier's test bed writes one for every user; Dovecot makes one on first use), so the usage
 * it reports would stay as it was. A line "<bytes> <count>" is how a delivery agent adds to it.
 */
function accountInMaildirQuota(maildir: string, bytes: number, count: number): void {
  const file = join(maildir, 'maildirsize');
  if (existsSync(file)) appendFileSync(file, `${bytes} ${count}\n`);
}

/** The address populateMailbox writes in To: for a user. */
export function recipientOf(user: MailUser): Address {
  return { name: user.name.charAt(0).toUpperCase() + user.name.slice(1), address: user.address };
}

export async function populateMailbox(
  server: Pick<MailServerInfo, 'dovecotConf' | 'users' | 'sink'>,
  user: string | MailUser,
  opts: PopulateOptions,
): Promise<PopulateStats> {
  const t0 = Date.now();
  const owner = resolveUser(server, user);
  const mailbox = opts.mailbox ?? 'INBOX';
  const dir = await ensureMailboxDir(server, owner, mailbox);
  const cur = join(dir, 'cur');
  const plan = planMessages(opts.count, opts);
  const asRoot = process.getuid?.() === 0;
  // Unique per call, so that a second batch into the same mailbox never
  // reuses a file name.
  const batch = `P${process.pid}R${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  const kinds = Object.fromEntries(SAMPLE_KINDS.map((k) => [k, 0])) as Record<SampleKind, number>;
  let bytes = 0;
  const tWrite = Date.now();
  for (const { planned: p, raw } of renderPlan(plan, recipientOf(owner))) {
    const fd = openSync(join(cur, maildirName(p.date, `M${p.index}${batch}`, raw.length, p.flags)), 'wx', 0o600);
    try {
      writeSync(fd, raw);
      if (asRoot) fchownSync(fd, MAIL_UID, MAIL_GID);
      // The file's mtime is the message's INTERNALDATE in Maildir.
      futimesSync(fd, p.date, p.date);
    } finally {
      closeSync(fd);
    }
    kinds[p.kind]++;
    bytes += raw.length;
  }
  const writeMs = Date.now() - tWrite;
  accountInMaildirQuota(mailbox.toUpperCase() === 'INBOX' ? dir : dirname(dir), bytes, plan.length);

  const tResync = Date.now();
  await doveadm(server, ['force-resync', '-u', owner.address, mailbox]);
  const resyncMs = Date.now() - tResync;

  return {
    user: owner.address,
    mailbox,
    dir,
    count: plan.length,
    bytes,
    kinds,
    seen: plan.filter((p) => p.flags.includes('S')).length,
    flagged: plan.filter((p) => p.flags.includes('F')).length,
    answered: plan.filter((p) => p.flags.includes('R')).length,
    replies: plan.filter((p) => p.inReplyTo !== undefined).length,
    oldest: plan[0]?.date ?? new Date(),
    newest: plan.at(-1)?.date ?? new Date(),
    writeMs,
    resyncMs,
    totalMs: Date.now() - t0,
  };
}
