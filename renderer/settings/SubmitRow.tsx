// The foot of a settings form: its submit button, a status line that says it worked, and the
// reason when it did not (role=alert, so a screen reader hears it at once).
export type SaveOutcome = { kind: 'saved' } | { kind: 'failed'; message: string } | null;

interface SubmitRowProps {
  label: string;
  busyLabel: string;
  savedText: string;
  busy: boolean;
  disabled: boolean;
  outcome: SaveOutcome;
  primary?: boolean;
}

export function SubmitRow({ label, busyLabel, savedText, busy, disabled, outcome, primary }: SubmitRowProps) {
  return (
    <>
      <div className="settings-row">
        <button type="submit" className={primary ? 'button button-primary' : 'button'} disabled={disabled}>
          {busy ? busyLabel : label}
        </button>
        <p role="status" className="settings-outcome">
          {outcome?.kind === 'saved' ? savedText : ''}
        </p>
      </div>
      {outcome?.kind === 'failed' && (
        <p className="form-problem" role="alert">
          {outcome.message}
        </p>
      )}
    </>
  );
}
