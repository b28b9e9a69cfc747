import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useForm, useFormState, type UseFormReturn } from 'react-hook-form';
import {
  AuthenticationError,
  InvalidMfaTokenError,
  LoginFreezeError,
  LoginTimeoutError,
  MfaRequiredError,
  NetworkError,
  TooManyFailedAttemptsError,
  type MfaChallenge,
  type SessionInfo,
} from '../core/index.js';
import { useAuth, useLogin } from '../react/index.js';
import { CountdownText } from './CountdownText.js';
import { defaultLoginFormLabels, type LoginFormLabels, type MfaLabels } from './labels.js';
import { MfaMethodPicker } from './MfaMethodPicker.js';
import { classNames, errorName } from './util.js';
import { useCountdown } from './useCountdown.js';

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
export function LoginForm({ onSuccess, onMfaRequired, labels, mfaLabels, className }: LoginFormProps) {
  const text = { ...defaultLoginFormLabels, ...labels };
  const status = useAuth((auth) => auth.status);
  const authError = useAuth((auth) => auth.error);
  const client = useAuth((auth) => auth.client);
  const login = useLogin();
  // Kept across the MFA step, so Back (or an expired challenge) finds the email still there.
  const form = useForm<LoginFields>({ mode: 'onSubmit', defaultValues: { email: '', password: '' } });
  const { setValue, setFocus } = form;
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  // The session ending error (e.g. an expired MFA challenge) the user has already moved past.
  const [seenAuthError, setSeenAuthError] = useState<unknown>(null);
  const frozenSeconds = useCountdown(problem?.frozenUntil ?? null);
  // A double click lands before React has disabled the button: only the first submit goes through.
  const submitting = useRef(false);

  // Back from the MFA step (cancelled or expired): the password is asked again, empty, with focus on it,
  // since the focused code input has just gone.
  const previousStatus = useRef(status);
  useEffect(() => {
    const leftMfa = previousStatus.current === 'mfaRequired' && status === 'unauthenticated';
    previousStatus.current = status;
    if (!leftMfa) return;
    setValue('password', '');
    setFocus('password');
  }, [status, setValue, setFocus]);

  const submitValid = form.handleSubmit(async ({ email, password }) => {
    setProblem(null);
    setSeenAuthError(authError);
    try {
      const session = await login.mutateAsync({ email: email.trim(), password });
      onSuccess?.(session);
    } catch (error) {
      if (error instanceof MfaRequiredError) {
        const challenge = client.getState().mfa;
        if (challenge) onMfaRequired?.(challenge);
        return;
      }
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
  const expired = authError instanceof InvalidMfaTokenError && authError !== seenAuthError;
  const state = busy ? 'submitting' : frozen ? 'frozen' : problem || expired ? 'error' : 'idle';
  return (
    <form
      className={classNames('exh-auth', 'exh-auth--login', className)}
      aria-label={text.formName}
      data-state={state}
      noValidate
      onSubmit={onSubmit}
    >
      <EmailField form={form} labels={text} />
      <PasswordField form={form} labels={text} />
      <div role="alert" className="exh-auth__alert">
        {problem ? <ServerMessage problem={problem} frozenSeconds={frozenSeconds} labels={text} /> : expired && text.mfaExpired}
      </div>
      <button type="submit" className="exh-auth__submit" disabled={busy || frozen} aria-busy={busy || undefined}>
        {busy ? text.submitting : text.submit}
      </button>
    </form>
  );
}

function ServerMessage({
  problem: { error },
  frozenSeconds,
  labels,
}: {
  problem: ServerProblem;
  frozenSeconds: number;
  labels: LoginFormLabels;
}) {
  if (error instanceof LoginFreezeError) {
    if (frozenSeconds === 0) return labels.frozenOver;
    // Heard once when it starts; the screen shows every second.
    return <CountdownText seconds={frozenSeconds} text={labels.frozen} announceAt={[FREEZE_MS / 1000]} />;
  }
  if (error instanceof AuthenticationError) return labels.wrongCredentials;
  if (error instanceof LoginTimeoutError) return labels.tooFast;
  if (error instanceof TooManyFailedAttemptsError) return labels.locked;
  if (error instanceof NetworkError) return labels.networkError;
  return labels.unknownError(errorName(error));
}

interface FieldProps {
  form: LoginFormMethods;
  labels: LoginFormLabels;
}

function EmailField({ form, labels }: FieldProps) {
  const id = useId();
  // Subscribes this field alone to its error: typing re-renders neither it nor the form.
  const { errors } = useFormState({ control: form.control, name: 'email' });
  const error = errors.email?.message;
  return (
    <div className="exh-auth__field">
      <label className="exh-auth__label" htmlFor={id}>
        {labels.email}
      </label>
      <input
        id={id}
        className="exh-auth__input"
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...form.register('email', {
          validate: (value) => {
            const email = value.trim();
            if (!email) return labels.emailRequired;
            return EMAIL_SHAPE.test(email) || labels.emailInvalid;
          },
        })}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function PasswordField({ form, labels }: FieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const { errors } = useFormState({ control: form.control, name: 'password' });
  const error = errors.password?.message;
  return (
    <div className="exh-auth__field exh-auth__field--password">
      <label className="exh-auth__label" htmlFor={id}>
        {labels.password}
      </label>
      <div className="exh-auth__password">
        <input
          id={id}
          className="exh-auth__input"
          type={shown ? 'text' : 'password'}
          autoComplete="current-password"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          // Sent as typed: spaces can be part of a password.
          {...form.register('password', { validate: (value) => value !== '' || labels.passwordRequired })}
        />
        <button
          type="button"
          className="exh-auth__toggle"
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown((value) => !value)}
        >
          {labels.showPassword}
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="exh-auth__field-error">
      {message}
    </p>
  );
}
