// The conversation the reading pane shows as stacked messages: its messages (oldest first, from
// every folder but Trash and Junk), which one has the focus (n/p move it) and whether that one is
// expanded. One message is expanded at a time: on opening, the newest unread one (the newest when
// all are read); its body shows in the pane's body frame, the others as one line each.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MessageHeader, MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';
import { conversationOf } from '../message-list/conversation-row';

export interface ConversationThread {
  /** Oldest first; null while loading. */
  messages: MessageHeader[] | null;
  error: unknown;
  /** The message n/p are on. */
  focusedId: MessageId | null;
  /** The focused message is open (its body shown); false when collapsed. */
  expanded: boolean;
  /** The expanded message, when one is. */
  open: MessageHeader | null;
  /** n/p: the next or previous message, expanded. Returns false at either end. */
  step: (delta: 1 | -1) => boolean;
  /** Expands or collapses the focused message (or `id`, which then takes the focus). */
  toggle: (id?: MessageId) => void;
  retry: () => void;
}

/** The message to open first: the newest unread, else the newest. */
export function firstOpen(messages: readonly MessageHeader[]): MessageId | null {
  for (let i = messages.length - 1; i >= 0; i--) if (!messages[i]!.flags.seen) return messages[i]!.id;
  return messages[messages.length - 1]?.id ?? null;
}

/** The row's conversation when it has more than one message: what the pane stacks. */
export function stackedConversation(header: MessageHeader | null) {
  const conversation = conversationOf(header);
  return header && conversation && conversation.total > 1 ? { header, conversation } : null;
}

interface Loaded {
  key: string;
  messages: MessageHeader[] | null;
  error: unknown;
  focusedId: MessageId | null;
  expanded: boolean;
}

export function useConversationThread(row: MessageHeader | null): ConversationThread | null {
  const transport = useTransport();
  const stacked = stackedConversation(row);
  const conversationId = stacked?.conversation.id ?? null;
  const mailboxId = stacked?.header.mailboxId ?? null;
  // the same conversation opened again (another row of it, a new message in it) keeps its focus
  const key = conversationId === null ? null : `${conversationId}:${mailboxId}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reload, setReload] = useState(0);
  const total = stacked?.conversation.total ?? 0;

  useEffect(() => {
    if (key === null || conversationId === null || mailboxId === null) return;
    let current = true;
    transport.invoke('conversations.messages', { id: conversationId, mailboxId }).then(
      (messages) =>
        current &&
        setLoaded((before) => {
          // a refresh of the conversation on screen keeps what the user opened
          const kept = before?.key === key && messages.some((m) => m.id === before.focusedId);
          return kept
            ? { ...before!, messages, error: null }
            : { key, messages, error: null, focusedId: firstOpen(messages), expanded: true };
        }),
      (error: unknown) =>
        current &&
        setLoaded((before) => ({
          key,
          messages: before?.key === key ? before.messages : null,
          error,
          focusedId: before?.key === key ? before.focusedId : null,
          expanded: before?.key === key ? before.expanded : true,
        })),
    );
    return () => {
      current = false;
    };
  }, [transport, key, conversationId, mailboxId, total, reload]);

  // a message of it changed elsewhere (read, starred, moved): read it again
  const ids = useMemo(() => new Set(loaded?.messages?.map((m) => m.id) ?? []), [loaded?.messages]);
  useTransportEvent('messages.changed', (change) => {
    if ([...change.updated, ...change.removed].some((id) => ids.has(id))) setReload((value) => value + 1);
  });

  const current = loaded !== null && loaded.key === key ? loaded : null;
  const messages = current?.messages ?? null;

  const step = useCallback(
    (delta: 1 | -1) => {
      if (!current?.messages) return false;
      const index = current.messages.findIndex((m) => m.id === current.focusedId);
      const next = current.messages[index + delta];
      if (!next) return false;
      setLoaded({ ...current, focusedId: next.id, expanded: true });
      return true;
    },
    [current],
  );
  const toggle = useCallback(
    (id?: MessageId) => {
      if (!current) return;
      if (id !== undefined && id !== current.focusedId) setLoaded({ ...current, focusedId: id, expanded: true });
      else setLoaded({ ...current, expanded: !current.expanded });
    },
    [current],
  );
  const retry = useCallback(() => setReload((value) => value + 1), []);

  const focusedId = current?.focusedId ?? null;
  const expanded = current?.expanded ?? false;
  const error = current?.error ?? null;
  // one object while nothing changes: the reading pane is memoized on it
  return useMemo(() => {
    if (key === null) return null;
    const open = expanded ? (messages?.find((m) => m.id === focusedId) ?? null) : null;
    return { messages, error, focusedId, expanded, open, step, toggle, retry };
  }, [key, messages, error, focusedId, expanded, step, toggle, retry]);
}
