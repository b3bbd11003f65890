// Senders whose remote content (images, CSS backgrounds) the user chose to always load.
// Kept in localStorage for now; it moves into the account settings once the core stores it.

export const REMOTE_CONTENT_STORAGE_KEY = 'mail.remoteContent.allowedSenders';

function normalize(address: string): string {
  return address.trim().toLowerCase();
}

function readSenders(storage: Pick<Storage, 'getItem'> | null): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(REMOTE_CONTENT_STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export function isRemoteContentAllowed(storage: Pick<Storage, 'getItem'> | null, sender: string | undefined): boolean {
  if (!sender) return false;
  return readSenders(storage).includes(normalize(sender));
}

export function allowRemoteContent(storage: Pick<Storage, 'getItem' | 'setItem'> | null, sender: string): void {
  const senders = new Set(readSenders(storage));
  senders.add(normalize(sender));
  try {
    storage?.setItem(REMOTE_CONTENT_STORAGE_KEY, JSON.stringify([...senders].sort()));
  } catch {
    // Without storage the choice lasts until the message is closed.
  }
}
