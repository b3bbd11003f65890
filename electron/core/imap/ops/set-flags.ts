// Read/unread and star.
import type { MessageId } from '../../../../shared/domain';
import { refusedCommand } from './refused-command';
import { groupByMailbox, openTarget, type Operation, type UidTarget } from './operation';

export interface SetFlagsInput {
  ids: MessageId[];
  seen?: boolean;
  flagged?: boolean;
  answered?: boolean;
}

export interface SetFlagsPayload {
  target: UidTarget;
  add: string[];
  remove: string[];
}

export const setFlags: Operation<SetFlagsInput, SetFlagsPayload> = {
  kind: 'set-flags',

  applyLocally(store, input) {
    const add: string[] = [];
    const remove: string[] = [];
    if (input.seen !== undefined) (input.seen ? add : remove).push('\\Seen');
    if (input.flagged !== undefined) (input.flagged ? add : remove).push('\\Flagged');
    if (input.answered !== undefined) (input.answered ? add : remove).push('\\Answered');
    const result: ReturnType<Operation<SetFlagsInput, SetFlagsPayload>['applyLocally']> = {
      ops: [],
      changed: new Map(),
    };
    for (const group of groupByMailbox(store, store.messages.locations(input.ids))) {
      const updated = store.messages.setLocalFlags(group.ids, input);
      result.changed.set(group.mailboxId, { added: [], removed: [], updated });
      if (group.target.uids.length === 0) continue;
      result.ops.push({
        accountId: group.accountId,
        payload: { target: group.target, add, remove },
        touches: group.target.uids.map((uid) => ({ mailboxId: group.mailboxId, uid })),
      });
    }
    return result;
  },

  async replay(client, _store, payload) {
    const { present, missing } = await openTarget(client, payload.target);
    if (present.length) {
      const range = present.join(',');
      if (payload.add.length && !(await client.messageFlagsAdd(range, payload.add, { uid: true })))
        throw await refusedCommand(client, 'STORE');
      if (payload.remove.length && !(await client.messageFlagsRemove(range, payload.remove, { uid: true })))
        throw await refusedCommand(client, 'STORE');
    }
    return { missing };
  },

  discard(store, payload, accountId) {
    // The cache shows flags the server never got: a full flag resync (no CHANGEDSINCE) puts it right.
    const box = store.mailboxes.byPath(accountId, payload.target.path);
    if (box) store.mailboxes.forgetModseq(box.id);
  },
};
