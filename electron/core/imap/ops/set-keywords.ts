// Tags: IMAP keywords added to or removed from messages, in the cache at once and on the
// server when the queue replays (STORE +FLAGS / -FLAGS with the keywords), exactly as read and
// star are.
import type { MessageId } from '../../../../shared/domain';
import { refusedCommand } from './refused-command';
import { groupByMailbox, openTarget, type Operation, type UidTarget } from './operation';

export interface SetKeywordsInput {
  ids: MessageId[];
  add: string[];
  remove: string[];
}

export interface SetKeywordsPayload {
  target: UidTarget;
  add: string[];
  remove: string[];
}

export const setKeywords: Operation<SetKeywordsInput, SetKeywordsPayload> = {
  kind: 'set-keywords',

  applyLocally(store, input) {
    const result: ReturnType<Operation<SetKeywordsInput, SetKeywordsPayload>['applyLocally']> = {
      ops: [],
      changed: new Map(),
    };
    for (const group of groupByMailbox(store, store.messages.locations(input.ids))) {
      const updated = store.messages.changeKeywords(group.ids, input.add, input.remove);
      result.changed.set(group.mailboxId, { added: [], removed: [], updated });
      if (group.target.uids.length === 0) continue;
      result.ops.push({
        accountId: group.accountId,
        payload: { target: group.target, add: input.add, remove: input.remove },
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
    // The cache shows tags the server never got: a full flag resync (no CHANGEDSINCE) puts it right.
    const box = store.mailboxes.byPath(accountId, payload.target.path);
    if (box) store.mailboxes.forgetModseq(box.id);
  },
};
