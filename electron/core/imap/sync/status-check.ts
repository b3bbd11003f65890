// Whether a folder the IDLE connection does not watch needs a sync, from a STATUS answer. New
// mail and expunges move UIDNEXT or MESSAGES; a flag change moves only HIGHESTMODSEQ, which a
// server without CONDSTORE (Courier-IMAP, Exchange) does not have. There nothing a STATUS says
// can show a star or a read mark set on another device, so such a folder is synced anyway once
// its last full flag comparison is older than `flagsEveryMs` (account-runtime.ts's period for
// whole-folder comparisons), the way Thunderbird refreshes the flags of folders it does not
// have open: rarely, and at once when the user opens the folder.

export interface StatusAnswer {
  messages?: number;
  uidNext?: number;
  highestModseq?: bigint | number;
}

export interface KnownState {
  total: number;
  uidNext: number | null;
  highestModseq: string | null;
}

export function needsSync(
  status: StatusAnswer,
  known: KnownState,
  flags: { comparedAt: number | undefined; now: number; everyMs: number },
): boolean {
  if (status.uidNext !== known.uidNext || status.messages !== known.total) return true;
  if (status.highestModseq !== undefined) return String(status.highestModseq) !== known.highestModseq;
  return flags.now - (flags.comparedAt ?? -Infinity) >= flags.everyMs;
}
