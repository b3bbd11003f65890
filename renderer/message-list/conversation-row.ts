// A row of the list in conversation mode is its conversation's newest message in the folder,
// carrying the whole conversation beside it (contract-conversations.ts). Everything that works
// on rows (selection, j/k, the store) keeps working on that message; what differs asks here.
import type { ConversationRow, ConversationSummary } from '../../shared/contract-conversations';
import type { MessageHeader } from '../../shared/domain';

export function isConversationRow(header: MessageHeader): header is ConversationRow {
  return 'conversation' in header && typeof (header as Partial<ConversationRow>).conversation === 'object';
}

export function conversationOf(header: MessageHeader | null | undefined): ConversationSummary | null {
  return header && isConversationRow(header) ? header.conversation : null;
}

/**
 * The row as it looks after a flag change made to the whole conversation: every message in the
 * folder is then read (or unread, or starred) alike, so the summary's counts follow.
 */
export function withConversationFlags(
  header: MessageHeader,
  change: { seen?: boolean; flagged?: boolean },
): MessageHeader {
  const flags = { ...header.flags, ...change };
  if (!isConversationRow(header)) return { ...header, flags };
  const { conversation } = header;
  const row: ConversationRow = {
    ...header,
    flags,
    conversation: {
      ...conversation,
      ...(change.seen !== undefined ? { unread: change.seen ? 0 : conversation.count } : {}),
      ...(change.flagged !== undefined ? { flagged: change.flagged } : {}),
    },
  };
  return row;
}
