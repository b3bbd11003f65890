// The appearance section of the general settings: theme, list density and dark mail, each
// applied at once (appearance-store.ts) and remembered.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BODY_COLOURS, DENSITIES, THEMES } from './appearance-prefs';
import { appearanceStore, useAppearance } from './appearance-store';
import './appearance.css';

export function AppearanceSettings() {
  const { t } = useTranslation();
  const state = useAppearance();
  const id = useId();
  return (
    <section className="appearance-settings" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="settings-section-title">
        {t('appearance.title')}
      </h3>
      <div className="form-field">
        <label htmlFor={`${id}-theme`}>{t('appearance.theme')}</label>
        <select
          id={`${id}-theme`}
          value={state.theme}
          onChange={(event) => {
            const theme = THEMES.find((choice) => choice === event.target.value);
            if (theme) appearanceStore.update({ theme });
          }}
        >
          {THEMES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`appearance.themes.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-density`}>{t('appearance.density')}</label>
        <select
          id={`${id}-density`}
          value={state.density}
          onChange={(event) => {
            const density = DENSITIES.find((choice) => choice === event.target.value);
            if (density) appearanceStore.update({ density });
          }}
        >
          {DENSITIES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`appearance.densities.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-colours`}>{t('appearance.bodyColours')}</label>
        <select
          id={`${id}-colours`}
          value={state.bodyColours}
          aria-describedby={`${id}-colours-hint`}
          onChange={(event) => {
            const bodyColours = BODY_COLOURS.find((choice) => choice === event.target.value);
            if (bodyColours) appearanceStore.update({ bodyColours });
          }}
        >
          {BODY_COLOURS.map((choice) => (
            <option key={choice} value={choice}>
              {t(`appearance.bodyColourChoices.${choice}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-colours-hint`} className="form-hint">
          {t('appearance.bodyColoursHint')}
        </p>
      </div>
    </section>
  );
}
