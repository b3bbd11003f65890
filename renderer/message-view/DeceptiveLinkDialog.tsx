// The warning before a link whose text shows one host and whose address goes to another. The
// safe choice (Don't open) has the focus; "Open anyway" hands the real address to the browser.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import type { DeceptiveLink } from './deceptive-link';

export function DeceptiveLinkDialog({
  link,
  onClose,
}: {
  link: DeceptiveLink & { href: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const open = () => {
    // the same way an ordinary link opens: a new window the shell hands to the system browser
    window.open(link.href, '_blank', 'noopener,noreferrer');
    onClose();
  };
  return (
    <Dialog
      role="alertdialog"
      label={t('reader.deceptiveLinkTitle')}
      describedBy={`${id}-description`}
      onClose={onClose}
    >
      <div className="dialog-form">
        <h2 className="dialog-title">{t('reader.deceptiveLinkTitle')}</h2>
        <p id={`${id}-description`} className="dialog-description">
          {t('reader.deceptiveLinkDescription', { shown: link.shown, actual: link.actual })}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" autoFocus onClick={onClose}>
            {t('reader.deceptiveLinkCancel')}
          </button>
          <button type="button" className="button button-danger" onClick={open}>
            {t('reader.deceptiveLinkOpen', { actual: link.actual })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
