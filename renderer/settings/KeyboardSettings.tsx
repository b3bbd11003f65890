// Settings for the keyboard: which preset (Gmail, Outlook, Apple Mail), and a small editor to
// give any action other keys. A recorded shortcut replaces the action's keys and is taken
// away from whichever action had it; "Reset" goes back to the preset.
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chordFromEvent, formatChordNotation } from '../keyboard/key-chord';
import { ACTION_IDS, type ActionId, PRESET_IDS, bindingsOf, isPresetId } from '../keyboard/keymap';
import { ShortcutKeys } from '../keyboard/ShortcutKeys';
import { useKeymap, useKeymapSettings } from '../keyboard/use-keymap';
import '../keyboard/keyboard.css';
import './settings.css';

export function KeyboardSettings() {
  const { t } = useTranslation();
  const id = useId();
  const { value, store } = useKeymapSettings();
  const { keymap } = useKeymap();
  const [recording, setRecording] = useState<ActionId | null>(null);
  const changed = Object.keys(value.overrides).length > 0;

  const onRecordKey = (event: KeyboardEvent<HTMLButtonElement>, action: ActionId) => {
    const chord = chordFromEvent(event);
    if (!chord) return; // a modifier on its own: wait for the key
    event.preventDefault();
    event.stopPropagation(); // Escape must not close the settings
    setRecording(null);
    if (chord.key === 'Escape' && !chord.ctrl && !chord.meta && !chord.alt && !chord.shift) return;
    store.setOverride(action, [formatChordNotation(chord)]);
  };

  return (
    <div className="form-field keyboard-settings">
      <label htmlFor={`${id}-preset`}>{t('settings.shortcuts')}</label>
      <select
        id={`${id}-preset`}
        value={value.preset}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          if (isPresetId(event.target.value)) store.setPreset(event.target.value);
        }}
      >
        {PRESET_IDS.map((preset) => (
          <option key={preset} value={preset}>
            {t(`keymap.presets.${preset}`)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="form-hint">
        {t('settings.shortcutsHint')}
      </p>
      <details className="shortcut-editor">
        <summary>{t('settings.shortcutsCustomize')}</summary>
        <p className="form-hint">{t('settings.shortcutsRecordHint')}</p>
        <table className="shortcut-editor-table">
          <thead>
            <tr>
              <th scope="col">{t('settings.shortcutsAction')}</th>
              <th scope="col">{t('settings.shortcutsKeys')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.shortcutsChanged')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ACTION_IDS.map((action) => {
              const name = t(`actions.${action}`);
              const sequences = bindingsOf(keymap, action).map((binding) => binding.sequence);
              const overridden = value.overrides[action] !== undefined;
              return (
                <tr key={action}>
                  <th scope="row">{name}</th>
                  <td>
                    <button
                      type="button"
                      className={recording === action ? 'shortcut-record is-recording' : 'shortcut-record'}
                      aria-label={t('settings.shortcutsChange', { action: name })}
                      onClick={() => setRecording(recording === action ? null : action)}
                      onKeyDown={recording === action ? (event) => onRecordKey(event, action) : undefined}
                      onBlur={() => recording === action && setRecording(null)}
                    >
                      {recording === action ? (
                        t('settings.shortcutsRecording')
                      ) : sequences.length > 0 ? (
                        <ShortcutKeys sequences={sequences} />
                      ) : (
                        t('settings.shortcutsNone')
                      )}
                    </button>
                  </td>
                  <td>
                    {overridden && (
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        aria-label={t('settings.shortcutsResetOne', { action: name })}
                        onClick={() => store.setOverride(action, null)}
                      >
                        {t('settings.shortcutsChanged')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button
          type="button"
          className="button button-small"
          disabled={!changed}
          onClick={() => store.resetOverrides()}
        >
          {t('settings.shortcutsResetAll')}
        </button>
      </details>
    </div>
  );
}
