// The composer's header fields: From (only with more than one account), To, Cc and Subject.
import type { Ref } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import type { ComposeDraft } from './compose-draft';

interface ComposerFieldsProps {
  draft: ComposeDraft;
  accounts: readonly Account[];
  update: (change: Partial<ComposeDraft>) => void;
  /** The To field, focused when a new message or a forward opens. */
  toRef: Ref<HTMLInputElement>;
}

export function ComposerFields({ draft, accounts, update, toRef }: ComposerFieldsProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  return (
    <div className="composer-fields">
      {accounts.length > 1 && (
        <div className="composer-field">
          <label htmlFor={`${fieldId}-from`}>{t('composer.from')}</label>
          <select
            id={`${fieldId}-from`}
            value={draft.accountId ?? ''}
            onChange={(event) => update({ accountId: event.target.value })}
          >
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.displayName ? `${account.displayName} <${account.email}>` : account.email}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="composer-field">
        <label htmlFor={`${fieldId}-to`}>{t('composer.to')}</label>
        <input
          ref={toRef}
          id={`${fieldId}-to`}
          type="text"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          value={draft.to}
          onChange={(event) => update({ to: event.target.value })}
        />
      </div>
      <div className="composer-field">
        <label htmlFor={`${fieldId}-cc`}>{t('composer.cc')}</label>
        <input
          id={`${fieldId}-cc`}
          type="text"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          value={draft.cc}
          onChange={(event) => update({ cc: event.target.value })}
        />
      </div>
      <div className="composer-field">
        <label htmlFor={`${fieldId}-subject`}>{t('composer.subject')}</label>
        <input
          id={`${fieldId}-subject`}
          type="text"
          value={draft.subject}
          onChange={(event) => update({ subject: event.target.value })}
        />
      </div>
    </div>
  );
}
