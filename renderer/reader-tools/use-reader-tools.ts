// The reader's own commands (view source, all headers, save as .eml, print) for the one open
// message, and the source view they open. They join the window's command table, so the
// keyboard, the palette and any menu built from that table run them alike.
import { useMemo, useRef, useState, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageHeader, MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import type { Command } from '../app/use-app-commands';
import { requestUnsubscribe } from '../sender/unsubscribe-request';
import { saveMessageAsEml } from './save-message';
import type { SourceMode } from './SourceDialog';

export const READER_ACTIONS = ['viewSource', 'showHeaders', 'saveMessage', 'printMessage', 'unsubscribe'] as const;
export type ReaderActionId = (typeof READER_ACTIONS)[number];

export interface SourceView {
  id: MessageId;
  mode: SourceMode;
}

export interface ReaderTools {
  commands: Record<ReaderActionId, Command>;
  sourceView: SourceView | null;
  closeSourceView: () => void;
}

export function useReaderTools(
  single: MessageHeader | null,
  reportFailure: (accountId: string, message: string) => void,
): ReaderTools {
  const transport = useTransport();
  const { t } = useTranslation();
  const [sourceView, setSourceView] = useState<SourceView | null>(null);
  const latest = useRef({ single, reportFailure, t });
  useLayoutEffect(() => {
    latest.current = { single, reportFailure, t };
  });
  const enabled = single !== null;

  const commands = useMemo<Record<ReaderActionId, Command>>(() => {
    const open = (mode: SourceMode) => {
      const header = latest.current.single;
      if (header) setSourceView({ id: header.id, mode });
    };
    return {
      viewSource: { enabled, run: () => open('source') },
      showHeaders: { enabled, run: () => open('headers') },
      saveMessage: {
        enabled,
        run: () => {
          const { single: header } = latest.current;
          if (!header) return;
          saveMessageAsEml(transport, header.id).catch((error: unknown) => {
            const { reportFailure: report, t: translate } = latest.current;
            report(header.accountId, errorMessage(error, translate) ?? translate('common.unknownError'));
          });
        },
      },
      // The print stylesheet (print.css) leaves only the open message and its headers.
      printMessage: { enabled, run: () => window.print() },
      // The open message's Unsubscribe button asks first; a message from no list ignores it.
      unsubscribe: { enabled, run: requestUnsubscribe },
    };
  }, [enabled, transport]);

  const closeSourceView = useMemo(() => () => setSourceView(null), []);
  return { commands, sourceView, closeSourceView };
}
