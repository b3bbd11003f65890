// A stored message's header as the renderer receives it, for unit tests of the list: message N
// has UID N and a conversation of its own; `overrides` sets what a test is about.
import type { MessageHeader } from '../../shared/domain';

export function messageHeader(id: number, overrides: Partial<MessageHeader> = {}): MessageHeader {
  return {
    id,
    mailboxId: 1,
    accountId: 'a',
    uid: id,
    messageId: null,
    subject: `Message ${id}`,
    from: [],
    to: [],
    cc: [],
    date: 0,
    size: 0,
    flags: { seen: false, flagged: false, answered: false, draft: false },
    hasAttachments: false,
    snippet: null,
    threadKey: String(id),
    ...overrides,
  };
}
