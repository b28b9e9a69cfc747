import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useForm, useFormState, type UseFormReturn } from 'react-hook-form';
import {
  AuthenticationError,
  InvalidMfaTokenError,
  LoginFreezeError,
  LoginTimeoutError,
  MfaRequiredError,
  OAuthTokenError,
  SupersededError,
  TooManyFailedAttemptsError,
  type MfaChallenge,
  type SessionInfo,
} from '../../core/index.js';
import { useAuth, useLogin } from '../../react/index.js';
import { CountdownText } from '../CountdownText.js';
import { defaultLoginFormLabels, type LoginFormLabels, type MfaLabels } from '../labels.js';
import { MfaMethodPicker } from './MfaMethodPicker.js';
import { classNames, commonMessage } from '../util.js';
import { useCountdown } from '../useCountdown.js';
import { useLabels } from '../locale.js';

export interface LoginFormProps {
  /** Signed in, with or without an MFA step. */
  onSuccess?: (session: SessionInfo) => void;
  /** The password was right and the user has MFA: the form now shows the MFA step. */
  onMfaRequired?: (challenge: MfaChallenge) => void;
  /** Overrides of the English strings, for i18n. */
  labels?: Partial<LoginFormLabels>;
  /** Overrides of the MFA step's strings. */
  mfaLabels?: Partial<MfaLabels>;
  className?: string;
  /** Shows a "Forgot password?" button that calls this (e.g. to show ForgotPasswordForm). */
  onForgotPassword?: () => void;
  /** Shows a "Create an account" button that calls this (e.g. to show SignUpForm). */
  onCreateAccount?: () => void;
}

interface LoginFields {
  email: string;
  password: string;
}

type LoginFormMethods = UseFormReturn<LoginFields>;

/** The service's freeze after every 10th failed attempt (212); its answer does not say how long is left. */
const FREEZE_MS = 60_000;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface ServerProblem {
  error: unknown;
  /** Epoch ms the 212 freeze ends. */
  frozenUntil: number | null;
}

/**
 * Email and password sign-in, then the MFA step when the user has one.
 * The inputs are uncontrolled (react-hook-form): typing re-renders nothing until the first submit.
 */
export function LoginForm({
  onSuccess,
  onMfaRequired,
  labels,
  mfaLabels,
  className,
  onForgotPassword,
  onCreateAccount,
}: LoginFormProps) {
  const text = useLabels('loginForm', defaultLoginFormLabels, labels);
  const status = useAuth((auth) => auth.status);
  const authError = useAuth((auth) => auth.error);
  const client = useAuth((auth) => auth.client);
  const login = useLogin();
  // Kept across the MFA step, so Back (or an expired challenge) finds the email still there.
  const form = useForm<LoginFields>({ mode: 'onSubmit', defaultValues: { email: '', password: '' } });
  const { resetField, setFocus } = form;
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  // The session ending error (e.g. an expired MFA challenge) the user has already moved past.
  const [seenAuthError, setSeenAuthError] = useState<unknown>(null);
  const frozenSeconds = useCountdown(problem?.frozenUntil ?? null);
  // The button stays focusable while pending (aria-disabled, not disabled), so clicks and Enter reach
  // onSubmit: only the first submit goes through.
  const submitting = useRef(false);
  const alertRef = useRef<HTMLDivElement>(null);

  // Why the session ended by itself, until the user signs in again.
  const endedBy: unknown = authError === seenAuthError ? null : authError;
  const sessionEnded =
    endedBy instanceof InvalidMfaTokenError ? text.mfaExpired : endedBy instanceof OAuthTokenError ? text.signedOutElsewhere : null;

  // Back from the MFA step: the password is asked again, with focus on it, since the focused code input
  // has just gone. When the step ended on its own, the message below takes the focus instead.
  const previousStatus = useRef(status);
  useEffect(() => {
    if (previousStatus.current === 'mfaRequired' && status === 'unauthenticated' && !sessionEnded) setFocus('password');
    previousStatus.current = status;
  }, [status, sessionEnded, setFocus]);
  // A message appearing takes the focus: it is read out, and focus is not left on a button or on an
  // element that went away.
  useEffect(() => {
    if (problem || sessionEnded) alertRef.current?.focus();
  }, [problem, sessionEnded]);

  const submitValid = form.handleSubmit(async ({ email, password }) => {
    setProblem(null);
    setSeenAuthError(authError);
    try {
      const session = await login.mutateAsync({ email: email.trim(), password });
      // The password is not kept in the form's state once it has served.
      resetField('password');
      onSuccess?.(session);
    } catch (error) {
      if (error instanceof MfaRequiredError) {
        resetField('password');
        const challenge = client.getState().mfa;
        if (challenge) onMfaRequired?.(challenge);
        return;
      }
      // A later sign-out, cancel or sign-in of the user's own overtook this one: nothing to tell.
      if (error instanceof SupersededError) return;
      setProblem({ error, frozenUntil: error instanceof LoginFreezeError ? Date.now() + FREEZE_MS : null });
    }
  });

  const frozen = frozenSeconds > 0;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current || frozen) return;
    submitting.current = true;
    try {
      await submitValid(event);
    } finally {
      submitting.current = false;
    }
  }

  if (status === 'mfaRequired') {
    return <MfaMethodPicker className={className} labels={mfaLabels} onSuccess={onSuccess} />;
  }

  const busy = login.isPending;
  const state = busy ? 'submitting' : frozen ? 'frozen' : problem || sessionEnded ? 'error' : 'idle';
  return (
    <form
      className={classNames('exh-auth', 'exh-auth--login', className)}
      aria-label={text.formName}
      data-state={state}
      noValidate
      onSubmit={onSubmit}
    >
      <Field
        form={form}
        name="email"
        label={text.email}
        validate={(value) => {
          const email = value.trim();
          if (!email) return text.emailRequired;
          return EMAIL_SHAPE.test(email) || text.emailInvalid;
        }}
      />
      {/* Sent as typed: spaces can be part of a password. */}
      <Field
        form={form}
        name="password"
        label={text.password}
        validate={(value) => value !== '' || text.passwordRequired}
        toggle={text.showPassword}
      />
      <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
        {problem ? serverMessage(problem.error, frozenSeconds, text) : sessionEnded}
      </div>
      <button
        type="submit"
        className="exh-auth__submit"
        aria-disabled={busy || frozen || undefined}
        aria-busy={busy || undefined}
      >
        {busy ? text.submitting : text.submit}
      </button>
      {onForgotPassword && (
        <button type="button" className="exh-auth__link" onClick={onForgotPassword}>
          {text.forgotPassword}
        </button>
      )}
      {onCreateAccount && (
        <button type="button" className="exh-auth__link" onClick={onCreateAccount}>
          {text.createAccount}
        </button>
      )}
    </form>
  );
}

function serverMessage(error: unknown, frozenSeconds: number, labels: LoginFormLabels): ReactNode {
  if (error instanceof LoginFreezeError) {
    if (frozenSeconds === 0) return labels.frozenOver;
    // Heard once when it starts; the screen shows every second.
    return <CountdownText seconds={frozenSeconds} text={labels.frozen} announceAt={[FREEZE_MS / 1000]} />;
  }
  if (error instanceof AuthenticationError) return labels.wrongCredentials;
  if (error instanceof LoginTimeoutError) return labels.tooFast;
  if (error instanceof TooManyFailedAttemptsError) return labels.locked;
  return commonMessage(error, labels);
}

interface FieldProps {
  form: LoginFormMethods;
  name: keyof LoginFields;
  label: string;
  validate: (value: string) => string | true;
  /** The password's show/hide toggle, named by this label. */
  toggle?: string;
}

/** One labelled input with its error; the password one with its show/hide toggle. */
function Field({ form, name, label, validate, toggle }: FieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  // Subscribes this field alone to its error: typing re-renders neither it nor the form.
  const { errors } = useFormState({ control: form.control, name });
  const error = errors[name]?.message;
  const input = (
    <input
      id={id}
      className="exh-auth__input"
      type={!toggle ? 'email' : shown ? 'text' : 'password'}
      autoComplete={toggle ? 'current-password' : 'username'}
      autoCapitalize="none"
      spellCheck={false}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      {...form.register(name, { validate })}
    />
  );
  return (
    <div className={classNames('exh-auth__field', toggle && 'exh-auth__field--password')}>
      <label className="exh-auth__label" htmlFor={id}>
        {label}
      </label>
      {toggle ? (
        <div className="exh-auth__password">
          {input}
          <button
            type="button"
            className="exh-auth__toggle"
            aria-pressed={shown}
            aria-controls={id}
            onClick={() => setShown((value) => !value)}
          >
            {toggle}
          </button>
        </div>
      ) : (
        input
      )}
      {error && (
        <p id={`${id}-error`} className="exh-auth__field-error">
          {error}
        </p>
      )}
    </div>
  );
}
