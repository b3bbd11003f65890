// The small dialog behind "New tag…": one field, checked as it is typed (new-tag-name.ts), and the
// tag added to the messages the command was given. Shown while a request is open (new-tag-request.ts).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { FormFooter } from '../ui/FormFooter';
import { checkNewTag } from './new-tag-name';
import { closeNewTagRequest, useNewTagRequest, type ApplyNewTag } from './new-tag-request';

export function NewTagDialog() {
  const apply = useNewTagRequest();
  if (!apply) return null;
  return <NewTagForm apply={apply} />;
}

function NewTagForm({ apply }: { apply: ApplyNewTag }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const problemId = useId();
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const check = checkNewTag(typed);
  // an empty field is not wrong until the user tries to add it
  const problem = !check.ok && (tried || check.problem !== 'empty') ? t(`newTag.problem.${check.problem}`) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!check.ok) return;
    closeNewTagRequest();
    apply(check.keyword);
  };

  return (
    <Dialog label={t('newTag.title')} onClose={closeNewTagRequest}>
      <form className="dialog-form" onSubmit={submit} noValidate>
        <h2 className="dialog-title">{t('newTag.title')}</h2>
        <div className="form-field">
          <label htmlFor={fieldId}>{t('newTag.name')}</label>
          <input
            id={fieldId}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            value={typed}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => setTyped(event.target.value)}
          />
          {problem && (
            <p id={problemId} className="form-problem">
              {problem}
            </p>
          )}
        </div>
        <FormFooter leaveLabel={t('common.cancel')} onLeave={closeNewTagRequest} submitLabel={t('newTag.add')} />
      </form>
    </Dialog>
  );
}
