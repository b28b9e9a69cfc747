import { useMemo } from 'react';
import { useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { checkPassword, type PasswordCheck } from '../../core/index.js';
import { usePasswordPolicy } from '../../react/account/usePasswordPolicy.js';
import { defaultPasswordChecklistLabels, type PasswordChecklistLabels } from '../labels.js';
import { visuallyHidden } from '../CountdownText.js';
import { classNames } from '../util.js';
import { useLabels } from '../locale.js';

export interface PasswordChecklistProps<T extends FieldValues> {
  /** The react-hook-form `control` of the form holding the password field. */
  control: Control<T>;
  /** The password field's name. */
  name: FieldPath<T>;
  labels?: Partial<PasswordChecklistLabels>;
  /** For the input's `aria-describedby`. */
  id?: string;
  className?: string;
}

/**
 * The environment's password policy as a live checklist of its rules, met or not.
 * It subscribes to the password field alone (useWatch), so typing re-renders this list and not the form.
 * Screen readers get each rule's state in words; a polite live region says how many are met, only when that
 * count changes (not on every keystroke). Renders nothing until the policy has loaded.
 */
export function PasswordChecklist<T extends FieldValues>({ control, name, labels, id, className }: PasswordChecklistProps<T>) {
  const text = useLabels('passwordChecklist', defaultPasswordChecklistLabels, labels);
  const policy = usePasswordPolicy();
  const value = useWatch({ control, name }) as unknown;
  const password = typeof value === 'string' ? value : '';
  const check = useMemo(() => (policy.data ? checkPassword(policy.data, password) : null), [policy.data, password]);
  if (!check) return null;
  // The maximum length is noise until it is crossed.
  const rules = check.rules.filter((r) => r.rule !== 'maximumLength' || !r.met);
  const met = rules.filter((r) => r.met).length;
  return (
    <div className={classNames('exh-auth__checklist', className)} id={id}>
      <p className="exh-auth__checklist-title">{text.title}</p>
      <ul className="exh-auth__rules">
        {rules.map(({ rule, met, length }) => (
          <li key={rule} className="exh-auth__rule" data-met={met}>
            <span className="exh-auth__rule-mark" aria-hidden="true">
              {met ? '✓' : '•'}
            </span>{' '}
            {ruleText(rule, length, text)}
            <span style={visuallyHidden}>{`: ${met ? text.met : text.notMet}`}</span>
          </li>
        ))}
      </ul>
      {/* Empty until something is typed, then a short sentence that changes only when a rule flips. */}
      <p style={visuallyHidden} aria-live="polite">
        {password ? text.summary(met, rules.length) : ''}
      </p>
    </div>
  );
}

function ruleText(rule: PasswordCheck['rules'][number]['rule'], length: number | undefined, text: PasswordChecklistLabels) {
  switch (rule) {
    case 'minimumLength':
      return text.minimumLength(length ?? 0);
    case 'maximumLength':
      return text.maximumLength(length ?? 0);
    default:
      return text[rule];
  }
}
