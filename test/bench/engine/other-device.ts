// "Another device" changes the mailbox over its own IMAP connection while the engine is closed:
// a flag on 1% of the messages and a handful of new arrivals.
import { connectImap } from '../../mailserver/imap-helpers';
import { buildMessage, SAMPLE_KINDS } from '../../mailserver/message-samples';
import type { MailServerInfo, MailUser } from '../../mailserver/types';

export interface ChangesMade {
  modseqBefore: string;
  uidNextBefore: number;
  flagged: number;
  appended: number;
}

export async function makeChanges(input: {
  server: MailServerInfo;
  user: MailUser;
  flagUids: number[];
  newMessages: number;
}): Promise<ChangesMade> {
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
