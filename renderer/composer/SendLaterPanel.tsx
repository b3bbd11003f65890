// "Send later": the usual times at a glance (in an hour, tomorrow morning, Monday morning) and a
// date and time field for any other. Choosing one sends the message into the outbox to wait
// for that moment; the outbox shows it and can send it at once, edit or cancel it until then.
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../app/app-services';
import { formatFullDate } from '../format/format-date';
import { fromDateTimeLocal, sendLaterPresets, toDateTimeLocal } from './send-later-presets';

interface SendLaterPanelProps {
  /** The clock: presets and "in the past" are judged by it. */
  now: () => number;
  onSchedule: (sendAt: number) => void;
  onClose: () => void;
}

export function SendLaterPanel({ now, onSchedule, onClose }: SendLaterPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [opened] = useState(now);
  const presets = sendLaterPresets(opened);
  const [value, setValue] = useState(() => toDateTimeLocal(presets[1]!.at));
  const [problem, setProblem] = useState<string | null>(null);

  const schedule = () => {
    const at = fromDateTimeLocal(value);
    if (at === null) return setProblem(t('sendLater.invalid'));
    if (at <= now()) return setProblem(t('sendLater.past'));
    onSchedule(at);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Escape closes the panel, not the composer under it.
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="send-later" role="group" aria-label={t('sendLater.label')} onKeyDown={onKeyDown}>
      <div className="send-later-presets">
        {presets.map(({ preset, at }) => (
          <button key={preset} type="button" className="button button-small" onClick={() => onSchedule(at)}>
            {t(`sendLater.presets.${preset}`, { time: formatFullDate(at, locale) })}
          </button>
        ))}
      </div>
      <div className="send-later-custom">
        <label htmlFor={`${id}-when`}>{t('sendLater.dateTime')}</label>
        <input
          id={`${id}-when`}
          type="datetime-local"
          value={value}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? `${id}-problem` : undefined}
          onChange={(event) => {
            setProblem(null);
            setValue(event.target.value);
          }}
        />
        <button type="button" className="button button-small button-primary" onClick={schedule}>
          {t('sendLater.schedule')}
        </button>
        <button type="button" className="button button-small button-quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      {problem !== null && (
        <p id={`${id}-problem`} className="composer-hint composer-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
