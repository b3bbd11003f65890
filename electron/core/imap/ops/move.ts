// Move (and so archive and delete-to-Trash). Locally the row changes mailbox at once; on the
// server MOVE (or COPY + EXPUNGE) runs, and COPYUID tells each message's new UID.
import type { MailboxId, MessageId } from '../../../../shared/domain';
import { refusedCommand } from './refused-command';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { Store } from '../../store/store';
import { groupByMailbox, openTarget, type Operation, type QueuedOp, type UidTarget } from './operation';

export interface MoveInput {
  ids: MessageId[];
  toMailboxId: MailboxId;
}

export interface MovePayload {
  source: UidTarget;
  toPath: string;
  toMailboxId: MailboxId;
  /** Local message id for each source UID, to give the moved row its new UID. */
  idsByUid: [number, MessageId][];
}

/**
 * Messages whose earlier move has not reached the server yet. Each is taken out of that queued
 * move; back where it came from it simply gets its old UID again (an undo made offline), and
 * anywhere else it leaves its original mailbox by a new move straight to the new target.
 */
function rerouteQueuedMoves(store: Store, ids: MessageId[], to: MailboxRecord): QueuedOp<MovePayload>[] {
  if (ids.length === 0) return [];
  const wanted = new Set(ids);
  const fresh = new Map<string, QueuedOp<MovePayload>>();
  for (const op of store.pendingOps.list(to.accountId)) {
    // A move already on its way to the server cannot be taken back: its replay sees that the row
    // has moved on since and queues the next move itself (`moveOn` below).
    if (op.kind !== 'move' || store.pendingOps.isReplaying(op.id)) continue;
    const payload = op.payload as MovePayload;
    const leaving = payload.idsByUid.filter(([, id]) => wanted.has(id));
    if (leaving.length === 0) continue;
    const source = store.mailboxes.byPath(to.accountId, payload.source.path);
    const remaining = payload.idsByUid.filter(([, id]) => !wanted.has(id));
    for (const [uid] of leaving) if (source) store.pendingOps.unpin(op.id, source.id, uid);
    if (remaining.length === 0) store.pendingOps.done(op.id);
    else
      store.pendingOps.updatePayload(op.id, {
        ...payload,
        source: { ...payload.source, uids: remaining.map(([uid]) => uid) },
        idsByUid: remaining,
      });
    for (const [uid, id] of leaving) {
      wanted.delete(id);
      if (source && source.id === to.id) {
        store.messages.assignUid(id, to.id, uid);
        continue;
      }
      const key = payload.source.path;
      const next = fresh.get(key) ?? {
        accountId: to.accountId,
        payload: {
          source: { ...payload.source, uids: [] },
          toPath: to.path,
          toMailboxId: to.id,
          idsByUid: [],
        },
        touches: [],
      };
      next.payload.source.uids.push(uid);
      next.payload.idsByUid.push([uid, id]);
      if (source) next.touches.push({ mailboxId: source.id, uid });
      fresh.set(key, next);
    }
  }
  return [...fresh.values()];
}

/**
 * The user moved the message on while this move was on the wire (Delete right after an undo
 * brought it back): the row is in a third folder now, without a UID, and no queued op says
 * so. Queues the move from where the server has just put it to where the row is, pinned so
 * the target's sync does not bring it back meanwhile. False when the row stayed put.
 */
function moveOn(store: Store, payload: MovePayload, id: MessageId, newUid: number): boolean {
  const row = store.messages.get([id])[0];
  if (!row || row.mailboxId === payload.toMailboxId) return false;
  const from = store.mailboxes.get(payload.toMailboxId);
  const to = store.mailboxes.get(row.mailboxId);
  if (!from || !to) return false;
  const next: MovePayload = {
    source: { path: from.path, uidValidity: from.sync.uidValidity, uids: [newUid] },
    toPath: to.path,
    toMailboxId: to.id,
    idsByUid: [[newUid, id]],
  };
  store.pendingOps.enqueue(from.accountId, 'move', next, [{ mailboxId: from.id, uid: newUid }]);
  return true;
}

export const move: Operation<MoveInput, MovePayload> = {
  kind: 'move',

  applyLocally(store, input) {
    const to = store.mailboxes.get(input.toMailboxId);
    if (!to) throw new Error('The target folder no longer exists.');
    const result: ReturnType<Operation<MoveInput, MovePayload>['applyLocally']> = { ops: [], changed: new Map() };
    const moved: MessageId[] = [];
    for (const group of groupByMailbox(store, store.messages.locations(input.ids))) {
      if (group.mailboxId === to.id || group.accountId !== to.accountId) continue;
      store.messages.moveLocal(group.ids, to.id);
      moved.push(...group.ids);
      result.changed.set(group.mailboxId, { added: [], removed: group.ids, updated: [] });
      // Rows without a UID are still on their way here from an earlier move: chain, don't lose them.
      const waiting = group.ids.filter((id) => ![...group.idsByUid.values()].includes(id));
      result.ops.push(...rerouteQueuedMoves(store, waiting, to));
      if (group.target.uids.length === 0) continue;
      result.ops.push({
        accountId: group.accountId,
        payload: { source: group.target, toPath: to.path, toMailboxId: to.id, idsByUid: [...group.idsByUid] },
        // Pinned so the source's sync does not bring the message back before the server moved it.
        touches: group.target.uids.map((uid) => ({ mailboxId: group.mailboxId, uid })),
      });
    }
    if (moved.length) result.changed.set(to.id, { added: moved, removed: [], updated: [] });
    return result;
  },

  async replay(client, store, payload) {
    const { present, missing } = await openTarget(client, payload.source);
    const idsByUid = new Map(payload.idsByUid);
    if (present.length) {
      const result = await client.messageMove(present.join(','), payload.toPath, { uid: true });
      if (result === false) throw await refusedCommand(client, 'MOVE', payload.toPath);
      const uidMap = result.uidMap;
      for (const uid of present) {
        const id = idsByUid.get(uid);
        if (id === undefined) continue;
        const newUid = uidMap?.get(uid);
        // Without COPYUID the target's next sync fetches the message; drop the placeholder row.
        if (newUid === undefined) store.messages.delete([id]);
        else if (!moveOn(store, payload, id, newUid)) store.messages.assignUid(id, payload.toMailboxId, newUid);
      }
    }
    // Moved away on the server by someone else first: the local row is a ghost.
    store.messages.delete(missing.map((uid) => idsByUid.get(uid)).filter((id): id is MessageId => id !== undefined));
    return { missing };
  },

  discard(store, payload) {
    // The moved rows wait in the target without a UID; the source's next sync brings the real ones back.
    store.messages.delete(payload.idsByUid.map(([, id]) => id));
  },
};
