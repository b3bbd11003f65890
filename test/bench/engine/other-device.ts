// "Another device" changes the mailbox over its own IMAP connection while the engine is closed:
// a flag on 1% of the messages and a handful of new arrivals.
import { performance } from 'node:perf_hooks';
import { connectImap } from '../../mailserver/imap-helpers';
import { buildMessage, SAMPLE_KINDS } from '../../mailserver/message-samples';
import type { MailServerInfo, MailUser } from '../../mailserver/types';

export interface ChangesMade {
  modseqBefore: string;
  uidNextBefore: number;
  flagged: number;
  appended: number;
  /** The unmeasured EXAMINE after the changes: Dovecot's rescan of the Maildir (see below). */
  serverSettleMs: number;
}

export async function makeChanges(input: {
  server: MailServerInfo;
  user: MailUser;
  flagUids: number[];
  newMessages: number;
}): Promise<Omit<ChangesMade, 'serverSettleMs'>> {
  const client = await connectImap(input.server, input.user);
  try {
    const box = await client.mailboxOpen('INBOX');
    const modseqBefore = String(box.highestModseq ?? 0n);
    const uidNextBefore = box.uidNext;
    if (input.flagUids.length) await client.messageFlagsAdd(input.flagUids.join(','), ['\\Flagged'], { uid: true });
    const now = Date.now();
    for (let i = 0; i < input.newMessages; i++) {
      const kind = SAMPLE_KINDS[i % SAMPLE_KINDS.length]!;
      const date = new Date(now - i * 1000);
      const { raw } = buildMessage(kind, 900_000 + i, {
        date,
        messageId: `<${kind}.${900_000 + i}.n${now}@example.test>`,
      });
      await client.append('INBOX', raw, [], date);
    }
    return { modseqBefore, uidNextBefore, flagged: input.flagUids.length, appended: input.newMessages };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/**
 * A flag change in a Maildir is a file rename, so the first session that opens the INBOX after
 * another changed it has Dovecot rescan the folder: 1.1 s of the engine's 1.9 s reopen at 250k,
 * while the bare delta fetch measured after it found the server done. That cost is the server's,
 * paid once by whichever client comes first: an unmeasured EXAMINE pays it before either side, as
 * a's unmeasured warm-up fetch lets the server build its cache.
 */
export async function settleServer(input: { server: MailServerInfo; user: MailUser }): Promise<number> {
  const t0 = performance.now();
  const client = await connectImap(input.server, input.user);
  try {
    await client.mailboxOpen('INBOX', { readOnly: true });
    return performance.now() - t0;
  } finally {
    await client.logout().catch(() => client.close());
  }
}
