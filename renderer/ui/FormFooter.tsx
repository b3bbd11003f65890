// The row of buttons that ends a form in a dialog or a wizard step: the way out (Cancel, or Back
// in the wizard) first, then the form's submit button, primary or, for what cannot be undone,
// danger. One component, so that every form orders, styles and focuses its buttons alike.
import type { ReactNode } from 'react';

interface FormFooterProps {
  /** Cancel or Back: leaves without submitting. */
  leaveLabel: string;
  onLeave: () => void;
  /** The focus starts on the way out, so that Enter on a destructive confirmation does not destroy. */
  focusLeave?: boolean;
  submitLabel: string;
  submitDisabled?: boolean;
  /** The submit button deletes or empties something: drawn as a warning. */
  danger?: boolean;
  /** Buttons before the two (the wizard's "Set up manually"). */
  before?: ReactNode;
  className?: string;
}

export function FormFooter({
  leaveLabel,
  onLeave,
  focusLeave,
  submitLabel,
  submitDisabled,
  danger,
  before,
  className,
}: FormFooterProps) {
  return (
    <div className={className ? `dialog-actions ${className}` : 'dialog-actions'}>
      {before}
      <button type="button" className="button" autoFocus={focusLeave} onClick={onLeave}>
        {leaveLabel}
      </button>
      <button
        type="submit"
        className={danger ? 'button button-danger' : 'button button-primary'}
        disabled={submitDisabled}
      >
        {submitLabel}
      </button>
    </div>
  );
}
