// Whether a list shows conversations or single messages, remembered per list (a folder, a
// unified view) in localStorage: the Inbox may be read as conversations while Sent stays a
// list of messages. Pure reading and writing here; useConversationMode holds it for the window.
import { useCallback, useState } from 'react';
import { type ListSource, sourceKey } from './list-source';

export const CONVERSATION_MODE_STORAGE_KEY = 'mail.conversationMode';
/** Lists remembered at most: the oldest choices go first past this. */
const MAX_REMEMBERED = 500;

type Remembered = Record<string, boolean>;

function readAll(storage: Pick<Storage, 'getItem'> | null): Remembered {
  try {
    const value: unknown = JSON.parse(storage?.getItem(CONVERSATION_MODE_STORAGE_KEY) ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'),
    );
  } catch {
    return {};
  }
}

/** Whether `source` shows conversations; a list never switched shows messages. */
export function readConversationMode(storage: Pick<Storage, 'getItem'> | null, source: ListSource | null): boolean {
  return source !== null && readAll(storage)[sourceKey(source)] === true;
}

/** Remembers the choice for `source` (the newest choice last, so the oldest is dropped first). */
export function rememberConversationMode(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  source: ListSource,
  conversations: boolean,
): void {
  const key = sourceKey(source);
  const { [key]: _previous, ...rest } = readAll(storage);
  const entries = [...Object.entries(rest), [key, conversations] as const].slice(-MAX_REMEMBERED);
  try {
    storage?.setItem(CONVERSATION_MODE_STORAGE_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Not remembered this time; the list still switched.
  }
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface ConversationMode {
  /** The list on screen shows conversations. */
  conversations: boolean;
  toggle: () => void;
}

/** The mode of the list on screen, read again whenever another list is shown. */
export function useConversationMode(source: ListSource | null): ConversationMode {
  const key = sourceKey(source);
  // bumped by a toggle, so the choice just stored is read back
  const [, setVersion] = useState(0);
  const conversations = readConversationMode(browserStorage(), source);
  const toggle = useCallback(() => {
    if (source === null) return;
    rememberConversationMode(browserStorage(), source, !readConversationMode(browserStorage(), source));
    setVersion((version) => version + 1);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key names the source: a new object for the same list changes nothing
  }, [key]);
  return { conversations, toggle };
}
