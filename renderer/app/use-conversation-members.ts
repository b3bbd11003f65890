// In conversation mode an action on a row applies to its whole conversation in that row's
// folder (contract-conversations.ts 'conversations.members'); rows that are single messages
// (search results) stand for themselves. Null in message mode: actions take the rows as they are.
import { useMemo } from 'react';
import type { MessageHeader, MessageId } from '../../shared/domain';
import { conversationOf } from '../message-list/conversation-row';
import type { MessageWindowStore } from '../message-list/message-window-store';
import { useTransport } from './app-services';

/** Rows per call: the contract's limit. */
const ROWS_PER_CALL = 1000;

export function useConversationMembers(
  conversations: boolean,
  store: MessageWindowStore | null,
): ((ids: readonly MessageId[]) => Promise<MessageHeader[]>) | null {
  const transport = useTransport();
  return useMemo(() => {
    if (!conversations || !store) return null;
    return async (ids: readonly MessageId[]) => {
      const singles: MessageHeader[] = [];
      const rows: { id: number; mailboxId: number }[] = [];
      const unknown: MessageId[] = [];
      for (const id of ids) {
        const header = store.getById(id);
        const conversation = conversationOf(header);
        if (header && conversation) rows.push({ id: conversation.id, mailboxId: header.mailboxId });
        else if (header) singles.push(header);
        else unknown.push(id);
      }
      const members: MessageHeader[] = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_CALL)
        members.push(
          ...(await transport.invoke('conversations.members', { rows: rows.slice(start, start + ROWS_PER_CALL) })),
        );
      const all = [...members, ...singles];
      // a row no longer loaded still stands for itself (the engine reports it gone if it is)
      if (unknown.length) all.push(...(await transport.invoke('messages.get', { ids: unknown })));
      return all;
    };
  }, [conversations, store, transport]);
}
