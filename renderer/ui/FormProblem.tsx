// What went wrong with a form, in words, as an alert: a screen reader says it the moment it
// appears, where the user's focus is. Nothing is drawn while there is nothing to say.
import type { ReactNode } from 'react';

export function FormProblem({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p className="form-problem" role="alert">
      {children}
    </p>
  );
}
