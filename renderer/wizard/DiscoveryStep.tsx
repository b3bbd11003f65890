// Step 2: autodiscovery, each source with its state as it changes (announced politely to
// screen readers). The user may stop waiting and enter the settings by hand.
import { useTranslation } from 'react-i18next';
import { DISCOVERY_SOURCES, type DiscoveryState } from '../../shared/discovery';
import { Icon, type IconName } from '../ui/Icon';
import { emailDomain, type SourceStates } from './wizard-state';

interface DiscoveryStepProps {
  id: string;
  email: string;
  sources: SourceStates;
  onSkip: () => void;
  onBack: () => void;
}

const STATE_ICON: Partial<Record<DiscoveryState, IconName>> = { found: 'check', failed: 'alert' };

export function DiscoveryStep({ id, email, sources, onSkip, onBack }: DiscoveryStepProps) {
  const { t } = useTranslation();
  return (
    <form
      className="dialog-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSkip();
      }}
    >
      <h2 className="dialog-title">{t('wizard.discovery.title')}</h2>
      <p id={`${id}-description`} className="dialog-description">
        {t('wizard.discovery.description', { domain: emailDomain(email) })}
      </p>
      <ul className="wizard-sources" aria-label={t('wizard.discovery.sources')} aria-live="polite">
        {DISCOVERY_SOURCES.map((source) => {
          const state = sources[source];
          const icon = STATE_ICON[state];
          return (
            <li key={source} className="wizard-source" data-state={state}>
              <span className="wizard-source-mark" aria-hidden="true">
                {icon ? <Icon name={icon} /> : state === 'running' ? <span className="wizard-spinner" /> : null}
              </span>
              <span className="wizard-source-name">{t(`wizard.discovery.source.${source}`)}</span>
              <span className="wizard-source-state">{t(`wizard.discovery.state.${state}`)}</span>
            </li>
          );
        })}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          {t('common.back')}
        </button>
        <button type="submit" className="button" autoFocus>
          {t('wizard.discovery.skip')}
        </button>
      </div>
    </form>
  );
}
