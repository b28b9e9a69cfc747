import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
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
import { PasswordToggle } from '../PasswordToggle.js';
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
  /** The card's header, above the title: e.g. the app's logo (an image with its alt text). Shows the header. */
  logo?: ReactNode;
  /** The header's heading, which also names the form: `true` for `labels.formName` ("Sign in"), or your own. Shows the header. */
  title?: ReactNode;
  /** Under the title: `labels.subtitle(appName)`, "to continue to {appName}". Shows the header. */
  appName?: string;
  /** Under the title, instead of the `appName` line. Shows the header. */
  subtitle?: ReactNode;
  /** The level of the header's heading and of the MFA step's; 2 by default. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Shows a "Forgot password?" button in the footer that calls this (e.g. to show ForgotPasswordForm). */
  onForgotPassword?: () => void;
  /** Shows a "Create an account" button in the footer that calls this (e.g. to show SignUpForm). */
  onCreateAccount?: () => void;
  /** More of the card's footer, after those two buttons (e.g. links to help or terms). */
  footer?: ReactNode;
}

type FieldName = 'email' | 'password';
type Fields = Record<FieldName, string>;

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
 * The inputs are uncontrolled: typing re-renders nothing until the first submit, then only when a field's
 * error changes. No form library: this is the whole of the validation, and it keeps the sign-in path small.
 */
export function LoginForm({
  onSuccess,
  onMfaRequired,
  labels,
  mfaLabels,
  className,
  logo,
  title,
  appName,
  subtitle,
  headingLevel = 2,
  onForgotPassword,
  onCreateAccount,
  footer,
}: LoginFormProps) {
  const text = useLabels('loginForm', defaultLoginFormLabels, labels);
  const id = useId();
  const status = useAuth((auth) => auth.status);
  const authError = useAuth((auth) => auth.error);
  const client = useAuth((auth) => auth.client);
  const login = useLogin();
  // Kept across the MFA step (the inputs are gone meanwhile), so Back or an expired challenge finds the email still there.
  const values = useRef<Fields>({ email: '', password: '' });
  const inputs = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({});
  // Set by the first submit: from then on a field is checked again as it changes.
  const submitted = useRef(false);
  const [errors, setErrors] = useState<Partial<Fields>>({});
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
    if (previousStatus.current === 'mfaRequired' && status === 'unauthenticated' && !sessionEnded) inputs.current.password?.focus();
    previousStatus.current = status;
  }, [status, sessionEnded]);
  // A message appearing takes the focus: it is read out, and focus is not left on a button or on an
  // element that went away.
  useEffect(() => {
    if (problem || sessionEnded) alertRef.current?.focus();
  }, [problem, sessionEnded]);

  // Sent as typed: spaces can be part of a password.
  const validate = (name: FieldName, value: string) => {
    const email = value.trim();
    return name === 'password'
      ? value === '' ? text.passwordRequired : undefined
      : !email ? text.emailRequired : EMAIL_SHAPE.test(email) ? undefined : text.emailInvalid;
  };

  function onInput(name: FieldName, value: string) {
    values.current[name] = value;
    const error = validate(name, value);
    if (submitted.current) setErrors((current) => (current[name] === error ? current : { ...current, [name]: error }));
  }

  // The password is not kept once it has served.
  function forgetPassword() {
    values.current.password = '';
    if (inputs.current.password) inputs.current.password.value = '';
  }

  const frozen = frozenSeconds > 0;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting.current || frozen) return;
    submitted.current = true;
    // Read from the inputs: a password manager may fill them in without an input event.
    for (const input of Object.values(inputs.current)) if (input) values.current[input.name as FieldName] = input.value;
    const { email, password } = values.current;
    const found = { email: validate('email', email), password: validate('password', password) };
    setErrors(found);
    // The first field to fix takes the focus.
    const invalid = found.email ? 'email' : found.password && 'password';
    if (invalid) return inputs.current[invalid]?.focus();
    submitting.current = true;
    setProblem(null);
    setSeenAuthError(authError);
    try {
      const session = await login.mutateAsync({ email: email.trim(), password });
      forgetPassword();
      onSuccess?.(session);
    } catch (error) {
      if (error instanceof MfaRequiredError) {
        forgetPassword();
        const challenge = client.getState().mfa;
        if (challenge) onMfaRequired?.(challenge);
        return;
      }
      // A later sign-out, cancel or sign-in of the user's own overtook this one: nothing to tell.
      if (error instanceof SupersededError) return;
      setProblem({ error, frozenUntil: error instanceof LoginFreezeError ? Date.now() + FREEZE_MS : null });
    } finally {
      submitting.current = false;
    }
  }

  if (status === 'mfaRequired') {
    return (
      <MfaMethodPicker
        className={className}
        labels={mfaLabels}
        onSuccess={onSuccess}
        headingLevel={headingLevel}
        email={values.current.email.trim()}
      />
    );
  }

  const busy = login.isPending;
  const state = busy ? 'submitting' : frozen ? 'frozen' : problem || sessionEnded ? 'error' : 'idle';
  const Heading = `h${headingLevel}` as 'h2';
  const sub = subtitle ?? (appName && text.subtitle(appName));
  // The header's title names the form when there is one.
  const header = logo || title || sub;
  return (
    <form
      className={classNames('exh-auth', 'exh-auth--login', className)}
      aria-label={header ? undefined : text.formName}
      aria-labelledby={header ? id : undefined}
      data-state={state}
      noValidate
      onSubmit={onSubmit}
    >
      {header && (
        <div className="exh-auth__header">
          {logo}
          <Heading id={id} className="exh-auth__title">
            {title === true || !title ? text.formName : title}
          </Heading>
          {sub && <p className="exh-auth__subtitle">{sub}</p>}
        </div>
      )}
      {(['email', 'password'] as const).map((name) => (
        <Field
          key={name}
          name={name}
          label={text[name]}
          error={errors[name]}
          inputRef={(input) => {
            // A new input (first render, back from the MFA step) gets the value kept, as a property: a
            // `defaultValue` would also write it into the page's HTML (a `value` attribute) on each render.
            if (input && input !== inputs.current[name]) input.value = values.current[name];
            if (input) inputs.current[name] = input;
          }}
          onInput={onInput}
          toggle={name === 'password' ? text.showPassword : undefined}
        />
      ))}
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
      {(onForgotPassword || onCreateAccount || footer) && (
        <div className="exh-auth__footer">
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
          {footer}
        </div>
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
  name: FieldName;
  label: string;
  error: string | undefined;
  inputRef: (input: HTMLInputElement | null) => void;
  onInput: (name: FieldName, value: string) => void;
  /** The password's show button, named by this label. */
  toggle?: string;
}

/** One labelled input with its error; the password one with its show button inside the field. */
function Field({ name, label, error, inputRef, onInput, toggle }: FieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="exh-auth__field">
      <label className="exh-auth__label" htmlFor={id}>
        {label}
      </label>
      <div className="exh-auth__affix">
        <input
          id={id}
          ref={inputRef}
          name={name}
          className="exh-auth__input"
          type={!toggle ? 'email' : shown ? 'text' : 'password'}
          autoComplete={toggle ? 'current-password' : 'username'}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(event) => onInput(name, event.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {toggle && <PasswordToggle label={toggle} shown={shown} controls={id} onToggle={() => setShown(!shown)} />}
      </div>
      {error && (
        <p id={`${id}-error`} className="exh-auth__field-error">
          {error}
        </p>
      )}
    </div>
  );
}
