// The account's own settings as form fields: its name, the name recipients see, the signature,
// how often the folders IDLE does not watch are checked, and remote images by default.
import { useId } from 'react';
import { SignaturePreview } from './SignaturePreview';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Account, RemoteImagesPolicy } from '../../shared/domain';
import { type AccountSettingsValues, settingsValues, syncIntervalChoices } from '../accounts/account-settings-form';

function intervalLabel(seconds: number, t: TFunction): string {
  return seconds % 60 === 0
    ? t('accountSettings.intervalMinutes', { count: seconds / 60 })
    : t('accountSettings.intervalSeconds', { count: seconds });
}

const REMOTE_CHOICES: readonly RemoteImagesPolicy[] = ['ask', 'always'];

interface AccountSettingsFieldsProps {
  account: Account;
  values: AccountSettingsValues;
  onChange: (next: Partial<AccountSettingsValues>) => void;
  nameInvalid: boolean;
}

export function AccountSettingsFields({ account, values, onChange, nameInvalid }: AccountSettingsFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="form-field">
        <label htmlFor={`${id}-name`}>{t('accountSettings.name')}</label>
        <input
          id={`${id}-name`}
          value={values.name}
          maxLength={200}
          aria-invalid={nameInvalid || undefined}
          aria-describedby={`${id}-name-hint`}
          onChange={(event) => onChange({ name: event.target.value })}
        />
        <p id={`${id}-name-hint`} className="form-hint">
          {t('accountSettings.nameHint')}
        </p>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-display`}>{t('accountSettings.displayName')}</label>
        <input
          id={`${id}-display`}
          value={values.displayName}
          maxLength={200}
          autoComplete="name"
          aria-describedby={`${id}-display-hint`}
          onChange={(event) => onChange({ displayName: event.target.value })}
        />
        <p id={`${id}-display-hint`} className="form-hint">
          {t('accountSettings.displayNameHint', { email: account.email })}
        </p>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-signature`}>{t('accountSettings.signature')}</label>
        <textarea
          id={`${id}-signature`}
          className="settings-textarea"
          rows={4}
          maxLength={20_000}
          value={values.signature}
          aria-describedby={`${id}-signature-hint`}
          onChange={(event) => onChange({ signature: event.target.value })}
        />
        <p id={`${id}-signature-hint`} className="form-hint">
          {t('accountSettings.signatureHint')} {t('signatures.richHint')}
        </p>
        <SignaturePreview signature={values.signature} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-placement`}>{t('signatures.placement')}</label>
        <select
          id={`${id}-placement`}
          value={values.signaturePlacement}
          onChange={(event) => onChange({ signaturePlacement: event.target.value === 'below' ? 'below' : 'above' })}
        >
          <option value="above">{t('signatures.above')}</option>
          <option value="below">{t('signatures.below')}</option>
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-interval`}>{t('accountSettings.interval')}</label>
        <select
          id={`${id}-interval`}
          value={values.syncIntervalSeconds}
          aria-describedby={`${id}-interval-hint`}
          onChange={(event) => onChange({ syncIntervalSeconds: Number(event.target.value) })}
        >
          {syncIntervalChoices(settingsValues(account).syncIntervalSeconds).map((seconds) => (
            <option key={seconds} value={seconds}>
              {intervalLabel(seconds, t)}
            </option>
          ))}
        </select>
        <p id={`${id}-interval-hint`} className="form-hint">
          {t('accountSettings.intervalHint')}
        </p>
      </div>
      <fieldset className="settings-fieldset" aria-describedby={`${id}-remote-hint`}>
        <legend>{t('accountSettings.remoteImages')}</legend>
        {REMOTE_CHOICES.map((choice) => (
          <label key={choice} className="settings-radio">
            <input
              type="radio"
              name={`${id}-remote`}
              value={choice}
              checked={values.remoteImages === choice}
              onChange={() => onChange({ remoteImages: choice })}
            />
            {t(`accountSettings.remoteImagesChoice.${choice}`)}
          </label>
        ))}
        <p id={`${id}-remote-hint`} className="form-hint">
          {t('accountSettings.remoteImagesHint')}
        </p>
      </fieldset>
    </>
  );
}
