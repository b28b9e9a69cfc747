import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FieldFormatError, PasswordError } from '../../core/index.js';
import { useChangePassword } from '../../react/account/useChangePassword.js';
import { defaultChangePasswordFormLabels, type ChangePasswordFormLabels, type PasswordChecklistLabels } from '../labels.js';
import { classNames, commonMessage } from '../util.js';
import { PasswordChecklist } from './PasswordChecklist.js';
import { Field, SubmitButton, useGuardedSubmit } from './parts.js';
import { useLabels } from '../locale.js';

export interface ChangePasswordFormProps {
  /** The password was changed; the session stays. */
  onChanged?: () => void;
  labels?: Partial<ChangePasswordFormLabels>;
  checklistLabels?: Partial<PasswordChecklistLabels>;
  className?: string;
}

interface ChangeFields {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const empty: ChangeFields = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** The signed-in user's password change: current one, new one with the policy's checklist, confirmation. */
export function ChangePasswordForm({ onChanged, labels, checklistLabels, className }: ChangePasswordFormProps) {
  const text = useLabels('changePasswordForm', defaultChangePasswordFormLabels, labels);
  const change = useChangePassword();
  const id = useId();
  const form = useForm<ChangeFields>({ mode: 'onSubmit', defaultValues: empty });
  const [result, setResult] = useState<{ error: unknown } | 'changed' | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  // The outcome takes the focus, so it is read out (the fields were just cleared, or one of them has the error).
  useEffect(() => {
    if (result === 'changed') statusRef.current?.focus();
    else if (result) alertRef.current?.focus();
  }, [result]);

  const onSubmit = useGuardedSubmit(
    form.handleSubmit(async ({ currentPassword, newPassword }) => {
      setResult(null);
      try {
        await change.mutateAsync({ oldPassword: currentPassword, newPassword });
      } catch (error) {
        if (error instanceof PasswordError) {
          form.setError('currentPassword', { type: 'server', message: text.wrongCurrentPassword }, { shouldFocus: true });
        } else if (error instanceof FieldFormatError) {
          form.setError('newPassword', { type: 'server', message: text.passwordPolicy }, { shouldFocus: true });
        } else setResult({ error });
        return;
      }
      // No password stays in the form once it has served.
      form.reset(empty);
      setResult('changed');
      onChanged?.();
    }),
  );

  const busy = change.isPending;
  const problem = result && result !== 'changed' ? result.error : null;
  return (
    <form
      className={classNames('exh-auth', 'exh-auth--change-password', className)}
      aria-label={text.formName}
      data-state={busy ? 'submitting' : problem ? 'error' : result ? 'done' : 'idle'}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <Field
        form={form}
        name="currentPassword"
        label={text.currentPassword}
        autoComplete="current-password"
        toggle={text.showPassword}
        rules={{ validate: (value) => value !== '' || text.currentPasswordRequired }}
      />
      <Field
        form={form}
        name="newPassword"
        label={text.newPassword}
        autoComplete="new-password"
        toggle={text.showPassword}
        describedBy={`${id}-checklist`}
        rules={{ validate: (value) => value !== '' || text.newPasswordRequired }}
      >
        <PasswordChecklist control={form.control} name="newPassword" id={`${id}-checklist`} labels={checklistLabels} />
      </Field>
      <Field
        form={form}
        name="confirmPassword"
        label={text.confirmPassword}
        type="password"
        autoComplete="new-password"
        rules={{ validate: (value, values) => value === values.newPassword || text.passwordsDiffer }}
      />
      <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
        {problem ? commonMessage(problem, text) : null}
      </div>
      <div role="status" className="exh-auth__success" tabIndex={-1} ref={statusRef}>
        {result === 'changed' ? text.changed : null}
      </div>
      <SubmitButton busy={busy}>{busy ? text.submitting : text.submit}</SubmitButton>
    </form>
  );
}
