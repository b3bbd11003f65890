// The domain's shapes, declared once as zod schemas: main validates whatever crosses the IPC
// boundary against them, and shared/domain.ts infers every domain type from them, so a shape
// cannot drift from its check. Pure data: no Node, no DOM, no classes.
// Ids are SQLite row ids (numbers) for mailboxes and messages, and UUID strings for accounts,
// so an id never changes when the server renames or renumbers something.
import { z } from 'zod';

export const accountIdSchema = z.string().min(1).max(100);
export const mailboxIdSchema = z.number().int().positive();
export const messageIdSchema = z.number().int().positive();
export const messageIdsSchema = z.array(messageIdSchema).min(1).max(100_000);

/** How a connection is protected. 'plain' exists only so the wizard can warn about it. */
export const securitySchema = z.enum(['tls', 'starttls', 'plain']);

export const serverSettingsSchema = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  security: securitySchema,
});

/** Remote images of an account's mail: 'ask' blocks them behind the bar; 'always' loads them. */
export const remoteImagesPolicySchema = z.enum(['ask', 'always']);

/**
 * How a POP3 account treats the server's copy: kept (the default), removed N days after download,
 * removed once deleted here; `leaveOnServer: false` removes each message once it is stored here.
 */
export const pop3OptionsSchema = z.object({
  leaveOnServer: z.boolean(),
  deleteAfterDays: z.number().int().min(1).max(3650).nullable(),
  deleteWhenDeletedHere: z.boolean(),
});

/** How an account reads its mail: IMAP (kept on the server) or POP3 (downloaded to this computer). */
export const incomingProtocolSchema = z.enum(['imap', 'pop3']);

export const accountSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().min(3).max(320),
  displayName: z.string().max(200),
  username: z.string().min(1).max(320),
  /** The incoming server: IMAP's, or POP3's when `protocol` is 'pop3'. */
  imap: serverSettingsSchema,
  smtp: serverSettingsSchema,
  /** Absent: IMAP. */
  protocol: incomingProtocolSchema.optional(),
  /** POP3 accounts only; absent: the defaults (kept on the server). */
  pop3: pop3OptionsSchema.optional(),
  signature: z.string().max(20_000).optional(),
  /** Where a reply or forward puts the signature; absent: 'above' the quoted original. */
  signaturePlacement: z.enum(['above', 'below']).optional(),
  /** Servers such as Gmail file sent mail into Sent themselves; appending would duplicate it. */
  serverSavesSent: z.boolean().optional(),
  /** Seconds between STATUS checks of the mailboxes IDLE does not watch. */
  syncIntervalSeconds: z.number().int().min(1).max(86_400).optional(),
  /** Remote images: 'ask' (blocked behind the bar, the default) or 'always' (loaded). */
  remoteImages: remoteImagesPolicySchema.optional(),
  /**
   * Signs in with OAuth2 at this provider (electron/core/accounts/auth/oauth-providers.ts ids)
   * instead of a password. Set by the engine when an account is added through the provider's page.
   */
  oauthProvider: z.string().max(64).optional(),
});

/** One line: a name goes into the From header, where a line break would start a new header. */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\r\n]*$/, 'must be one line');

/** What the account settings may change; a field left out stays as it is. */
export const accountChangesSchema = z.object({
  name: oneLine(200).min(1).optional(),
  displayName: oneLine(200).optional(),
  /** '' removes the signature. */
  signature: z.string().max(20_000).optional(),
  signaturePlacement: z.enum(['above', 'below']).optional(),
  syncIntervalSeconds: z.number().int().min(1).max(86_400).optional(),
  remoteImages: remoteImagesPolicySchema.optional(),
});

/** A sender whose remote images load for one account ("Always for this sender"). */
export const remoteSenderSchema = z.object({
  accountId: accountIdSchema,
  address: z.string().trim().toLowerCase().min(3).max(320),
});

export const addressSchema = z.object({ name: z.string(), address: z.string() });
export const messageFlagsSchema = z.object({
  seen: z.boolean(),
  flagged: z.boolean(),
  answered: z.boolean(),
  draft: z.boolean(),
});

export const accountSchema = accountSettingsSchema.extend({ id: accountIdSchema, createdAt: z.number() });

export const accountStateSchema = z.enum(['connecting', 'online', 'offline', 'auth-failed', 'error']);

/** Why an account is not online, for the UI to explain in the user's language. */
export const accountStateReasonSchema = z.enum(['auth', 'tls', 'network', 'protocol']);

export const accountStatusSchema = z.object({
  accountId: accountIdSchema,
  state: accountStateSchema,
  reason: accountStateReasonSchema.optional(),
  /** The engine's own sentence, in English: a detail beside the translated reason. */
  message: z.string().optional(),
  /** When the next connection attempt happens (ms since epoch), while offline. */
  retryAt: z.number().optional(),
  /** auth-failed: the server (host) that refused the password, IMAP's or SMTP's. */
  server: z.string().optional(),
});

export const mailboxRoleSchema = z.enum(['inbox', 'drafts', 'sent', 'trash', 'junk', 'archive']);

export const mailboxSchema = z.object({
  id: mailboxIdSchema,
  accountId: accountIdSchema,
  /** The server's full path, e.g. "INBOX/Projects"; never translated or changed. */
  path: z.string(),
  /** The last path segment, as the server names it. */
  name: z.string(),
  parentPath: z.string().nullable(),
  delimiter: z.string(),
  role: mailboxRoleSchema.nullable(),
  subscribed: z.boolean(),
  /** \Noselect folders exist only to hold children. */
  selectable: z.boolean(),
  /**
   * False: the user turned sync off for it, or it only shows messages of other folders (Gmail's
   * All Mail, Important, Starred), so the engine does not sync it (selective sync).
   */
  syncEnabled: z.boolean().optional(),
  /**
   * True: synced only while the user has it open, not in the background (a Gmail label folder:
   * its messages show in the Inbox with their labels), until the user turns its sync on.
   */
  syncOnOpen: z.boolean().optional(),
  unread: z.number().int(),
  total: z.number().int(),
});

/** What the message list shows: everything comes from header sync, nothing from the body. */
export const messageHeaderSchema = z.object({
  id: messageIdSchema,
  mailboxId: mailboxIdSchema,
  accountId: accountIdSchema,
  uid: z.number().int(),
  messageId: z.string().nullable(),
  subject: z.string(),
  from: z.array(addressSchema),
  to: z.array(addressSchema),
  cc: z.array(addressSchema),
  /** Date header in ms since epoch (internal date when the header is missing or broken). */
  date: z.number(),
  size: z.number(),
  flags: messageFlagsSchema,
  /** IMAP keywords: the tags (shared/tags.ts says which are shown), and other clients' state. */
  keywords: z.array(z.string()).optional(),
  /**
   * Gmail's labels of the message (X-GM-LABELS: user labels by name, system ones such as
   * "\\Important" with a backslash), without the one of the folder it is in; absent elsewhere.
   */
  gmailLabels: z.array(z.string()).optional(),
  hasAttachments: z.boolean(),
  snippet: z.string().nullable(),
  threadKey: z.string(),
  /** In search results: matched by the server's SEARCH only (its body is not cached). */
  foundOnServer: z.boolean().optional(),
});

export const attachmentInfoSchema = z.object({
  /** The IMAP body part number, e.g. "2" or "1.2". */
  part: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  contentId: z.string().nullable(),
  /** Inline parts (cid images) are shown in the body, not in the attachment list. */
  inline: z.boolean(),
});

export const messageBodySchema = z.object({
  messageId: messageIdSchema,
  html: z.string().nullable(),
  text: z.string().nullable(),
  attachments: z.array(attachmentInfoSchema),
  /** Headers shown by the reading pane beyond what the list has. */
  bcc: z.array(addressSchema),
  replyTo: z.array(addressSchema),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
});

export const attachmentDataSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  /** Base64, so it crosses both transports (structured clone and JSON) unchanged. */
  dataBase64: z.string(),
});

export const quotaSchema = z.object({
  accountId: accountIdSchema,
  usedBytes: z.number(),
  limitBytes: z.number().nullable(),
});

export const messagesChangeSchema = z.object({
  mailboxId: mailboxIdSchema,
  added: z.array(messageIdSchema),
  removed: z.array(messageIdSchema),
  updated: z.array(messageIdSchema),
  /**
   * The added messages come from the folder's first sync (a new account, or a cache reset):
   * mail that was there already, not mail that just arrived, so nobody is notified of it.
   */
  firstSync: z.boolean().optional(),
});

export const syncProgressSchema = z.object({
  accountId: accountIdSchema,
  mailbox: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});

/** Where a search looks: the folder on screen, one account, or every account. */
export const searchScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mailbox'), mailboxId: mailboxIdSchema }),
  z.object({ kind: z.literal('account'), accountId: accountIdSchema }),
  z.object({ kind: z.literal('all') }),
]);

/**
 * Something the user should know about how their data is kept, found at start-up:
 * 'cache-rebuilt': mail.db was damaged, set aside as `keptAs`; `restored` says whether accounts,
 *   drafts and the outbox came back from the user-data copy (the mail itself is fetched again);
 * 'backup-damaged': the user-data copy was damaged, set aside as `keptAs`, and written again;
 * 'backup-failed': the user-data copy could not be brought up to date (a full disk);
 * 'weak-secret-storage': no OS keychain protects stored passwords on this computer.
 */
export const startupNoticeSchema = z.object({
  kind: z.enum(['cache-rebuilt', 'cache-missing', 'backup-damaged', 'backup-failed', 'weak-secret-storage']),
  keptAs: z.string().optional(),
  restored: z.boolean().optional(),
});
