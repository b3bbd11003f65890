// What the folder dialogs (FolderDialog.tsx) share: the title, what the dialog asks, the engine's
// refusal kept on screen, Cancel and the action; and the one labelled choice two of them offer.
// Only each dialog's fields and its call differ.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { FormProblem } from '../ui/FormProblem';
import { FormFooter } from '../ui/FormFooter';

/** The frame of a folder dialog: title, description, fields, the refusal, Cancel and the action. */
export function FolderForm({
  title,
  description,
  alert,
  problem,
  submitLabel,
  submitDisabled,
  danger,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  description?: string;
  /** A confirmation that interrupts: an alertdialog, its focus on Cancel. */
  alert?: boolean;
  problem: string | null;
  submitLabel: string;
  submitDisabled: boolean;
  danger?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const descriptionId = useId();
  return (
    <Dialog
      label={title}
      onClose={onClose}
      role={alert ? 'alertdialog' : undefined}
      describedBy={description ? descriptionId : undefined}
    >
      {/* noValidate: the fields' own checks say what is wrong, in the app's words */}
      <form
        className="dialog-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        {description && (
          <p id={descriptionId} className="dialog-description">
            {description}
          </p>
        )}
        {children}
        <FormProblem>{problem}</FormProblem>
        <FormFooter
          leaveLabel={t('common.cancel')}
          onLeave={onClose}
          focusLeave={alert}
          submitLabel={submitLabel}
          submitDisabled={submitDisabled}
          danger={danger}
        />
      </form>
    </Dialog>
  );
}

/** A labelled choice, focused when the dialog opens. */
export function ChoiceField({
  label,
  value,
  disabled,
  onChange,
  children,
}: {
  label: string;
  value: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} autoFocus disabled={disabled} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
}
