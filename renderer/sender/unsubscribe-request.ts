// The "Unsubscribe" command reaches the open message's button through this: the command table
// knows the message, the button knows the list and owns the confirmation.
const listeners = new Set<() => void>();

export function onUnsubscribeRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function requestUnsubscribe(): void {
  for (const listener of listeners) listener();
}
