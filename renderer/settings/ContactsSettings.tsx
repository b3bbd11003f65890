// The contacts part of the settings: add a contact by hand, and move the address book in and out
// as a vCard (.vcf) file, the format every address book reads and writes. The rest of the
// address book fills itself from the mail the user sends and receives.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';

export function ContactsSettings() {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const say = (promise: Promise<string>) =>
    void promise.then(setNote).catch((error: unknown) => setNote(errorMessage(error, t) ?? t('common.unknownError')));

  const add = (event: FormEvent) => {
    event.preventDefault();
    say(
      transport.invoke('contacts.save', { name, address }).then((saved) => {
        setName('');
        setAddress('');
        return t('contactsSettings.added', { address: saved.address });
      }),
    );
  };

  const exportFile = () =>
    say(
      transport.invoke('contacts.exportVcard', {}).then(({ text }) => {
        const url = URL.createObjectURL(new Blob([text], { type: 'text/vcard' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = 'contacts.vcf';
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        return t('contactsSettings.exported');
      }),
    );

  return (
    <section className="form-field contacts-settings" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('contactsSettings.title')}</h3>
      <form className="contacts-add" onSubmit={add}>
        <label htmlFor={`${id}-name`}>{t('contactsSettings.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
        <label htmlFor={`${id}-address`}>{t('contactsSettings.address')}</label>
        <input
          id={`${id}-address`}
          type="email"
          required
          value={address}
          onChange={(event) => setAddress(event.target.value)}
        />
        <button type="submit" className="button">
          {t('contactsSettings.add')}
        </button>
      </form>
      <div className="contacts-files">
        <button type="button" className="button" onClick={() => file.current?.click()}>
          {t('contactsSettings.import')}
        </button>
        <button type="button" className="button" onClick={exportFile}>
          {t('contactsSettings.export')}
        </button>
        <input
          ref={file}
          type="file"
          accept=".vcf,text/vcard,text/x-vcard"
          hidden
          aria-label={t('contactsSettings.import')}
          onChange={(event) => {
            const picked = event.target.files?.[0];
            event.target.value = '';
            if (!picked) return;
            say(
              picked
                .text()
                .then((text) => transport.invoke('contacts.importVcard', { text }))
                .then(({ imported, skipped }) => t('contactsSettings.imported', { count: imported, skipped })),
            );
          }}
        />
      </div>
      <p className="form-hint" role="status">
        {note ?? t('contactsSettings.hint')}
      </p>
    </section>
  );
}
