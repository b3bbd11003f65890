// What an undo does, as data. Archive, delete and move keep each message's id (the engine
// moves the row), so their inverse is `messages.move` back to where each message was, one call
// per original folder. Read and star changes are undone with `messages.setFlags` and each
// message's previous value. Pure, so the inverses are unit-tested.
import type { MethodInput } from '../../shared/contract';
import type { MailboxId, MessageFlags, MessageId } from '../../shared/domain';

export type MoveVerb = 'archive' | 'delete' | 'junk' | 'move';
export type FlagVerb = 'read' | 'unread' | 'star' | 'unstar';

export interface MoveBack {
  toMailboxId: MailboxId;
  ids: MessageId[];
}

export interface FlagRestore {
  ids: MessageId[];
  seen?: boolean;
  flagged?: boolean;
}

export type UndoEntry =
  | {
      kind: 'move';
      verb: MoveVerb;
      count: number;
      /** The target folder's display name, for "Moved to Projects". */
      folderName?: string;
      moves: MoveBack[];
    }
  | { kind: 'flags'; verb: FlagVerb; count: number; restores: FlagRestore[] };

export type InverseCall =
  | { method: 'messages.move'; input: MethodInput<'messages.move'> }
  | { method: 'messages.setFlags'; input: MethodInput<'messages.setFlags'> };

/** Messages grouped by the folder they were in before they moved. */
export function moveBackGroups(messages: readonly { id: MessageId; mailboxId: MailboxId }[]): MoveBack[] {
  const groups = new Map<MailboxId, MessageId[]>();
  for (const message of messages) groups.set(message.mailboxId, [...(groups.get(message.mailboxId) ?? []), message.id]);
  return [...groups].map(([toMailboxId, ids]) => ({ toMailboxId, ids }));
}

export type FlagChange = { seen: boolean } | { flagged: boolean };

/**
 * The previous values of the messages a flag change really changes, grouped by value. A
 * message that already had the new value is left out: undo must not touch it.
 */
export function flagRestoreGroups(
  messages: readonly { id: MessageId; flags: Pick<MessageFlags, 'seen' | 'flagged'> }[],
  change: FlagChange,
): FlagRestore[] {
  const restores: FlagRestore[] = [];
  if ('seen' in change) {
    const ids = messages.filter((message) => message.flags.seen !== change.seen).map((message) => message.id);
    if (ids.length > 0) restores.push({ ids, seen: !change.seen });
  } else {
    const ids = messages.filter((message) => message.flags.flagged !== change.flagged).map((message) => message.id);
    if (ids.length > 0) restores.push({ ids, flagged: !change.flagged });
  }
  return restores;
}

export function flagVerb(change: FlagChange): FlagVerb {
  if ('seen' in change) return change.seen ? 'read' : 'unread';
  return change.flagged ? 'star' : 'unstar';
}

/** The contract calls that put things back. */
export function inverseCalls(entry: UndoEntry): InverseCall[] {
  if (entry.kind === 'move')
    return entry.moves.map((move) => ({
      method: 'messages.move',
      input: { ids: move.ids, toMailboxId: move.toMailboxId },
    }));
  return entry.restores.map((restore) => ({
    method: 'messages.setFlags',
    input: {
      ids: restore.ids,
      ...(restore.seen !== undefined ? { seen: restore.seen } : {}),
      ...(restore.flagged !== undefined ? { flagged: restore.flagged } : {}),
    },
  }));
}

/** The last few actions, newest on top (z undoes one at a time, like Cmd+Z). */
export class UndoStack {
  private readonly entries: UndoEntry[] = [];

  constructor(private readonly limit = 20) {}

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  peek(): UndoEntry | undefined {
    return this.entries.at(-1);
  }

  get size(): number {
    return this.entries.length;
  }
}

/**
 * Waits until the engine has replayed the earlier move on the server (the moved row then has
 * its UID in the target folder; 0 means "not there yet"). Moving a message back before that
 * would change only the local copy. Gives up after `timeoutMs` and lets the undo go ahead.
 */
export async function waitForServerUids(
  read: (ids: MessageId[]) => Promise<{ id: MessageId; uid: number }[]>,
  ids: readonly MessageId[],
  options: { timeoutMs?: number; intervalMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
): Promise<boolean> {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const intervalMs = options.intervalMs ?? 150;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const deadline = now() + timeoutMs;
  for (;;) {
    const headers = await read([...ids]);
    // A message that is gone altogether cannot get a UID: do not wait for it.
    if (headers.every((header) => header.uid !== 0)) return true;
    if (now() >= deadline) return false;
    await sleep(intervalMs);
  }
}
