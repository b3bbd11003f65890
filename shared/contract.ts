// The one contract between the UI and the mail engine. The renderer knows nothing else:
// every method's input and output and every event is declared here with a zod schema,
// main (IPC) and the browser shell (WebSocket) validate every argument against it, and the
// core's service facade implements exactly these methods and emits exactly these events.
import { z } from 'zod';
import {
  accountIdSchema,
  accountSchema,
  accountSettingsSchema,
  accountStatusSchema,
  attachmentDataSchema,
  mailboxIdSchema,
  mailboxSchema,
  messageBodySchema,
  messageHeaderSchema,
  messageIdSchema,
  messageIdsSchema,
  messagesChangeSchema,
  quotaSchema,
  searchScopeSchema,
  startupNoticeSchema,
  syncProgressSchema,
} from './schemas';
import { accountEvents, accountMethods } from './contract-accounts';
import { conversationMethods } from './contract-conversations';
import { oauthMethods } from './contract-oauth';
import { serverSettingsMethods } from './contract-server-settings';
import { SEARCH_QUERY_MAX_LENGTH } from './search-query';
import { pop3Methods } from './contract-pop3';
import { desktopEvents, desktopMethods } from './contract-desktop';
import { readerMethods } from './contract-reader';
import { emlDragMethods } from './contract-eml-drag';
import { listFilterSchema, listSortSchema } from './list-order';
import { offlineBodiesMethods, searchEvents, searchMethods } from './contract-search';
import { authservMethods } from './contract-authserv';
import { sendingEvents, sendingMethods } from './contract-sending';
import { contactMethods } from './contract-contacts';
import { identityMethods } from './contract-identities';
import { folderMethods } from './contract-folders';

const ok = z.object({ ok: z.literal(true) });

export const methods = {
  'accounts.list': { input: z.object({}), output: z.array(accountSchema) },
  'accounts.add': {
    input: z.object({ settings: accountSettingsSchema, password: z.string().min(1).max(10_000) }),
    output: accountSchema,
  },
  'accounts.remove': { input: z.object({ accountId: accountIdSchema }), output: ok },
  'accounts.setPassword': {
    input: z.object({ accountId: accountIdSchema, password: z.string().min(1).max(10_000) }),
    output: ok,
  },
  'accounts.status': { input: z.object({}), output: z.array(accountStatusSchema) },
  'accounts.quota': { input: z.object({ accountId: accountIdSchema }), output: quotaSchema.nullable() },
  'mailboxes.list': { input: z.object({ accountId: accountIdSchema.optional() }), output: z.array(mailboxSchema) },
  /** Tells the core which mailbox the user looks at: it is synced first and watched with IDLE. */
  'mailboxes.open': { input: z.object({ mailboxId: mailboxIdSchema }), output: ok },
  'mailboxes.markRead': { input: z.object({ mailboxId: mailboxIdSchema }), output: ok },
  'messages.window': {
    input: z.object({
      mailboxId: mailboxIdSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
      sort: listSortSchema.optional(),
      filter: listFilterSchema.optional(),
    }),
    output: z.object({ total: z.number().int(), messages: z.array(messageHeaderSchema) }),
  },
  /** The unified view of one role (Inbox, Sent, Drafts) across every account. */
  'messages.unifiedWindow': {
    input: z.object({
      role: z.enum(['inbox', 'sent', 'drafts']),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
      sort: listSortSchema.optional(),
      filter: listFilterSchema.optional(),
    }),
    output: z.object({ total: z.number().int(), messages: z.array(messageHeaderSchema) }),
  },
  /** Full-text search of the local cache (shared/search-query.ts has the query language), newest first. */
  'messages.search': {
    input: z.object({
      query: z.string().max(SEARCH_QUERY_MAX_LENGTH),
      scope: searchScopeSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    }),
    output: z.object({ total: z.number().int(), messages: z.array(messageHeaderSchema) }),
  },
  'messages.get': {
    input: z.object({ ids: z.array(messageIdSchema).max(1000) }),
    output: z.array(messageHeaderSchema),
  },
  'messages.setFlags': {
    input: z.object({ ids: messageIdsSchema, seen: z.boolean().optional(), flagged: z.boolean().optional() }),
    output: ok,
  },
  'messages.move': { input: z.object({ ids: messageIdsSchema, toMailboxId: mailboxIdSchema }), output: ok },
  'messages.archive': { input: z.object({ ids: messageIdsSchema }), output: ok },
  'messages.delete': { input: z.object({ ids: messageIdsSchema }), output: ok },
  'message.body': { input: z.object({ id: messageIdSchema }), output: messageBodySchema },
  /**
   * The message's raw source (its first MAX bytes, as text), for a message with no part that can
   * be shown: the reader offers it rather than a blank pane.
   */
  'message.source': {
    input: z.object({ id: messageIdSchema }),
    output: z.object({ source: z.string(), truncated: z.boolean() }),
  },
  'message.attachment': {
    input: z.object({ id: messageIdSchema, part: z.string().regex(/^\d+(\.\d+)*$/) }),
    output: attachmentDataSchema,
  },
  /**
   * Opens an attachment with the system's default app. Only a desktop shell can: the browser
   * shell answers 'unsupported' (the UI then offers the file as before). 'blocked': a type that
   * can run programs (.exe, .js, .sh...), never opened; the UI saves it instead and says why.
   */
  'message.openAttachment': {
    input: z.object({ id: messageIdSchema, part: z.string().regex(/^\d+(\.\d+)*$/) }),
    output: z.object({ outcome: z.enum(['opened', 'blocked', 'unsupported']) }),
  },
  /** What start-up found that the user should know: a damaged cache rebuilt, passwords kept without a keychain. */
  'app.notices': { input: z.object({}), output: z.array(startupNoticeSchema) },
  'sync.now': { input: z.object({ accountId: accountIdSchema.optional() }), output: ok },
  /**
   * The window came to the front, or left it. While in front the engine also asks the server
   * now and then (NOOP on the IDLE connection), for servers whose IDLE reports changes late.
   */
  'sync.foreground': { input: z.object({ foreground: z.boolean() }), output: ok },
  /**
   * A remote image the user chose to load, fetched by the engine so the renderer never makes a
   * network request; `blocked` says why it was refused (private address, too large, not an image).
   */
  'remote.image': {
    input: z.object({ url: z.string().min(1).max(8192) }),
    output: z.object({ dataUrl: z.string().nullable(), blocked: z.string().optional() }),
  },
  // compose, outbox and drafts (shared/contract-sending.ts)
  ...sendingMethods,
  ...contactMethods,
  ...identityMethods,
  ...searchMethods,
  ...offlineBodiesMethods,
  // discovery, connection tests, certificate trust (shared/contract-accounts.ts)
  ...accountMethods,
  // conversation mode of the list and the stacked reading pane (shared/contract-conversations.ts)
  ...conversationMethods,
  // POP3 accounts' options (shared/contract-pop3.ts)
  ...pop3Methods,
  // mailto: links, the unread badge, the tray's settings (shared/contract-desktop.ts)
  ...desktopMethods,
  // OAuth2 sign-in through the provider's page (shared/contract-oauth.ts)
  ...oauthMethods,
  // server settings edited after setup (shared/contract-server-settings.ts)
  ...serverSettingsMethods,
  // the raw message, saved as .eml (shared/contract-reader.ts)
  ...readerMethods,
  ...emlDragMethods,
  ...authservMethods,
  // folder management, Junk / Not junk (shared/contract-folders.ts)
  ...folderMethods,
} as const;

export const events = {
  'mailboxes.changed': z.object({ accountId: accountIdSchema }),
  'messages.changed': messagesChangeSchema,
  'sync.progress': syncProgressSchema,
  'account.status': accountStatusSchema,
  /**
   * A body that could not be loaded for want of a connection was fetched (and cached) once the
   * account was online again: a pane still showing that failure loads it now.
   */
  'message.bodyLoaded': z.object({ id: messageIdSchema }),
  /** The server reported a different storage use (or limit) for the account than before. */
  'quota.changed': quotaSchema,
  /**
   * An operation replayed against the server failed for good. `reason` (with `count` messages)
   * is for the UI to explain in the user's language; `message` is the engine's English detail.
   */
  'operation.failed': z.object({
    accountId: accountIdSchema,
    kind: z.string(),
    reason: z.enum(['messages-gone', 'mailbox-recreated', 'refused', 'unknown-action']),
    count: z.number().int().optional(),
    /** The subject of (the first) message the given-up action was for. */
    subject: z.string().optional(),
    message: z.string(),
  }),
  ...sendingEvents,
  ...accountEvents,
  ...desktopEvents,
  ...searchEvents,
} as const;

// One set of names for a method's types, for every part of the contract (the account and
// sending parts included, since they are spread into `methods`):
//   MethodInput<M>   what a caller sends: the input before validation (z.input; a field with a
//                    default may be left out, a string may still carry the spaces trim removes).
//   MethodArgs<M>    what a handler receives: the same input after validation (z.output).
//   MethodResult<M>  what the method answers (z.output of its output schema).
export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/**
 * Whether an event delivered to a generic listener is `event`, its payload then that event's.
 * Every sender ties a payload to its name, which the compiler cannot follow through a generic
 * listener; the name alone decides, so the payload is only the subject of the answer.
 */
export function isPayloadOf<E extends EventName>(
  event: E,
  name: EventName,
  _payload: unknown,
): _payload is EventPayload<E> {
  return name === event;
}

/** What the renderer talks to; the Electron bridge and the WebSocket both implement it. */
export interface Transport {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  /** Returns a function that unsubscribes. */
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void;
}

/** Every code a failed call can carry; both shells check a code against this one list. */
export const CONTRACT_ERROR_CODES = [
  'invalid-input',
  'not-found',
  'auth-failed',
  'offline',
  'server',
  'disk-full',
  'internal',
] as const;
export type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];

/** Errors cross the boundary as data: a code to branch on and a sentence for a person. */
export interface ContractError {
  /** 'disk-full': nothing was written, there is no room left on the disk (or the database may grow no more). */
  code: ContractErrorCode;
  message: string;
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
