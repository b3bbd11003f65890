// What a rich signature will look like in a message: the markup typed into the signature field,
// through the composer's sanitizer, so what the preview shows is what the settings store. A plain
// signature needs no preview and shows none.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isRichSignature } from '../../shared/signature';
import { sanitizeEditorHtml } from '../composer/editor-html';

export function SignaturePreview({ signature }: { signature: string }) {
  const { t } = useTranslation();
  const html = useMemo(() => (isRichSignature(signature) ? sanitizeEditorHtml(signature) : null), [signature]);
  if (html === null) return null;
  return (
    <figure className="signature-preview">
      <figcaption>{t('signatures.preview')}</figcaption>
      {/* sanitized by the composer's own rules just above */}
      <div className="signature-preview-body" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
