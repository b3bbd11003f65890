// Subscribing to a folder or unsubscribing from it (RFC 3501 SUBSCRIBE / UNSUBSCRIBE). The
// engine syncs an unsubscribed folder only when the user opens it (sync/sync-policy.ts).
import type { AccountId } from '../../../../shared/domain';
import { folderOpResult, type Operation } from './operation';
import { refusedCommand } from './refused-command';

export interface FolderSubscribeInput {
  accountId: AccountId;
  path: string;
  subscribed: boolean;
}

export interface FolderSubscribePayload {
  path: string;
  subscribed: boolean;
}

export const folderSubscribe: Operation<FolderSubscribeInput, FolderSubscribePayload> = {
  kind: 'folder-subscribe',
  changesTree: true,

  applyLocally(store, input) {
    store.mailboxes.setSubscribed(input.accountId, input.path, input.subscribed);
    return folderOpResult(input.accountId, { path: input.path, subscribed: input.subscribed });
  },

  async replay(client, _store, payload) {
    const done = payload.subscribed
      ? await client.mailboxSubscribe(payload.path)
      : await client.mailboxUnsubscribe(payload.path);
    if (!done) throw await refusedCommand(client, payload.subscribed ? 'SUBSCRIBE' : 'UNSUBSCRIBE');
    return { missing: [] };
  },

  discard(store, payload, accountId) {
    store.mailboxes.setSubscribed(accountId, payload.path, !payload.subscribed);
  },
};
