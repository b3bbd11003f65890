// The link address field that Ctrl/Cmd+K and the link button open above the text. Enter links,
// Escape goes back to the text with nothing changed; an address that is neither web nor mail
// is refused with a message, and the field keeps what was typed.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface LinkFieldProps {
  initial: string;
  /** False when the address was refused. */
  onSubmit: (address: string) => boolean;
  onCancel: () => void;
}

export function LinkField({ initial, onSubmit, onCancel }: LinkFieldProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  return (
    <form
      className="link-field"
      onSubmit={(event) => {
        event.preventDefault();
        setInvalid(!onSubmit(value));
      }}
    >
      <label htmlFor={id}>{t('composer.link.address')}</label>
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('composer.link.placeholder')}
        value={value}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setInvalid(false);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }}
      />
      <button type="submit" className="button button-primary">
        {t('composer.link.apply')}
      </button>
      <button type="button" className="button button-quiet" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      {invalid && (
        <span id={`${id}-error`} className="composer-error" role="alert">
          {t('composer.link.invalid')}
        </span>
      )}
    </form>
  );
}
