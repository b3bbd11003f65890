// The domain types every layer shares. Pure data: no Node, no DOM, no classes.
// Ids are SQLite row ids (numbers) for mailboxes and messages, and UUID strings for accounts,
// so an id never changes when the server renames or renumbers something.

export type AccountId = string;
export type MailboxId = number;
export type MessageId = number;

/** How a connection is protected. 'plain' exists only so the wizard can warn about it. */
export type Security = 'tls' | 'starttls' | 'plain';

export interface ServerSettings {
  host: string;
  port: number;
  security: Security;
}

export interface AccountSettings {
  name: string;
  email: string;
  displayName: string;
  username: string;
  imap: ServerSettings;
  smtp: ServerSettings;
  signature?: string;
  /** Servers such as Gmail file sent mail into Sent themselves; appending would duplicate it. */
  serverSavesSent?: boolean;
  /** Seconds between STATUS checks of the mailboxes IDLE does not watch. */
  syncIntervalSeconds?: number;
  /** Remote images: 'ask' (blocked behind the bar, the default) or 'always' (loaded). */
  remoteImages?: RemoteImagesPolicy;
}

export type RemoteImagesPolicy = 'ask' | 'always';

export interface Account extends AccountSettings {
  id: AccountId;
  createdAt: number;
}

export type AccountState = 'connecting' | 'online' | 'offline' | 'auth-failed' | 'error';

/** Why an account is not online, for the UI to explain in the user's language. */
export type AccountStateReason = 'auth' | 'tls' | 'network' | 'protocol';

export interface AccountStatus {
  accountId: AccountId;
  state: AccountState;
  reason?: AccountStateReason;
  /** The engine's own sentence, in English: a detail beside the translated reason. */
  message?: string;
  /** When the next connection attempt happens (ms since epoch), while offline. */
  retryAt?: number;
}

export type MailboxRole = 'inbox' | 'drafts' | 'sent' | 'trash' | 'junk' | 'archive';

export interface Mailbox {
  id: MailboxId;
  accountId: AccountId;
  /** The server's full path, e.g. "INBOX/Projects"; never translated or changed. */
  path: string;
  /** The last path segment, as the server names it. */
  name: string;
  parentPath: string | null;
  delimiter: string;
  role: MailboxRole | null;
  subscribed: boolean;
  /** \Noselect folders exist only to hold children. */
  selectable: boolean;
  unread: number;
  total: number;
}

export interface Address {
  name: string;
  address: string;
}

export interface MessageFlags {
  seen: boolean;
  flagged: boolean;
  answered: boolean;
  draft: boolean;
}

/** What the message list shows: everything comes from header sync, nothing from the body. */
export interface MessageHeader {
  id: MessageId;
  mailboxId: MailboxId;
  accountId: AccountId;
  uid: number;
  messageId: string | null;
  subject: string;
  from: Address[];
  to: Address[];
  cc: Address[];
  /** Date header in ms since epoch (internal date when the header is missing or broken). */
  date: number;
  size: number;
  flags: MessageFlags;
  hasAttachments: boolean;
  snippet: string | null;
  threadKey: string;
}

export interface AttachmentInfo {
  /** The IMAP body part number, e.g. "2" or "1.2". */
  part: string;
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
  /** Inline parts (cid images) are shown in the body, not in the attachment list. */
  inline: boolean;
}

export interface MessageBody {
  messageId: MessageId;
  html: string | null;
  text: string | null;
  attachments: AttachmentInfo[];
  /** Headers shown by the reading pane beyond what the list has. */
  bcc: Address[];
  replyTo: Address[];
  inReplyTo: string | null;
  references: string[];
}

export interface AttachmentData {
  filename: string;
  contentType: string;
  /** Base64, so it crosses both transports (structured clone and JSON) unchanged. */
  dataBase64: string;
}

export interface Quota {
  accountId: AccountId;
  usedBytes: number;
  limitBytes: number | null;
}

export interface MessagesChange {
  mailboxId: MailboxId;
  added: MessageId[];
  removed: MessageId[];
  updated: MessageId[];
}

export interface SyncProgress {
  accountId: AccountId;
  mailbox: string;
  done: number;
  total: number;
}
