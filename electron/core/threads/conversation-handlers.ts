// The conversation methods of the contract (shared/contract-conversations.ts). Every read
// first threads what header sync stored since the last read, up to a bound: in steady state
// that is the last sync batch, so the list is current; a first sync's backlog is left to the
// threader's background batches.
import { SEARCH_CONVERSATION_HITS, type ConversationMethodName } from '../../../shared/contract-conversations';
import type { MailboxId, MailboxRole, MessageHeader } from '../../../shared/domain';
import type { SearchScope } from '../../../shared/search-query';
import type { MethodHandlers } from '../method-handlers';
import type { ConversationsRepo } from './conversations-repo';
import type { Threader } from './threader';

/** Rows threaded inside one read at most (a few milliseconds); more are left to the background. */
export const THREAD_ON_READ = 2_000;

export interface ConversationHandlerDeps {
  conversations: ConversationsRepo;
  threader: Threader;
  /** The local search's hits, newest first (search/local-search.ts). */
  search: (query: string, scope: SearchScope, offset: number, limit: number) => { messages: MessageHeader[] };
  /** Each running account's folder of a role, for the unified views. */
  unifiedMailboxes: (role: MailboxRole) => MailboxId[];
}

export function createConversationHandlers(deps: ConversationHandlerDeps): MethodHandlers<ConversationMethodName> {
  const { conversations, threader } = deps;
  const caughtUp = () => {
    if (threader.catchUp(THREAD_ON_READ)) threader.kick();
  };
  return {
    'conversations.window': async ({ mailboxId, offset, limit }) => {
      caughtUp();
      return { total: conversations.count(mailboxId), messages: conversations.window(mailboxId, offset, limit) };
    },
    'conversations.unifiedWindow': async ({ role, offset, limit }) => {
      caughtUp();
      const boxes = deps.unifiedMailboxes(role);
      return {
        total: boxes.reduce((sum, id) => sum + conversations.count(id), 0),
        messages: conversations.windowAcross(boxes, offset, limit),
      };
    },
    'conversations.search': async ({ query, scope, offset, limit }) => {
      caughtUp();
      const hits = deps.search(query, scope, 0, SEARCH_CONVERSATION_HITS).messages;
      const { total, rows } = conversations.searchRows(hits, offset, limit);
      return { total, messages: rows };
    },
    'conversations.messages': async ({ id, mailboxId }) => {
      caughtUp();
      return conversations.messages(id, mailboxId);
    },
    'conversations.members': async ({ rows }) => conversations.members(rows),
  };
}
