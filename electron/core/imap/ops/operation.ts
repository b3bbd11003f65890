// The shape every offline-capable action has (RFC 4549): apply to the cache at once, queue a
// payload that says exactly what to do on the server, and replay it later in order.
import type { ImapFlow } from 'imapflow';
import type { AccountId, MailboxId, MessageId } from '../../../../shared/domain';
import type { MessageLocation } from '../../store/messages-repo';
import type { Store } from '../../store/store';

/** The server side of one queued op: which mailbox, which UIDVALIDITY the UIDs belong to. */
export interface UidTarget {
  path: string;
  uidValidity: string | null;
  uids: number[];
}

export interface QueuedOp<P> {
  accountId: AccountId;
  payload: P;
  touches: { mailboxId: MailboxId; uid: number }[];
}

export interface LocalResult<P> {
  ops: QueuedOp<P>[];
  /** Per mailbox, the message ids added, removed or updated in the cache. */
  changed: Map<MailboxId, { added: MessageId[]; removed: MessageId[]; updated: MessageId[] }>;
}

export interface ReplayResult {
  /** UIDs the server no longer had: the op could not apply to them. */
  missing: number[];
}

export interface Operation<Input, Payload> {
  kind: string;
  applyLocally(store: Store, input: Input): LocalResult<Payload>;
  replay(client: ImapFlow, store: Store, payload: Payload): Promise<ReplayResult>;
  /** The op is dropped without reaching the server: undo what only the cache holds. */
  discard?(store: Store, payload: Payload, accountId: AccountId): void;
  /** The op changes the folder tree (folder ops): the tree is listed again once it ran or was dropped. */
  changesTree?: true;
}

/** What a folder op's local step returns: the op to queue, no message rows changed. */
export function folderOpResult<P>(accountId: AccountId, payload: P): LocalResult<P> {
  return { ops: [{ accountId, payload, touches: [] }], changed: new Map() };
}

export class UidValidityChangedError extends Error {
  constructor(path: string) {
    super(`The mailbox ${path} was recreated on the server; the queued action no longer applies.`);
  }
}

/** Groups located messages by mailbox, with what is needed to address them on the server. */
export function groupByMailbox(
  store: Store,
  locations: MessageLocation[],
): {
  mailboxId: MailboxId;
  accountId: AccountId;
  target: UidTarget;
  ids: MessageId[];
  idsByUid: Map<number, MessageId>;
}[] {
  const groups = new Map<MailboxId, MessageLocation[]>();
  for (const l of locations) groups.set(l.mailboxId, [...(groups.get(l.mailboxId) ?? []), l]);
  return [...groups].flatMap(([mailboxId, locs]) => {
    const box = store.mailboxes.get(mailboxId);
    if (!box) return [];
    const withUid = locs.filter((l): l is MessageLocation & { uid: number } => l.uid !== null);
    return [
      {
        mailboxId,
        accountId: box.accountId,
        target: { path: box.path, uidValidity: box.sync.uidValidity, uids: withUid.map((l) => l.uid) },
        ids: locs.map((l) => l.id),
        idsByUid: new Map(withUid.map((l) => [l.uid, l.id])),
      },
    ];
  });
}

/** Selects the target's mailbox, checks its UIDVALIDITY, and returns which UIDs still exist. */
export async function openTarget(
  client: ImapFlow,
  target: UidTarget,
): Promise<{ present: number[]; missing: number[] }> {
  const mailbox = await client.mailboxOpen(target.path);
  if (target.uidValidity !== null && String(mailbox.uidValidity) !== target.uidValidity)
    throw new UidValidityChangedError(target.path);
  if (target.uids.length === 0) return { present: [], missing: [] };
  const found = new Set((await client.search({ uid: target.uids.join(',') }, { uid: true })) || []);
  return {
    present: target.uids.filter((u) => found.has(u)),
    missing: target.uids.filter((u) => !found.has(u)),
  };
}
