// The toast after an action: "Archived 3 messages · Undo". Its text is a polite live region
// (announced without moving focus); the Undo button offers by mouse what z does by keyboard.
// Deleting from Trash says instead that it cannot be undone.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../ui/IconButton';
import type { UndoEntry } from './undo-model';
import type { UndoToast as UndoToastState } from './use-undo';
import './undo-toast.css';

export function describeEntry(entry: UndoEntry, t: TFunction): string {
  const count = entry.count;
  if (entry.kind === 'move') {
    switch (entry.verb) {
      case 'archive':
        return t('undo.archived', { count });
      case 'delete':
        return t('undo.deleted', { count });
      case 'junk':
        return t('undo.junked', { count });
      case 'move':
        return t('undo.moved', { count, folder: entry.folderName ?? '' });
    }
  }
  switch (entry.verb) {
    case 'read':
      return t('undo.markedRead', { count });
    case 'unread':
      return t('undo.markedUnread', { count });
    case 'star':
      return t('undo.starred', { count });
    case 'unstar':
      return t('undo.unstarred', { count });
  }
}

function toastText(toast: UndoToastState, t: TFunction): string {
  switch (toast.kind) {
    case 'done':
      return describeEntry(toast.entry, t);
    case 'permanent':
      return t('undo.deletedForever', { count: toast.count });
    case 'undoing':
      return t('undo.undoing');
    case 'undone':
      return t('undo.undone', { action: describeEntry(toast.entry, t) });
    case 'nothing':
      return t('undo.nothing');
    case 'failed':
      return t('undo.failed', { reason: toast.reason ?? t('common.unknownError') });
  }
}

interface UndoToastProps {
  toast: (UndoToastState & { key: number }) | null;
  /** How the undo shortcut reads on this keyboard, e.g. "z" (shown on the button). */
  shortcut: string | null;
  onUndo: () => void;
  onDismiss: () => void;
}

export function UndoToast({ toast, shortcut, onUndo, onDismiss }: UndoToastProps) {
  const { t } = useTranslation();
  const text = toast ? toastText(toast, t) : '';
  return (
    <section className={toast ? 'undo-toast is-visible' : 'undo-toast'} role="region" aria-label={t('undo.region')}>
      <span className="undo-toast-text" aria-live="polite" aria-atomic="true">
        {text}
      </span>
      {toast?.kind === 'done' && (
        <>
          <span className="undo-toast-separator" aria-hidden="true">
            ·
          </span>
          <button type="button" className="undo-toast-button" onClick={onUndo}>
            {t('undo.button')}
            {shortcut && (
              <kbd className="undo-toast-key" aria-hidden="true">
                {shortcut}
              </kbd>
            )}
          </button>
        </>
      )}
      {toast && toast.kind !== 'undoing' && (
        <IconButton icon="close" label={t('common.dismiss')} className="undo-toast-close" onClick={onDismiss} />
      )}
    </section>
  );
}
