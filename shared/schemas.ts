// zod schemas for the domain types, so main can validate whatever crosses the IPC boundary.
import { z } from 'zod';

export const accountIdSchema = z.string().min(1).max(100);
export const mailboxIdSchema = z.number().int().positive();
export const messageIdSchema = z.number().int().positive();
export const messageIdsSchema = z.array(messageIdSchema).min(1).max(100_000);

export const securitySchema = z.enum(['tls', 'starttls', 'plain']);

export const serverSettingsSchema = z.object({
  host: z.string().trim().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  security: securitySchema,
});

/** Remote images of an account's mail: 'ask' blocks them behind the bar; 'always' loads them. */
export const remoteImagesPolicySchema = z.enum(['ask', 'always']);

export const accountSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().min(3).max(320),
  displayName: z.string().max(200),
  username: z.string().min(1).max(320),
  imap: serverSettingsSchema,
  smtp: serverSettingsSchema,
  signature: z.string().max(20_000).optional(),
  serverSavesSent: z.boolean().optional(),
  syncIntervalSeconds: z.number().int().min(1).max(86_400).optional(),
  remoteImages: remoteImagesPolicySchema.optional(),
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
  syncIntervalSeconds: z.number().int().min(1).max(86_400).optional(),
  remoteImages: remoteImagesPolicySchema.optional(),
});

/** A sender whose remote images load for one account ("Always for this sender"). */
export const remoteSenderSchema = z.object({
  accountId: accountIdSchema,
  address: z.string().trim().toLowerCase().min(3).max(320),
});

const addressSchema = z.object({ name: z.string(), address: z.string() });
const flagsSchema = z.object({ seen: z.boolean(), flagged: z.boolean(), answered: z.boolean(), draft: z.boolean() });

export const accountSchema = accountSettingsSchema.extend({ id: accountIdSchema, createdAt: z.number() });

export const accountStatusSchema = z.object({
  accountId: accountIdSchema,
  state: z.enum(['connecting', 'online', 'offline', 'auth-failed', 'error']),
  reason: z.enum(['auth', 'tls', 'network', 'protocol']).optional(),
  message: z.string().optional(),
  retryAt: z.number().optional(),
});

export const mailboxSchema = z.object({
  id: mailboxIdSchema,
  accountId: accountIdSchema,
  path: z.string(),
  name: z.string(),
  parentPath: z.string().nullable(),
  delimiter: z.string(),
  role: z.enum(['inbox', 'drafts', 'sent', 'trash', 'junk', 'archive']).nullable(),
  subscribed: z.boolean(),
  selectable: z.boolean(),
  unread: z.number().int(),
  total: z.number().int(),
});

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
  date: z.number(),
  size: z.number(),
  flags: flagsSchema,
  hasAttachments: z.boolean(),
  snippet: z.string().nullable(),
  threadKey: z.string(),
});

export const attachmentInfoSchema = z.object({
  part: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  contentId: z.string().nullable(),
  inline: z.boolean(),
});

export const messageBodySchema = z.object({
  messageId: messageIdSchema,
  html: z.string().nullable(),
  text: z.string().nullable(),
  attachments: z.array(attachmentInfoSchema),
  bcc: z.array(addressSchema),
  replyTo: z.array(addressSchema),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
});

export const attachmentDataSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
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
});

export const syncProgressSchema = z.object({
  accountId: accountIdSchema,
  mailbox: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
