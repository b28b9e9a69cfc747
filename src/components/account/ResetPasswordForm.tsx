import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import {
  checkPassword,
  DisabledForOidcUsersError,
  FieldFormatError,
  IncorrectPinCodeError,
  NewPasswordHashUnknownError,
  NewPasswordPinCodeUnknownError,
  NotActivatedError,
  TooManyFailedAttemptsError,
} from '../../core/index.js';
import { looksLikeEmail, usePasswordPolicy } from '../../react/index.js';
import { useResetPassword } from '../../react/account/useResetPassword.js';
import { defaultResetPasswordLabels, type PasswordChecklistLabels, type ResetPasswordLabels } from '../labels.js';
import { classNames, commonMessage } from '../util.js';
import { Field } from './parts.js';
import { PasswordChecklist } from './PasswordChecklist.js';
import { readUrlParam, removeUrlParam } from './url.js';
import { useLabels } from '../locale.js';

export interface ResetPasswordFormProps {
  /** The reset mail's hash. Without it, read from the URL's `hashParam`; without either, the e-mail + pin form. */
  hash?: string;
  /** The URL parameter of the mail's link (the mock's default link uses `resetHash`). Taken out of the address bar once read. */
  hashParam?: string;
  /** Pin mode: the address the code was sent to, prefilled. */
  email?: string;
  /** The password is changed. The user's sessions are all ended, this one included when it was theirs. */
  onReset?: () => void;
  /** Shows "Send me a new one" when the link or code has expired, was used, or is spent. */
  onRequestNew?: () => void;
  /** Shown at the top of the form, e.g. "a code is on its way". */
  intro?: ReactNode;
  labels?: Partial<ResetPasswordLabels>;
  checklistLabels?: Partial<PasswordChecklistLabels>;
  className?: string;
}

interface ResetFields {
  email: string;
  pinCode: string;
  password: string;
  confirm: string;
}

/** Pin attempts the service allows per mail (224 until then, 213 after). */
const PIN_ATTEMPTS = 3;

/**
 * A new password, with the policy as a live checklist and a confirmation, by the link's hash or by e-mail + 8-digit pin.
 * The inputs are uncontrolled: typing re-renders only the checklist.
 */
export function ResetPasswordForm({
  hash: hashProp,
  hashParam = 'resetHash',
  email = '',
  onReset,
  onRequestNew,
  intro,
  labels,
  checklistLabels,
  className,
}: ResetPasswordFormProps) {
  const text = useLabels('resetPasswordForm', defaultResetPasswordLabels, labels);
  // Read once: the parameter leaves the address bar right after.
  const [hash] = useState(() => hashProp ?? readUrlParam(hashParam));
  useEffect(() => {
    if (hashProp === undefined) removeUrlParam(hashParam);
  }, [hashProp, hashParam]);
  const reset = useResetPassword();
  const policy = usePasswordPolicy();
  const form = useForm<ResetFields>({ mode: 'onSubmit', defaultValues: { email, pinCode: '', password: '', confirm: '' } });
  const [problem, setProblem] = useState<unknown>(null);
  const [wrongPins, setWrongPins] = useState(0);
  const [done, setDone] = useState(false);
  const submitting = useRef(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const checklistId = useId();

  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submitValid = form.handleSubmit(async ({ email, pinCode, password }) => {
    setProblem(null);
    try {
      await reset.mutateAsync(hash ? { hash, newPassword: password } : { email: email.trim(), pinCode, newPassword: password });
      // No password stays in the form's state once it has served.
      form.reset({ email: '', pinCode: '', password: '', confirm: '' });
      setDone(true);
      onReset?.();
    } catch (error) {
      if (error instanceof IncorrectPinCodeError) setWrongPins((n) => n + 1);
      setProblem(error);
    }
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current) return;
    submitting.current = true;
    try {
      await submitValid(event);
    } finally {
      submitting.current = false;
    }
  }

  const classes = classNames('exh-auth', 'exh-auth--reset', className);
  if (done) {
    return (
      <div className={classes} data-state="done">
        <p role="status" className="exh-auth__notice" tabIndex={-1} ref={doneRef}>
          {text.done}
        </p>
      </div>
    );
  }

  const spent =
    problem instanceof NewPasswordHashUnknownError ||
    problem instanceof NewPasswordPinCodeUnknownError ||
    problem instanceof TooManyFailedAttemptsError ||
    (!hash && (problem instanceof NotActivatedError || problem instanceof DisabledForOidcUsersError));
  const busy = reset.isPending;
  return (
    <form
      className={classes}
      aria-label={text.formName}
      data-state={busy ? 'submitting' : problem ? 'error' : 'idle'}
      noValidate
      onSubmit={onSubmit}
    >
      {intro}
      {!hash && (
        <>
          <Field
            form={form}
            name="email"
            label={text.email}
            type="email"
            autoComplete="username"
            rules={{ validate: (value: string) => (!value.trim() ? text.emailRequired : looksLikeEmail(value.trim()) || text.emailInvalid) }}
          />
          <Field
            form={form}
            name="pinCode"
            label={text.pinCode}
            autoComplete="one-time-code"
            inputMode="numeric"
            rules={{ validate: (value: string) => /^\d{8}$/.test(value.trim()) || text.pinCodeInvalid }}
          />
        </>
      )}
      <Field
        form={form}
        name="password"
        label={text.newPassword}
        type="password"
        autoComplete="new-password"
        toggle={text.showPassword}
        describedBy={checklistId}
        rules={{ validate: (value: string) => {
          if (!value) return text.passwordRequired;
          // Checked here too, so a password against the policy spends neither the link nor a pin attempt.
          return !policy.data || checkPassword(policy.data, value).ok || text.passwordPolicy;
        } }}
      />
      <PasswordChecklist control={form.control} name="password" id={checklistId} labels={checklistLabels} />
      <Field
        form={form}
        name="confirm"
        label={text.confirmPassword}
        type="password"
        autoComplete="new-password"
        rules={{ validate: (value: string) => value === form.getValues('password') || text.confirmMismatch }}
      />
      <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
        {problem ? serverMessage(problem, !!hash, PIN_ATTEMPTS - wrongPins, text) : null}
      </div>
      {spent && onRequestNew && (
        <button type="button" className="exh-auth__link" onClick={onRequestNew}>
          {text.requestNew}
        </button>
      )}
      <button type="submit" className="exh-auth__submit" aria-disabled={busy || undefined} aria-busy={busy || undefined}>
        {busy ? text.submitting : text.submit}
      </button>
    </form>
  );
}

function serverMessage(error: unknown, byLink: boolean, attemptsLeft: number, text: ResetPasswordLabels): string {
  if (error instanceof NewPasswordHashUnknownError) return text.linkExpired;
  if (error instanceof IncorrectPinCodeError) return text.wrongPin(Math.max(0, attemptsLeft));
  if (error instanceof TooManyFailedAttemptsError) return text.pinLocked;
  if (error instanceof FieldFormatError) return text.passwordPolicy;
  // Only with a mail's link is the account known to the one asking; by e-mail + pin, an answer that depends on
  // the address would tell which addresses have accounts: they get the words of an unknown code.
  if (byLink && error instanceof NotActivatedError) return text.notActivated;
  if (byLink && error instanceof DisabledForOidcUsersError) return text.oidcAccount;
  if (error instanceof NewPasswordPinCodeUnknownError || error instanceof NotActivatedError || error instanceof DisabledForOidcUsersError) {
    return text.codeExpired;
  }
  return commonMessage(error, text);
}
