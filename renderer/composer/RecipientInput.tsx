// A recipient field (To, Cc, Bcc, Reply-To): entries become removable chips, an entry that is
// not an address is marked at once, a pasted list is split, and the contacts autocomplete as the
// user types, following the WAI-ARIA combobox pattern (a listbox popup; the arrows move through
// it, Enter or Tab takes the highlighted contact, Escape closes it), so screen readers follow.
// Suggestions come from the engine's local address book: offline too.
import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isMethodName } from '../../shared/contract';
import type { Contact } from '../../shared/contract-contacts';
import { useTransport } from '../app/app-services';
import { IconButton } from '../ui/IconButton';
import { endsEntry, isAddressEntry, joinRecipients, splitRecipients, suggestionEntry } from './recipient-entries';

interface RecipientInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}

/** Typing pauses this long before the address book is asked. */
const SUGGEST_DELAY_MS = 80;

export function RecipientInput({ id, label, value, onChange, inputRef, autoFocus }: RecipientInputProps) {
  const { t } = useTranslation();
  const transport = useTransport();
  const listId = `${id}-suggestions`;
  const chipsId = useId();
  // Everything the draft held becomes chips; from then on this field owns the text.
  const [entries, setEntries] = useState(() => splitRecipients(value));
  const [typing, setTyping] = useState('');
  const [suggestions, setSuggestions] = useState<Contact[]>([]);
  const [active, setActive] = useState(-1);
  const [dismissed, setDismissed] = useState(false);
  const open = suggestions.length > 0 && !dismissed && typing.trim() !== '';

  const publish = (nextEntries: string[], nextTyping: string) => {
    setEntries(nextEntries);
    setTyping(nextTyping);
    onChange(joinRecipients(nextEntries, nextTyping));
  };
  const commit = (extra: string[] = []) => {
    publish([...entries, ...splitRecipients(typing), ...extra], '');
    setSuggestions([]);
    setActive(-1);
  };
  const choose = (contact: Contact) => {
    publish([...entries, suggestionEntry(contact)], '');
    setSuggestions([]);
    setActive(-1);
  };

  const query = typing.trim();
  const lookups = useRef(0);
  useEffect(() => {
    if (query.length === 0 || !isMethodName('contacts.search')) return;
    const lookup = ++lookups.current;
    const timer = setTimeout(() => {
      transport
        .invoke('contacts.search', { query, limit: 8 })
        .then((found) => {
          if (lookup !== lookups.current) return; // a later key asked again
          setSuggestions(found);
          setActive(found.length > 0 ? 0 : -1);
        })
        .catch(() => setSuggestions([]));
    }, SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, transport]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setDismissed(false);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && open && active >= 0) {
      // Enter must not send, nor Tab leave, before the highlighted contact is taken (Tab again leaves).
      event.preventDefault();
      choose(suggestions[active]!);
    } else if (event.key === 'Enter' && query !== '' && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      commit();
    } else if (endsEntry(event.key)) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && open) {
      // Closes the list, not the composer.
      event.preventDefault();
      event.stopPropagation();
      setDismissed(true);
    } else if (event.key === 'Backspace' && typing === '' && entries.length > 0) {
      event.preventDefault();
      // The last chip comes back as text, to correct rather than retype.
      const last = entries[entries.length - 1]!;
      publish(entries.slice(0, -1), last);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (splitRecipients(text).length < 2) return; // one address: pasted as text, to edit
    event.preventDefault();
    commit(splitRecipients(text));
  };

  return (
    <div className="composer-field composer-recipients">
      <label htmlFor={id}>{label}</label>
      <div className="recipient-box">
        {entries.length > 0 && (
          <ul className="recipient-chips" id={chipsId} aria-label={t('contacts.chipsLabel', { field: label })}>
            {entries.map((entry, index) => {
              const valid = isAddressEntry(entry);
              return (
                <li key={`${index}-${entry}`} className={valid ? 'recipient-chip' : 'recipient-chip is-invalid'}>
                  <span className="recipient-chip-text">{entry}</span>
                  {!valid && <span className="recipient-chip-problem">{t('contacts.notAnAddress')}</span>}
                  <IconButton
                    icon="close"
                    label={t('contacts.removeRecipient', { entry })}
                    onClick={() =>
                      publish(
                        entries.filter((_, i) => i !== index),
                        typing,
                      )
                    }
                  />
                </li>
              );
            })}
          </ul>
        )}
        <input
          ref={inputRef}
          id={id}
          type="text"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          aria-describedby={entries.length > 0 ? chipsId : undefined}
          // Only a field the user just asked for takes the focus.
          autoFocus={autoFocus}
          value={typing}
          onChange={(event) => {
            setDismissed(false);
            if (event.target.value.trim() === '') setSuggestions([]);
            publish(entries, event.target.value);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            if (typing.trim() !== '') commit();
            setSuggestions([]);
          }}
        />
        <ul
          id={listId}
          role="listbox"
          className="recipient-suggestions"
          aria-label={t('contacts.suggestions')}
          hidden={!open}
        >
          {open &&
            suggestions.map((contact, index) => (
              <li
                key={contact.address}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? 'recipient-suggestion is-active' : 'recipient-suggestion'}
                // mousedown, not click: the field keeps the focus (its blur would commit the text)
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(contact);
                }}
              >
                {contact.name ? (
                  <>
                    <span className="recipient-suggestion-name">{contact.name}</span>{' '}
                    <span className="recipient-suggestion-address">{contact.address}</span>
                  </>
                ) : (
                  <span className="recipient-suggestion-name">{contact.address}</span>
                )}
              </li>
            ))}
        </ul>
      </div>
    </div>
  );
}
