// The body in either format: the rich editor with its toolbar, or a plain textarea. Switching to
// plain text asks first when formatting would be lost; switching back turns the text into
// paragraphs (quoted lines into a quote). Both take pasted and dropped files as attachments.
import { forwardRef, useId, useImperativeHandle, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyFormat } from '../../shared/compose';
import { editorHtmlToPlain, hasFormatting, plainToEditorHtml } from './editor-html';
import { RichTextEditor, type RichTextEditorHandle } from './RichTextEditor';

export interface ComposerBodyHandle {
  focusStart(): void;
}

interface ComposerBodyProps {
  format: BodyFormat;
  body: string;
  onChange: (change: { format?: BodyFormat; body: string }) => void;
  onFiles: (files: File[], options?: { pasted?: boolean }) => void;
  /** Attach files, shown in the toolbar of either format. */
  attachButton: ReactNode;
}

export const ComposerBody = forwardRef<ComposerBodyHandle, ComposerBodyProps>(function ComposerBody(
  { format, body, onChange, onFiles, attachButton },
  handle,
) {
  const { t } = useTranslation();
  const rich = useRef<RichTextEditorHandle>(null);
  const plain = useRef<HTMLTextAreaElement>(null);
  const [confirming, setConfirming] = useState(false);
  // A new editor for each switch: the rich editor reads its HTML once.
  const [generation, setGeneration] = useState(0);
  const plainId = useId();
  const confirmId = useId();

  useImperativeHandle(handle, () => ({
    focusStart: () => {
      if (format === 'html') rich.current?.focusStart();
      else {
        plain.current?.focus();
        plain.current?.setSelectionRange(0, 0);
      }
    },
  }));

  const toPlain = () => {
    setConfirming(false);
    onChange({ format: 'plain', body: editorHtmlToPlain(body) });
    setGeneration((g) => g + 1);
  };

  const toRich = () => {
    onChange({ format: 'html', body: plainToEditorHtml(body) });
    setGeneration((g) => g + 1);
  };

  const switchButton =
    format === 'html' ? (
      <button
        type="button"
        className="button button-quiet format-switch"
        tabIndex={-1}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (hasFormatting(body) ? setConfirming(true) : toPlain())}
      >
        {t('composer.format.toPlain')}
      </button>
    ) : (
      <button type="button" className="button button-quiet format-switch" onClick={toRich}>
        {t('composer.format.toRich')}
      </button>
    );

  return (
    <>
      {confirming && (
        <div
          className="format-confirm"
          role="alertdialog"
          aria-label={t('composer.format.toPlain')}
          aria-describedby={confirmId}
        >
          <span id={confirmId}>{t('composer.format.confirmPlain')}</span>
          <button type="button" className="button button-primary" autoFocus onClick={toPlain}>
            {t('composer.format.confirmPlainAction')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setConfirming(false);
              rich.current?.focus();
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      )}
      {format === 'html' ? (
        <RichTextEditor
          key={generation}
          ref={rich}
          initialHtml={body}
          onChange={(html) => onChange({ body: html })}
          onFiles={(files, pasted) => onFiles(files, { pasted })}
          toolbarExtras={
            <>
              {switchButton}
              {attachButton}
            </>
          }
        />
      ) : (
        <>
          <div className="format-toolbar" role="toolbar" aria-label={t('composer.format.label')}>
            {switchButton}
            {attachButton}
          </div>
          <label htmlFor={plainId} className="visually-hidden">
            {t('composer.body')}
          </label>
          <textarea
            key={generation}
            ref={plain}
            id={plainId}
            className="composer-body"
            value={body}
            onChange={(event) => onChange({ body: event.target.value })}
            onPaste={(event) => {
              const files = [...event.clipboardData.files];
              if (files.length === 0) return;
              event.preventDefault();
              onFiles(files, { pasted: true });
            }}
          />
        </>
      )}
    </>
  );
});
