// A folder the user just made is opened as soon as the folder list has it: the engine announces
// it ('mailboxes.changed') before `folders.create` answers, but the sidebar's list is read after.
import { useCallback, useEffect, useState } from 'react';
import type { Mailbox, MailboxId } from '../../shared/domain';

export function useOpenCreatedFolder(
  mailboxes: readonly Mailbox[],
  selectMailbox: (mailbox: Mailbox) => void,
): (mailboxId: MailboxId) => void {
  const [waiting, setWaiting] = useState<MailboxId | null>(null);
  useEffect(() => {
    if (waiting === null) return;
    const created = mailboxes.find((item) => item.id === waiting);
    if (!created) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- done waiting: the folder list has it now
    setWaiting(null);
    selectMailbox(created);
  }, [waiting, mailboxes, selectMailbox]);
  return useCallback((mailboxId: MailboxId) => setWaiting(mailboxId), []);
}
