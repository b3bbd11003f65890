// What a folder dialog is asked to do: the sidebar's context menu, the palette and the
// shortcuts all open the same dialogs with one of these.
import type { AccountId, Mailbox } from '../../shared/domain';

export type FolderRequest =
  | { kind: 'create'; accountId: AccountId; parent: Mailbox | null }
  | { kind: 'rename'; mailbox: Mailbox }
  | { kind: 'move'; mailbox: Mailbox }
  | { kind: 'delete'; mailbox: Mailbox }
  | { kind: 'empty'; mailbox: Mailbox }
  /** How far back the account syncs headers. */
  | { kind: 'syncWindow'; accountId: AccountId };
