// The undo delay of sending (0 to 30 s): how long a sent message waits in the outbox, with the
// Undo toast shown, before it goes. Applies to the next message sent.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNDO_DELAY_CHOICES, readUndoSeconds, writeUndoSeconds } from '../composer/undo-delay';

export function UndoDelaySetting() {
  const { t } = useTranslation();
  const id = useId();
  const [seconds, setSeconds] = useState(readUndoSeconds);
  // A value set by hand outside the list is still shown as it is.
  const choices = UNDO_DELAY_CHOICES.includes(seconds)
    ? UNDO_DELAY_CHOICES
    : [...UNDO_DELAY_CHOICES, seconds].sort((a, b) => a - b);
  return (
    <div className="form-field">
      <label htmlFor={`${id}-undo`}>{t('settingsSending.undoDelay')}</label>
      <select
        id={`${id}-undo`}
        value={seconds}
        aria-describedby={`${id}-undo-hint`}
        onChange={(event) => {
          const next = Number(event.target.value);
          writeUndoSeconds(next);
          setSeconds(readUndoSeconds());
        }}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 0 ? t('settingsSending.off') : t('settingsSending.seconds', { count: choice })}
          </option>
        ))}
      </select>
      <p id={`${id}-undo-hint`} className="form-hint">
        {t('settingsSending.undoDelayHint')}
      </p>
    </div>
  );
}
