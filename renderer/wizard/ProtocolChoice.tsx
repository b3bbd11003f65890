// The wizard's choice between IMAP and POP3, with what each means in a sentence. IMAP is the
// default; POP3 is preselected only where discovery found nothing else. Switching moves the
// incoming server to the other protocol's: the one discovery found, else the usual name and port.
import { useTranslation } from 'react-i18next';
import type { DiscoveredSettings } from '../../shared/discovery';
import type { IncomingProtocol } from '../../shared/domain';
import { incomingForProtocol, type SettingsValues } from './wizard-state';

interface ProtocolChoiceProps {
  id: string;
  values: SettingsValues;
  discovered: DiscoveredSettings | null | undefined;
  onChange: (values: SettingsValues) => void;
}

const CHOICES: IncomingProtocol[] = ['imap', 'pop3'];

export function ProtocolChoice({ id, values, discovered, onChange }: ProtocolChoiceProps) {
  const { t } = useTranslation();
  const onlyPop3 = discovered?.protocol === 'pop3';
  return (
    <fieldset className="server-fieldset protocol-choice">
      <legend>{t('pop3.choice.legend')}</legend>
      {onlyPop3 && <p className="wizard-note">{t('pop3.choice.onlyPop3')}</p>}
      {CHOICES.map((protocol) => (
        <div key={protocol} className="wizard-check">
          <input
            id={`${id}-protocol-${protocol}`}
            type="radio"
            name={`${id}-protocol`}
            checked={values.protocol === protocol}
            aria-describedby={`${id}-protocol-${protocol}-hint`}
            onChange={() =>
              onChange({
                ...values,
                protocol,
                imap: incomingForProtocol(protocol, values, discovered),
                plaintextConfirmed: false,
              })
            }
          />
          <label htmlFor={`${id}-protocol-${protocol}`}>
            {t(`pop3.choice.${protocol}`)}
            <span id={`${id}-protocol-${protocol}-hint`} className="protocol-hint">
              {t(`pop3.choice.${protocol}Hint`)}
            </span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
