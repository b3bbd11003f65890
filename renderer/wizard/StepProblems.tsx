// The problems a wizard step found in what was typed, one line each in a single alert, so that
// all of them are announced together when the user tries to go on.
import { useTranslation } from 'react-i18next';
import type { IdentityProblem, SettingsProblem } from './wizard-state';

export function StepProblems({ problems }: { problems: readonly (IdentityProblem | SettingsProblem)[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="form-problem" role="alert">
      {problems.map((problem) => (
        <p key={problem}>{t(`account.problem.${problem}`)}</p>
      ))}
    </div>
  );
}
