import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import {
  DisabledForOidcUsersError,
  EmailUnknownError,
  ForgotPasswordRequestLimitError,
  ForgotPasswordRequestTimeoutError,
  NotActivatedError,
} from '../../core/index.js';
import { looksLikeEmail } from '../../react/index.js';
import { useRequestPasswordReset } from '../../react/account/useRequestPasswordReset.js';
import { CountdownText } from '../CountdownText.js';
import {
  defaultForgotPasswordLabels,
  type ForgotPasswordLabels,
  type PasswordChecklistLabels,
  type ResetPasswordLabels,
} from '../labels.js';
import { useCountdown } from '../useCountdown.js';
import { classNames, commonMessage } from '../util.js';
import { Field } from './parts.js';
import { ResetPasswordForm } from './ResetPasswordForm.js';
import { useLabels } from '../locale.js';

export interface ForgotPasswordFormProps {
  /** `hash`: the mail carries a link (to ResetPasswordForm). `pinCode`: an 8-digit code, typed in the code step that follows here. */
  mode?: 'hash' | 'pinCode';
  /** Prefills the address. */
  email?: string;
  /** After each request, whatever the service answered about the address. */
  onSent?: (email: string) => void;
  /** Pin mode: the password is changed. */
  onReset?: () => void;
  labels?: Partial<ForgotPasswordLabels>;
  /** Pin mode: the code step's strings. */
  resetLabels?: Partial<ResetPasswordLabels>;
  checklistLabels?: Partial<PasswordChecklistLabels>;
  className?: string;
}

/** The service's documented wait between two reset mails (221). */
const RESEND_WAIT_MS = 5 * 60_000;

interface Problem {
  error: unknown;
  /** Epoch ms a 221's wait ends. */
  until: number | null;
}

/**
 * Asks for a password-reset mail. The words after it never tell whether the address has an account: an unknown
 * address (202), an account not activated (204) and one that signs in through an identity provider (215) get the
 * same screen as a mail sent, and its resend button waits the same 5 minutes.
 */
export function ForgotPasswordForm({
  mode = 'hash',
  email = '',
  onSent,
  onReset,
  labels,
  resetLabels,
  checklistLabels,
  className,
}: ForgotPasswordFormProps) {
  const text = useLabels('forgotPasswordForm', defaultForgotPasswordLabels, labels);
  const request = useRequestPasswordReset();
  const form = useForm<{ email: string }>({ mode: 'onSubmit', defaultValues: { email } });
  const [sentTo, setSentTo] = useState<string | null>(null);
  // Counts the mails asked for: a new pin starts a new code step.
  const [sends, setSends] = useState(0);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const resendSeconds = useCountdown(resendAt);
  const waitSeconds = useCountdown(problem?.until ?? null);
  const submitting = useRef(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  useEffect(() => {
    if (sends > 0) sentRef.current?.focus();
  }, [sends]);

  async function send(address: string) {
    if (submitting.current) return;
    submitting.current = true;
    setProblem(null);
    try {
      await request.mutateAsync({ email: address, mode });
    } catch (error) {
      // No account enumeration: these answers say something about the address; the screen does not.
      if (!(error instanceof EmailUnknownError || error instanceof NotActivatedError || error instanceof DisabledForOidcUsersError)) {
        setProblem({ error, until: error instanceof ForgotPasswordRequestTimeoutError ? Date.now() + retryAfter(error) : null });
        return;
      }
    } finally {
      submitting.current = false;
    }
    setSentTo(address);
    setSends((n) => n + 1);
    setResendAt(Date.now() + RESEND_WAIT_MS);
    onSent?.(address);
  }

  const submitValid = form.handleSubmit(({ email }) => send(email.trim()));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!submitting.current) void submitValid(event);
  }

  const busy = request.isPending;
  const alert = (
    <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
      {problem ? problemMessage(problem.error, waitSeconds, text) : null}
    </div>
  );

  if (sentTo !== null) {
    const cooling = resendSeconds > 0;
    const notice = (
      <>
        <p role="status" className="exh-auth__notice" tabIndex={-1} ref={sentRef}>
          {mode === 'pinCode' ? text.sentPin(sentTo) : text.sent(sentTo)}
        </p>
        <p className="exh-auth__hint">{text.sentHint}</p>
        {/* In pin mode the code step below has the form's alert region: this one comes only with a problem. */}
        {(mode !== 'pinCode' || problem) && alert}
        <div className="exh-auth__actions">
          <button
            type="button"
            aria-disabled={cooling || busy || undefined}
            aria-busy={busy || undefined}
            onClick={() => !cooling && void send(sentTo)}
          >
            {busy ? text.submitting : cooling ? text.resendIn(resendSeconds) : text.resend}
          </button>
          <button
            type="button"
            className="exh-auth__back"
            onClick={() => {
              setSentTo(null);
              setProblem(null);
            }}
          >
            {text.otherEmail}
          </button>
        </div>
      </>
    );
    if (mode === 'pinCode') {
      return (
        <ResetPasswordForm
          key={sends}
          email={sentTo}
          intro={notice}
          onReset={onReset}
          onRequestNew={() => void send(sentTo)}
          labels={resetLabels}
          checklistLabels={checklistLabels}
          className={className}
        />
      );
    }
    return (
      <div className={classNames('exh-auth', 'exh-auth--forgot', className)} data-state="sent">
        {notice}
      </div>
    );
  }

  return (
    <form
      className={classNames('exh-auth', 'exh-auth--forgot', className)}
      aria-label={text.formName}
      data-state={busy ? 'submitting' : problem ? 'error' : 'idle'}
      noValidate
      onSubmit={onSubmit}
    >
      <p className="exh-auth__hint">{text.intro}</p>
      <Field
        form={form}
        name="email"
        label={text.email}
        type="email"
        autoComplete="username"
        rules={{ validate: (value: string) => (!value.trim() ? text.emailRequired : looksLikeEmail(value.trim()) || text.emailInvalid) }}
      />
      {alert}
      <button type="submit" className="exh-auth__submit" aria-disabled={busy || undefined} aria-busy={busy || undefined}>
        {busy ? text.submitting : text.submit}
      </button>
    </form>
  );
}

function problemMessage(error: unknown, waitSeconds: number, text: ForgotPasswordLabels): ReactNode {
  if (error instanceof ForgotPasswordRequestLimitError) return text.tooMany;
  if (error instanceof ForgotPasswordRequestTimeoutError) {
    if (waitSeconds === 0) return text.tooSoonOver;
    return <CountdownText seconds={waitSeconds} text={text.tooSoon} announceAt={[Math.ceil(retryAfter(error) / 1000)]} />;
  }
  return commonMessage(error, text);
}

const retryAfter = (error: unknown) => (error as ForgotPasswordRequestTimeoutError).retryAfter;
