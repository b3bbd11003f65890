// The account's own mail server as its Authentication-Results name it (authserv-id): the sender
// checks trust that header only. Empty: learned from the IMAP server's name, which fails where
// the receiving servers are named otherwise (a company's relay, Microsoft's servers).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authservIdSchema } from '../../shared/contract-authserv';
import type { AccountId } from '../../shared/domain';
import { useTransport } from '../app/app-services';

export function AuthservIdSection({ accountId }: { accountId: AccountId }) {
  const { t } = useTranslation();
  const id = useId();
  const transport = useTransport();
  const [value, setValue] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saved' | 'invalid' | 'failed'>('idle');

  useEffect(() => {
    let current = true;
    transport
      .invoke('sender.authservId', { accountId })
      .then(({ authservId }) => current && setValue(authservId ?? ''))
      .catch(() => current && setValue(''));
    return () => {
      current = false;
    };
  }, [transport, accountId]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const typed = (value ?? '').trim();
    if (typed !== '' && !authservIdSchema.safeParse(typed).success) {
      setState('invalid');
      return;
    }
    transport.invoke('sender.setAuthservId', { accountId, authservId: typed === '' ? null : typed }).then(
      () => setState('saved'),
      () => setState('failed'),
    );
  };

  return (
    <form className="settings-section" aria-labelledby={`${id}-title`} onSubmit={save} noValidate>
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('authservId.title')}
      </h3>
      <div className="form-field">
        <label htmlFor={`${id}-field`}>{t('authservId.field')}</label>
        <input
          id={`${id}-field`}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('authservId.placeholder')}
          value={value ?? ''}
          disabled={value === null}
          aria-invalid={state === 'invalid' ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setValue(event.target.value);
            setState('idle');
          }}
        />
        {/* polite: "saved" and "invalid" are said without moving the focus off the button */}
        <p
          id={`${id}-hint`}
          aria-live="polite"
          className={state === 'invalid' || state === 'failed' ? 'form-problem' : 'form-hint'}
        >
          {state === 'invalid'
            ? t('authservId.invalid')
            : state === 'failed'
              ? t('authservId.failed')
              : state === 'saved'
                ? t('authservId.saved')
                : t('authservId.hint')}
        </p>
      </div>
      <button type="submit" className="button" disabled={value === null}>
        {t('authservId.save')}
      </button>
    </form>
  );
}
