// Copying messages into another folder of their account (a drop with Ctrl or Alt). Unlike the
// queued actions it runs on the server at once: a copy made offline would need rows with no
// server counterpart that replay could not tell from the originals, so offline it is refused
// and nothing changes. The target's next sync brings the copies in with their own UIDs.
import type { MessageId } from '../../../../shared/domain';
import { ServiceError } from '../../service-error';
import type { MailboxRecord } from '../../store/mailboxes-repo';
import type { Store } from '../../store/store';
import type { RoleFolderRuntime } from '../role-folder';
import { groupByMailbox, openTarget } from './operation';
import { refusedCommand } from './refused-command';

export async function copyMessages(
  store: Store,
  runtime: Pick<RoleFolderRuntime, 'withClient'>,
  ids: readonly MessageId[],
  to: MailboxRecord,
): Promise<void> {
  const groups = groupByMailbox(store, store.messages.locations(ids));
  if (groups.some((group) => group.accountId !== to.accountId))
    throw new ServiceError('invalid-input', 'Messages can only be copied within their own account.');
  await runtime.withClient(async (client) => {
    for (const group of groups) {
      if (group.mailboxId === to.id) continue;
      const { present } = await openTarget(client, group.target);
      if (present.length && !(await client.messageCopy(present.join(','), to.path, { uid: true })))
        throw await refusedCommand(client, 'COPY', to.path);
    }
  });
}
