// Under the message's headers: whether the account's own server verified the sender's domain,
// warnings about a sender who pretends, and "Unsubscribe" for mail from a list, which always
// asks first and then leaves by one-click POST, else by mail, else by opening the list's page.
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SenderInfo } from '../../shared/contract-reader';
import type { MessageHeader } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { onUnsubscribeRequest } from './unsubscribe-request';
import { useSenderInfo } from './use-sender-info';
import './sender.css';

type Outcome = 'done' | 'queued' | 'opened' | { failed: string };

export function SenderNotes({ header }: { header: MessageHeader }) {
  const { t } = useTranslation();
  const info = useSenderInfo(header.id);
  const domain = header.from[0]?.address.split('@').pop() ?? '';
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const unsubscribe = info?.unsubscribe ?? null;

  useEffect(() => onUnsubscribeRequest(() => unsubscribe && setConfirming(true)), [unsubscribe]);

  if (!info) return null;
  const auth = info.authentication;
  return (
    <div className="sender-notes">
      {auth?.verdict === 'pass' && (
        <p className="sender-verified">
          <Icon name="check" size={14} />
          {t('sender.verified', { domain, server: auth.authservId })}
        </p>
      )}
      {auth?.verdict === 'fail' && (
        <p className="sender-warning">
          <Icon name="alert" size={14} />
          {t('sender.failed', { domain, server: auth.authservId })}
        </p>
      )}
      {info.warnings.map((warning) => (
        <p key={warning.kind} className="sender-warning">
          <Icon name="alert" size={14} />
          {warningText(warning, t)}
        </p>
      ))}
      {unsubscribe && (
        <div className="sender-unsubscribe">
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            {t('sender.unsubscribe')}
          </button>
          <span aria-live="polite">{outcome && outcomeText(outcome, t)}</span>
        </div>
      )}
      {confirming && unsubscribe && (
        <ConfirmUnsubscribe
          header={header}
          options={unsubscribe}
          onClose={() => setConfirming(false)}
          onDone={(result) => {
            setConfirming(false);
            setOutcome(result);
          }}
        />
      )}
    </div>
  );
}

function warningText(warning: SenderInfo['warnings'][number], t: TFunction): string {
  switch (warning.kind) {
    case 'name-has-other-address':
      return t('sender.nameHasOtherAddress', { shown: warning.shown });
    case 'lookalike':
      return t('sender.lookalike', { domain: warning.domain, imitates: warning.imitates });
    case 'punycode':
      return t('sender.punycode', { domain: warning.domain, unicode: warning.unicode });
  }
}

function outcomeText(outcome: Outcome, t: TFunction): string {
  if (typeof outcome === 'object') return t('sender.unsubscribeFailed', { reason: outcome.failed });
  return t(`sender.unsubscribe${outcome === 'done' ? 'Done' : outcome === 'queued' ? 'Queued' : 'Opened'}`);
}

interface ConfirmProps {
  header: MessageHeader;
  options: NonNullable<SenderInfo['unsubscribe']>;
  onClose: () => void;
  onDone: (outcome: Outcome) => void;
}

function ConfirmUnsubscribe({ header, options, onClose, onDone }: ConfirmProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [busy, setBusy] = useState(false);
  const sender = header.from[0]?.name || header.from[0]?.address || '';
  const how = options.oneClick ? 'oneClick' : options.mailto ? 'mailto' : 'link';

  const leave = async () => {
    setBusy(true);
    try {
      if (options.oneClick) {
        const result = await transport.invoke('message.unsubscribe', { id: header.id, via: 'one-click' });
        if (result.outcome === 'done') return onDone('done');
        // Refused or failed: the list's other ways, in the same order.
        if (options.mailto) {
          await transport.invoke('message.unsubscribe', { id: header.id, via: 'mailto' });
          return onDone('queued');
        }
        return onDone({ failed: result.reason ?? '' });
      }
      if (options.mailto) {
        await transport.invoke('message.unsubscribe', { id: header.id, via: 'mailto' });
        return onDone('queued');
      }
      if (options.https) {
        window.open(options.https, '_blank', 'noopener,noreferrer');
        return onDone('opened');
      }
    } catch (error) {
      onDone({ failed: errorMessage(error, t) ?? t('common.unknownError') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog label={t('sender.confirmTitle')} onClose={onClose} role="alertdialog">
      <div className="dialog-form">
        <h2 className="dialog-title">{t('sender.confirmTitle')}</h2>
        <p className="dialog-description">{t(`sender.confirm.${how}`, { sender, address: options.mailto ?? '' })}</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void leave()}>
            {t('sender.unsubscribe')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
