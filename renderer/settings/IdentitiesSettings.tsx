// An account's identities: its other From addresses (aliases), each with the name and the
// signature it sends with, and where that signature goes in a reply (or as the account does).
// The composer's From picker lists them; a reply goes from the one the original was sent to.
// Edit loads one into the form; saving it changes it in place.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { SignaturePreview } from './SignaturePreview';
import { storableSignature } from './signature-html';
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../shared/contract-identities';
import type { SignaturePlacement } from '../../shared/signature';
import type { Account } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';

export function IdentitiesSettings({ account }: { account: Account }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const [identities, setIdentities] = useState<Identity[]>([]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [signature, setSignature] = useState('');
  const [placement, setPlacement] = useState<SignaturePlacement | null>(null);
  /** The identity being edited; null: the form adds a new one. */
  const [editing, setEditing] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      transport
        .invoke('identities.list', { accountId: account.id })
        .then(setIdentities)
        .catch(() => undefined),
    [account.id, transport],
  );
  useEffect(() => void reload(), [reload]);

  const fail = (error: unknown) => setProblem(errorMessage(error, t) ?? t('common.unknownError'));
  const fill = (identity: Identity | null) => {
    setEditing(identity?.id ?? null);
    setEmail(identity?.email ?? '');
    setName(identity?.name ?? '');
    setSignature(identity?.signature ?? '');
    setPlacement(identity?.signaturePlacement ?? null);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    transport
      .invoke('identities.save', {
        ...(editing !== null ? { id: editing } : {}),
        accountId: account.id,
        email,
        name,
        signature: storableSignature(signature),
        signaturePlacement: placement,
      })
      .then(() => {
        fill(null);
        return reload();
      })
      .catch(fail);
  };
  const placementNote = (identity: Identity) =>
    identity.signaturePlacement === null ? '' : ` · ${t(`identities.${identity.signaturePlacement}`)}`;

  return (
    <section className="form-field identities-settings" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('identities.title')}</h3>
      <p className="form-hint">{t('identities.hint')}</p>
      {identities.length > 0 && (
        <ul className="identities-list" aria-label={t('identities.title')}>
          {identities.map((identity) => (
            <li key={identity.id}>
              <span>
                {identity.name ? `${identity.name} <${identity.email}>` : identity.email}
                {placementNote(identity)}
              </span>
              <button type="button" className="button button-small" onClick={() => fill(identity)}>
                {t('identities.edit', { email: identity.email })}
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => void transport.invoke('identities.remove', { id: identity.id }).then(reload).catch(fail)}
              >
                {t('identities.remove', { email: identity.email })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="identities-add" onSubmit={save}>
        <label htmlFor={`${id}-email`}>{t('identities.email')}</label>
        <input id={`${id}-email`} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={`${id}-name`}>{t('identities.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-signature`}>{t('identities.signature')}</label>
        <textarea
          id={`${id}-signature`}
          rows={3}
          value={signature}
          aria-describedby={`${id}-signature-hint`}
          onChange={(e) => setSignature(e.target.value)}
        />
        <p id={`${id}-signature-hint`} className="form-hint">
          {t('signatures.richHint')}
        </p>
        <SignaturePreview signature={signature} />
        <label htmlFor={`${id}-placement`}>{t('identities.placement')}</label>
        <select
          id={`${id}-placement`}
          value={placement ?? ''}
          onChange={(e) =>
            setPlacement(e.target.value === 'above' || e.target.value === 'below' ? e.target.value : null)
          }
        >
          <option value="">{t('identities.asAccount')}</option>
          <option value="above">{t('signatures.above')}</option>
          <option value="below">{t('signatures.below')}</option>
        </select>
        <button type="submit" className="button">
          {editing === null ? t('identities.add') : t('identities.save')}
        </button>
        {editing !== null && (
          <button type="button" className="button" onClick={() => fill(null)}>
            {t('identities.cancelEdit')}
          </button>
        )}
      </form>
      {problem !== null && (
        <p className="form-hint form-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
