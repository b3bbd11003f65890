// Which ids link a message to its conversation. Two messages are in one conversation when they
// share any of these ids, directly or through others (the threader joins them), never for a
// like subject: "Re: Invoice" from two customers are two conversations.

/** What the threader reads of a row (all of it stored by header sync). */
export interface ThreadFields {
  messageId: string | null;
  inReplyTo: string | null;
  /** header-fields.ts threadKeyOf: `gm:<id>` (Gmail), the first Reference, or a stand-in. */
  threadKey: string;
  /** The References between the first and the In-Reply-To, space separated. */
  threadRefs: string | null;
}

const GMAIL = 'gm:';

/** A Message-ID as stored: `<...>` with no space inside (a stand-in key has no angle brackets). */
function isMessageId(value: string | null): value is string {
  return value !== null && value.length > 2 && value.startsWith('<') && value.endsWith('>') && !/\s/.test(value);
}

/**
 * The ids a message is linked by. Gmail's thread id alone where the server gave one: Gmail has
 * already threaded the mail, and its threads are what the user sees in every other Gmail client.
 * Otherwise its own Message-ID, what it replies to and every Reference: a reply whose parent is
 * missing still joins its siblings through the root they share, and a broken chain (References
 * cut by a mail client, In-Reply-To missing) still holds by whichever id survived.
 */
export function linkIds(fields: ThreadFields): string[] {
  if (fields.threadKey.startsWith(GMAIL)) return [fields.threadKey];
  const ids = new Set<string>();
  if (isMessageId(fields.messageId)) ids.add(fields.messageId);
  if (isMessageId(fields.inReplyTo)) ids.add(fields.inReplyTo);
  if (isMessageId(fields.threadKey)) ids.add(fields.threadKey);
  if (fields.threadRefs) for (const ref of fields.threadRefs.split(' ')) if (isMessageId(ref)) ids.add(ref);
  return [...ids];
}
