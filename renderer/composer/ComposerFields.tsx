// The composer's header fields: From (with more than one account, or identities), To, Cc, Bcc and
// Reply-To (chips with autocomplete: RecipientInput.tsx), and Subject. Bcc and Reply-To are
// shown on demand (the buttons beside To, or Ctrl/Cmd+Shift+B for Bcc), and always when the
// draft already holds one: a draft written on another device must never hide, or drop, its Bcc.
import type { ComponentProps, Ref } from 'react';
import { useId, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import type { ComposeDraft } from './compose-draft';
import { RecipientInput } from './RecipientInput';
import { fromChoice, parseFromChoice, useIdentities } from './use-identities';

type RecipientKey = 'to' | 'cc' | 'bcc' | 'replyTo';

interface ComposerFieldsProps {
  draft: ComposeDraft;
  accounts: readonly Account[];
  update: (change: Partial<ComposeDraft>) => void;
  /** The To field, focused when a new message or a forward opens. */
  toRef: Ref<HTMLInputElement>;
  /** For the Bcc shortcut (Composer owns the keys). */
  handle?: Ref<ComposerFieldsHandle>;
}

export interface ComposerFieldsHandle {
  /** Shows the Bcc field and focuses it. */
  showBcc: () => void;
}

export function ComposerFields({ draft, accounts, update, toRef, handle }: ComposerFieldsProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const identities = useIdentities();
  const [asked, setAsked] = useState<ReadonlySet<RecipientKey>>(new Set());
  const bccRef = useRef<HTMLInputElement>(null);
  const shows = (key: 'bcc' | 'replyTo') => asked.has(key) || draft[key] !== '';
  const ask = (key: 'bcc' | 'replyTo') => setAsked((shown) => new Set([...shown, key]));
  useImperativeHandle(handle, () => ({
    showBcc: () => {
      // Already there: focus it; otherwise it mounts with autoFocus.
      if (bccRef.current) bccRef.current.focus();
      else setAsked((shown) => new Set([...shown, 'bcc']));
    },
  }));
  const field = (key: RecipientKey, label: string, extra: Partial<ComponentProps<typeof RecipientInput>> = {}) => (
    <RecipientInput
      id={`${fieldId}-${key}`}
      label={label}
      value={draft[key]}
      onChange={(value) => update({ [key]: value })}
      {...extra}
    />
  );
  return (
    <div className="composer-fields">
      {(accounts.length > 1 || identities.length > 0) && (
        <div className="composer-field">
          <label htmlFor={`${fieldId}-from`}>{t('composer.from')}</label>
          <select
            id={`${fieldId}-from`}
            value={fromChoice(draft.accountId ?? '', draft.from)}
            onChange={(event) => update(parseFromChoice(event.target.value))}
          >
            {accounts.map((account) => (
              <optgroup key={account.id} label={account.name || account.email}>
                <option value={fromChoice(account.id, '')}>
                  {account.displayName ? `${account.displayName} <${account.email}>` : account.email}
                </option>
                {identities
                  .filter((identity) => identity.accountId === account.id)
                  .map((identity) => (
                    <option key={identity.id} value={fromChoice(account.id, identity.email)}>
                      {`${identity.name || account.displayName} <${identity.email}>`}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
      <div className="composer-field-row">
        {field('to', t('composer.to'), { inputRef: toRef })}
        <div className="composer-field-toggles">
          {!shows('bcc') && (
            <button type="button" className="button button-quiet" onClick={() => ask('bcc')}>
              {t('writing.addBcc')}
            </button>
          )}
          {!shows('replyTo') && (
            <button type="button" className="button button-quiet" onClick={() => ask('replyTo')}>
              {t('writing.addReplyTo')}
            </button>
          )}
        </div>
      </div>
      {field('cc', t('composer.cc'))}
      {shows('bcc') && (
        <RecipientInput
          id={`${fieldId}-bcc`}
          label={t('writing.bcc')}
          value={draft.bcc}
          onChange={(value) => update({ bcc: value })}
          inputRef={bccRef}
          autoFocus={draft.bcc === ''}
        />
      )}
      {shows('replyTo') && field('replyTo', t('writing.replyTo'), { autoFocus: draft.replyTo === '' })}
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
