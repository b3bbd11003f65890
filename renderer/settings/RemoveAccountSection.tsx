// Removing the account: a button that asks first (RemoveAccountDialog).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import { RemoveAccountDialog } from './RemoveAccountDialog';

export function RemoveAccountSection({ account, onRemoved }: { account: Account; onRemoved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [removing, setRemoving] = useState(false);
  return (
    <>
      <section className="settings-section" aria-labelledby={`${id}-remove-title`}>
        <h3 id={`${id}-remove-title`} className="settings-section-title">
          {t('accountSettings.removeSection')}
        </h3>
        <p className="form-hint">{t('accountSettings.removeHint')}</p>
        <div>
          <button type="button" className="button button-danger-quiet" onClick={() => setRemoving(true)}>
            {t('accountSettings.removeAccount')}
          </button>
        </div>
      </section>
      {removing && (
        <RemoveAccountDialog
          account={account}
          onCancel={() => setRemoving(false)}
          onRemoved={() => {
            setRemoving(false);
            onRemoved();
          }}
        />
      )}
    </>
  );
}
