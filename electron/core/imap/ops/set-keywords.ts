// Tags: IMAP keywords added to or removed from messages, in the cache at once and on the
// server when the queue replays (STORE +FLAGS / -FLAGS with the keywords), exactly as read and
// star are.
import type { MessageId } from '../../../../shared/domain';
import { groupByMailbox, type Operation, type UidTarget } from './operation';
import { setFlags } from './set-flags';

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

  // the server side is a STORE of flag names, as read and star are: the same replay, and the same
  // full flag resync when the queue gives the action up
  replay: setFlags.replay,
  discard: setFlags.discard,
};
