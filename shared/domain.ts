// The domain types every layer shares, each inferred from its zod schema in schemas.ts (where
// the shapes and their doc comments are): a type cannot say something its check does not.
// z.infer is the parsed (output) shape: what the engine stores and answers. Type-only imports,
// so importing a domain type costs no zod at run time.
import type { z } from 'zod';
import type {
  accountIdSchema,
  accountSchema,
  accountSettingsSchema,
  accountStateReasonSchema,
  accountStateSchema,
  accountStatusSchema,
  addressSchema,
  attachmentDataSchema,
  attachmentInfoSchema,
  incomingProtocolSchema,
  mailboxIdSchema,
  mailboxRoleSchema,
  mailboxSchema,
  messageBodySchema,
  messageFlagsSchema,
  messageHeaderSchema,
  messageIdSchema,
  messagesChangeSchema,
  pop3OptionsSchema,
  quotaSchema,
  remoteImagesPolicySchema,
  securitySchema,
  serverSettingsSchema,
  startupNoticeSchema,
  syncProgressSchema,
} from './schemas';

export type AccountId = z.infer<typeof accountIdSchema>;
export type MailboxId = z.infer<typeof mailboxIdSchema>;
export type MessageId = z.infer<typeof messageIdSchema>;

export type Security = z.infer<typeof securitySchema>;
export type ServerSettings = z.infer<typeof serverSettingsSchema>;
export type RemoteImagesPolicy = z.infer<typeof remoteImagesPolicySchema>;
export type AccountSettings = z.infer<typeof accountSettingsSchema>;
export type IncomingProtocol = z.infer<typeof incomingProtocolSchema>;
export type Pop3Options = z.infer<typeof pop3OptionsSchema>;
export type Account = z.infer<typeof accountSchema>;

export type AccountState = z.infer<typeof accountStateSchema>;
export type AccountStateReason = z.infer<typeof accountStateReasonSchema>;
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export type MailboxRole = z.infer<typeof mailboxRoleSchema>;
export type Mailbox = z.infer<typeof mailboxSchema>;

export type Address = z.infer<typeof addressSchema>;
export type MessageFlags = z.infer<typeof messageFlagsSchema>;
export type MessageHeader = z.infer<typeof messageHeaderSchema>;
export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;
export type MessageBody = z.infer<typeof messageBodySchema>;
export type AttachmentData = z.infer<typeof attachmentDataSchema>;

export type Quota = z.infer<typeof quotaSchema>;
export type MessagesChange = z.infer<typeof messagesChangeSchema>;
export type SyncProgress = z.infer<typeof syncProgressSchema>;
export type StartupNotice = z.infer<typeof startupNoticeSchema>;
