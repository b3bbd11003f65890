// The folder part of the contract: managing folders (create, rename, move, delete, empty) and
// the Junk / Not junk actions. Shaped exactly like `methods` in contract.ts, which spreads
// these in. Every change applies to the cache at once and is queued for the server like the
// actions on messages; a refusal arrives later as 'operation.failed' with the op's kind.
import { z } from 'zod';
import { FOLDER_NAME_MAX_LENGTH } from './folder-name-rules';
import { accountIdSchema, mailboxIdSchema, messageIdsSchema } from './schemas';

const ok = z.object({ ok: z.literal(true) });
/** Checked in full by the engine (folder-name-rules.ts), which knows the server's delimiter. */
/** A sync window in months (up to 50 years); null for everything. */
const syncMonthsSchema = z.number().int().min(1).max(600).nullable();
const folderNameSchema = z.string().max(FOLDER_NAME_MAX_LENGTH * 2);

export const folderMethods = {
  /** A new folder at the top level (`parentId` null) or below another folder of the account. */
  'folders.create': {
    input: z.object({ accountId: accountIdSchema, parentId: mailboxIdSchema.nullable(), name: folderNameSchema }),
    output: z.object({ mailboxId: mailboxIdSchema }),
  },
  /** Special folders (those with a role) and folders holding one are refused ('invalid-input'). */
  'folders.rename': { input: z.object({ mailboxId: mailboxIdSchema, name: folderNameSchema }), output: ok },
  /** Re-parents a folder within its account; `parentId` null puts it at the top level. */
  'folders.move': {
    input: z.object({ mailboxId: mailboxIdSchema, parentId: mailboxIdSchema.nullable() }),
    output: ok,
  },
  /** Deletes the folder, the folders below it and their messages, for good. */
  'folders.delete': { input: z.object({ mailboxId: mailboxIdSchema }), output: ok },
  /** Deletes every message of a Trash or Junk folder for good (other folders are refused). */
  'folders.empty': { input: z.object({ mailboxId: mailboxIdSchema }), output: ok },
  /** SUBSCRIBE or UNSUBSCRIBE (queued like the rest); an unsubscribed folder is synced only when opened. */
  'folders.subscribe': { input: z.object({ mailboxId: mailboxIdSchema, subscribed: z.boolean() }), output: ok },
  /**
   * Selective sync: `sync: false` stops syncing the folder and drops its cached messages; it is
   * not fetched again until turned back on. Folders that only show other folders' messages
   * (All Mail, Important, Starred) start with sync off. The Inbox is always synced.
   */
  'folders.setSync': { input: z.object({ mailboxId: mailboxIdSchema, sync: z.boolean() }), output: ok },
  /** How far back the account syncs headers: the last `months` months, or all of them (null). */
  'sync.since': { input: z.object({ accountId: accountIdSchema }), output: z.object({ months: syncMonthsSchema }) },
  'sync.setSince': { input: z.object({ accountId: accountIdSchema, months: syncMonthsSchema }), output: ok },
  /**
   * Copies the messages into another folder of their account (a drop with Ctrl or Alt). Made on
   * the server at once, not queued: offline it fails with 'offline' and nothing changes.
   */
  'messages.copy': { input: z.object({ ids: messageIdsSchema, toMailboxId: mailboxIdSchema }), output: ok },
  /** Moves the messages to their account's Junk folder, created when the account has none. */
  'messages.junk': { input: z.object({ ids: messageIdsSchema }), output: ok },
  /** Moves the messages back to their account's Inbox. */
  'messages.notJunk': { input: z.object({ ids: messageIdsSchema }), output: ok },
} as const;

export type FolderMethodName = keyof typeof folderMethods;
