/** Pieces the account forms share: a labelled field subscribed to its own error, the submit guard, the resend button. */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useFormState, type FieldPath, type FieldValues, type RegisterOptions, type UseFormReturn } from 'react-hook-form';
import {
  ActivationRequestLimitError,
  ActivationRequestTimeoutError,
  AlreadyActivatedError,
  EmailUnknownError,
  type ActivationMode,
} from '../../core/index.js';
import { useRequestActivation } from '../../react/account/useRequestActivation.js';
import { CountdownText } from '../CountdownText.js';
import { PasswordToggle } from '../PasswordToggle.js';
import type { ResendLabels } from '../labels.js';
import { useCountdown } from '../useCountdown.js';
import { classNames, commonMessage } from '../util.js';

export const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface FieldProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  name: FieldPath<T>;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete: string;
  rules?: RegisterOptions<T, FieldPath<T>>;
  /** The show button of a password (components/PasswordToggle), named by this label. */
  toggle?: string;
  /** Ids of other descriptions (the checklist, a live hint). */
  describedBy?: string;
  inputMode?: 'numeric';
  /** Rendered after the input (the password checklist, a hint). */
  children?: ReactNode;
}

/** One labelled input with its error; typing re-renders neither it nor the form (it subscribes to its error alone). */
export function Field<T extends FieldValues>({ form, name, label, type = 'text', autoComplete, rules, toggle, describedBy, inputMode, children }: FieldProps<T>) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const { errors } = useFormState({ control: form.control, name });
  const error = errors[name]?.message as string | undefined;
  const describedByIds = classNames(error && `${id}-error`, describedBy) || undefined;
  const input = (
    <input
      id={id}
      className="exh-auth__input"
      type={toggle ? (shown ? 'text' : 'password') : type}
      autoComplete={autoComplete}
      autoCapitalize={type === 'text' ? undefined : 'none'}
      spellCheck={type === 'text' ? undefined : false}
      inputMode={inputMode}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedByIds}
      {...form.register(name, rules)}
    />
  );
  return (
    <div className="exh-auth__field">
      <label className="exh-auth__label" htmlFor={id}>
        {label}
      </label>
      {toggle ? (
        <div className="exh-auth__affix">
          {input}
          <PasswordToggle label={toggle} shown={shown} controls={id} onToggle={() => setShown((v) => !v)} />
        </div>
      ) : (
        input
      )}
      {error && (
        <p id={`${id}-error`} className="exh-auth__field-error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/**
 * The submit handler: only the first submit goes through while one is pending (the button stays focusable,
 * aria-disabled, so clicks and Enter still reach here).
 */
export function useGuardedSubmit(submit: (event: FormEvent<HTMLFormElement>) => Promise<void>, blocked = false) {
  const submitting = useRef(false);
  return async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.current || blocked) return;
    submitting.current = true;
    try {
      await submit(event);
    } finally {
      submitting.current = false;
    }
  };
}

export function SubmitButton({ busy, blocked, children }: { busy: boolean; blocked?: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="exh-auth__submit" aria-disabled={busy || blocked || undefined} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}

/** 223's wait is heard at these moments (seconds left); the screen shows every second. */
const ANNOUNCE_AT = [300, 60, 10];

/**
 * "Send a new mail" for an activation, with what came of it: sent, 222 (limit) or 223 with its wait ticking.
 * `email` is read when pressed (a field's value), so typing does not re-render this.
 */
export function ResendActivation({ email, mode, labels, children }: { email: () => string; mode: ActivationMode; labels: ResendLabels; children: string }) {
  const request = useRequestActivation();
  const [outcome, setOutcome] = useState<{ sent: true } | { error: unknown; until: number | null } | null>(null);
  const seconds = useCountdown(outcome && 'error' in outcome ? outcome.until : null);
  const pending = useRef(false);
  const waiting = seconds > 0;
  async function resend() {
    const address = email().trim();
    if (pending.current || waiting || !EMAIL_SHAPE.test(address)) {
      if (!EMAIL_SHAPE.test(address)) setOutcome({ error: 'email', until: null });
      return;
    }
    pending.current = true;
    setOutcome(null);
    try {
      await request.mutateAsync({ email: address, mode });
      setOutcome({ sent: true });
    } catch (error) {
      setOutcome({ error, until: error instanceof ActivationRequestTimeoutError ? Date.now() + (error as ActivationRequestTimeoutError).retryAfter : null });
    } finally {
      pending.current = false;
    }
  }
  let message: ReactNode = null;
  if (outcome && 'sent' in outcome) message = labels.resent;
  else if (outcome) {
    const { error } = outcome;
    // 202 is worded as a sent mail: the page does not tell who has an account.
    if (error instanceof EmailUnknownError) message = labels.resent;
    else if (error instanceof AlreadyActivatedError) message = labels.resendAlreadyActivated;
    else if (error === 'email') message = labels.resendEmailInvalid;
    else if (error instanceof ActivationRequestTimeoutError)
      message = waiting ? <CountdownText seconds={seconds} text={labels.resendWait} announceAt={ANNOUNCE_AT} /> : labels.resendAgain;
    else if (error instanceof ActivationRequestLimitError) message = labels.resendLimit;
    else message = commonMessage(error, labels);
  }
  return (
    <div className="exh-auth__resend">
      <button type="button" className="exh-auth__secondary" aria-disabled={request.isPending || waiting || undefined} aria-busy={request.isPending || undefined} onClick={resend}>
        {request.isPending ? labels.resending : children}
      </button>
      <p className="exh-auth__status" role="status">
        {message}
      </p>
    </div>
  );
}
