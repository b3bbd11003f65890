// The conversation mode is remembered per list: a folder switched to conversations stays so,
// another folder and the unified views keep their own choice, and a damaged stored value reads
// as "messages" rather than failing.
import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_MODE_STORAGE_KEY,
  readConversationMode,
  rememberConversationMode,
} from '../../renderer/message-list/conversation-mode';
import { mailboxSource, unifiedSource } from '../../renderer/message-list/list-source';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

describe('conversation mode per list', () => {
  it('shows messages until a list is switched, then remembers each list apart', () => {
    const storage = memoryStorage();
    const inbox = mailboxSource(1);
    const sent = mailboxSource(2);
    const allInboxes = unifiedSource('inbox');
    expect(readConversationMode(storage, inbox)).toBe(false);
    rememberConversationMode(storage, inbox, true);
    rememberConversationMode(storage, allInboxes, true);
    expect(readConversationMode(storage, inbox)).toBe(true);
    expect(readConversationMode(storage, sent)).toBe(false);
    expect(readConversationMode(storage, allInboxes)).toBe(true);
    expect(readConversationMode(storage, unifiedSource('sent'))).toBe(false);
    rememberConversationMode(storage, inbox, false);
    expect(readConversationMode(storage, inbox)).toBe(false);
    expect(readConversationMode(storage, null)).toBe(false);
  });

  it('reads a damaged or foreign value as messages, and overwrites it', () => {
    for (const stored of ['not json', '[1,2]', '{"mailbox:1":"yes"}', 'null']) {
      const storage = memoryStorage({ [CONVERSATION_MODE_STORAGE_KEY]: stored });
      expect(readConversationMode(storage, mailboxSource(1))).toBe(false);
      rememberConversationMode(storage, mailboxSource(1), true);
      expect(readConversationMode(storage, mailboxSource(1))).toBe(true);
    }
  });

  it('keeps at most the newest 500 lists', () => {
    const storage = memoryStorage();
    for (let id = 1; id <= 501; id++) rememberConversationMode(storage, mailboxSource(id), true);
    expect(readConversationMode(storage, mailboxSource(1))).toBe(false);
    expect(readConversationMode(storage, mailboxSource(2))).toBe(true);
    expect(readConversationMode(storage, mailboxSource(501))).toBe(true);
  });

  it('goes on without a storage that refuses writes', () => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(() => rememberConversationMode(storage, mailboxSource(1), true)).not.toThrow();
  });
});
