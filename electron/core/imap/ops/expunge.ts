// Permanent delete (from Trash): \Deleted + UID EXPUNGE of exactly these UIDs.
import type { MessageId } from '../../../../shared/domain';
import { refusedCommand } from './refused-command';
import { groupByMailbox, openTarget, type Operation, type UidTarget } from './operation';

export interface ExpungeInput {
  ids: MessageId[];
}

export interface ExpungePayload {
  target: UidTarget;
}

export const expunge: Operation<ExpungeInput, ExpungePayload> = {
  kind: 'expunge',

  applyLocally(store, input) {
    const result: ReturnType<Operation<ExpungeInput, ExpungePayload>['applyLocally']> = {
      ops: [],
      changed: new Map(),
    };
    for (const group of groupByMailbox(store, store.messages.locations(input.ids))) {
      store.messages.delete(group.ids);
      result.changed.set(group.mailboxId, { added: [], removed: group.ids, updated: [] });
      if (group.target.uids.length === 0) continue;
      result.ops.push({
        accountId: group.accountId,
        payload: { target: group.target },
        touches: group.target.uids.map((uid) => ({ mailboxId: group.mailboxId, uid })),
      });
    }
    return result;
  },

  async replay(client, _store, payload) {
    const { present, missing } = await openTarget(client, payload.target);
    // imapflow uses UID EXPUNGE when UIDPLUS is there, so other \Deleted messages stay.
    if (present.length && !(await client.messageDelete(present.join(','), { uid: true })))
      throw await refusedCommand(client, 'EXPUNGE');
    return { missing };
  },
};
