// "View source" and "All headers": the raw message as the server keeps it, fetched on demand
// (the first MB of it), in a monospace, read-only view with a copy button. Plain text in a <pre>:
// nothing of the message is ever interpreted as markup here.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { Dialog } from '../ui/Dialog';
import { headerSection, shownSource } from './source-text';
import './reader-tools.css';

export type SourceMode = 'source' | 'headers';

type Loaded =
  { status: 'loading' } | { status: 'ready'; text: string; truncated: boolean } | { status: 'failed'; reason: string };

export function SourceDialog({ id, mode, onClose }: { id: MessageId; mode: SourceMode; onClose: () => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [copied, setCopiedState] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    let live = true;
    transport.invoke('message.source', { id }).then(
      (result) => {
        if (!live) return;
        const text = mode === 'headers' ? headerSection(result.source) : shownSource(result.source);
        setLoaded({ status: 'ready', text, truncated: mode === 'source' && result.truncated });
      },
      (error: unknown) =>
        live && setLoaded({ status: 'failed', reason: errorMessage(error, t) ?? t('common.unknownError') }),
    );
    return () => {
      live = false;
    };
  }, [transport, id, mode, t]);

  const copy = async () => {
    if (loaded.status !== 'ready') return;
    try {
      await navigator.clipboard.writeText(loaded.text);
      setCopiedState('copied');
    } catch {
      setCopiedState('failed');
    }
  };
  const title = mode === 'headers' ? t('readerTools.headersTitle') : t('readerTools.sourceTitle');

  return (
    <Dialog label={title} onClose={onClose} className="source-dialog">
      <div className="source-dialog-head">
        <h2>{title}</h2>
        <div className="source-dialog-actions">
          {/* the outcome is said once, in a live region beside the button, not in its name */}
          <span className="source-copied" aria-live="polite">
            {copied === 'copied' ? t('readerTools.copied') : copied === 'failed' ? t('readerTools.copyFailed') : ''}
          </span>
          <button type="button" className="button" disabled={loaded.status !== 'ready'} onClick={() => void copy()}>
            {t('readerTools.copy')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
      {loaded.status === 'loading' && <p className="source-dialog-note">{t('readerTools.loading')}</p>}
      {loaded.status === 'failed' && (
        <p className="source-dialog-note" role="alert">
          {t('reader.sourceFailed', { reason: loaded.reason })}
        </p>
      )}
      {loaded.status === 'ready' && (
        <>
          {loaded.truncated && <p className="source-dialog-note">{t('reader.sourceTruncated')}</p>}
          {/* focusable, so the keyboard can scroll it; named for screen readers */}
          <pre className="source-text" tabIndex={0} aria-label={title}>
            {loaded.text}
          </pre>
        </>
      )}
    </Dialog>
  );
}
