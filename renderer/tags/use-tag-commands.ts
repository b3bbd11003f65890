// The tag commands (tag-commands.ts) for the window: they act on the targets as they are when
// a command runs, and report a failure against the open message's account.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { type TagCommandContext, tagCommands } from './tag-commands';

export function useTagCommands(
  targets: MessageId[],
  accountId: string | undefined,
  reportFailure: (accountId: string, message: string) => void,
) {
  const transport = useTransport();
  const { t } = useTranslation();
  const latest = useRef<TagCommandContext>({ targets, onFailure: () => undefined });
  useEffect(() => {
    latest.current = {
      targets,
      onFailure: (error) => reportFailure(accountId ?? '', errorMessage(error, t) ?? t('common.unknownError')),
    };
  });
  const hasTargets = targets.length > 0;
  // eslint-disable-next-line react-hooks/refs -- the context is read when a command runs, never while building them
  return useMemo(() => tagCommands(transport, hasTargets, () => latest.current), [transport, hasTargets]);
}
