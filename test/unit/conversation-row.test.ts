// A conversation row is its newest message plus the whole: a flag change asked for on the row
// (read, star) is shown at once for every message of it in the folder, and a plain message row
// changes only its own flags.
import { describe, expect, it } from 'vitest';
import type { ConversationRow } from '../../shared/contract-conversations';
import type { MessageHeader } from '../../shared/domain';
import { conversationOf, isConversationRow, withConversationFlags } from '../../renderer/message-list/conversation-row';

const message: MessageHeader = {
  id: 7,
  mailboxId: 1,
  accountId: 'a',
  uid: 7,
  messageId: '<7@x>',
  subject: 'Plans',
  from: [{ name: 'Alice', address: 'alice@example.test' }],
  to: [],
  cc: [],
  date: 1,
  size: 1,
  flags: { seen: false, flagged: false, answered: false, draft: false },
  hasAttachments: false,
  snippet: null,
  threadKey: '<1@x>',
};

const row: ConversationRow = {
  ...message,
  conversation: { id: 3, count: 4, total: 5, unread: 2, flagged: false, participants: [] },
};

describe('conversation rows in the renderer', () => {
  it('tells a conversation row from a message row', () => {
    expect(isConversationRow(row)).toBe(true);
    expect(isConversationRow(message)).toBe(false);
    expect(conversationOf(row)?.id).toBe(3);
    expect(conversationOf(message)).toBeNull();
    expect(conversationOf(undefined)).toBeNull();
  });

  it('marks the whole conversation read, unread or starred', () => {
    expect(conversationOf(withConversationFlags(row, { seen: true }))).toMatchObject({ unread: 0, flagged: false });
    expect(conversationOf(withConversationFlags(row, { seen: false }))).toMatchObject({ unread: 4 });
    const starred = withConversationFlags(row, { flagged: true });
    expect(conversationOf(starred)).toMatchObject({ unread: 2, flagged: true });
    expect(starred.flags.flagged).toBe(true);
  });

  it('changes only the flags of a plain message row', () => {
    expect(withConversationFlags(message, { seen: true })).toEqual({
      ...message,
      flags: { ...message.flags, seen: true },
    });
  });
});
