import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { ActivationUnknownError, AlreadyActivatedError, IncorrectPinCodeError, TooManyFailedAttemptsError } from '../../core/index.js';
import { useActivate } from '../../react/account/useActivate.js';
import { defaultActivateAccountLabels, type ActivateAccountLabels } from '../labels.js';
import { classNames, commonMessage } from '../util.js';
import { EMAIL_SHAPE, Field, ResendActivation, SubmitButton, useGuardedSubmit } from './parts.js';
import { useLabels } from '../locale.js';

export interface ActivateAccountProps {
  /**
   * The query parameter of the activation mail's link holding its hash; `null` to ignore the address bar
   * (the pin form only). Default `activationHash` (the mock's default link).
   */
  hashParam?: string | null;
  /** Prefills the pin form's e-mail (e.g. right after sign-up). */
  email?: string;
  /** Activated (or found activated already). */
  onActivated?: () => void;
  /** Shows a "Sign in" button on the success screens. */
  onSignIn?: () => void;
  labels?: Partial<ActivateAccountLabels>;
  className?: string;
}

/** The hash of the link, read once: the parameter is then removed from the address bar (it is single-use). */
function readHash(param: string | null): string | null {
  if (!param || typeof window === 'undefined') return null;
  return new URL(window.location.href).searchParams.get(param);
}

function dropParam(param: string) {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(param)) return;
  url.searchParams.delete(param);
  window.history.replaceState(window.history.state, '', url);
}

type Outcome = { done: 'activated' | 'already' } | { error: unknown } | null;

/**
 * Activates an account: with the mail link's hash found in the address bar (once, StrictMode included), else with
 * the e-mail address and the mail's 8-digit pin.
 */
export function ActivateAccount({ hashParam = 'activationHash', email = '', onActivated, onSignIn, labels, className }: ActivateAccountProps) {
  const text = useLabels('activateAccount', defaultActivateAccountLabels, labels);
  const [hash] = useState(() => readHash(hashParam));
  const activate = useActivate();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const onActivatedRef = useRef(onActivated);
  onActivatedRef.current = onActivated;
  // StrictMode runs effects twice on the same instance: the ref keeps the single-use hash from being sent twice.
  const started = useRef(false);

  function finish(done: 'activated' | 'already') {
    setOutcome({ done });
    onActivatedRef.current?.();
  }

  useEffect(() => {
    if (!hash || !hashParam) return;
    dropParam(hashParam);
    if (started.current) return;
    started.current = true;
    activate.mutateAsync({ hash }).then(
      () => finish('activated'),
      (error: unknown) => (error instanceof AlreadyActivatedError ? finish('already') : setOutcome({ error })),
    );
    // Once per mount; `activate` and `finish` change every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hash, hashParam]);

  const rootClass = classNames('exh-auth', 'exh-auth--activate', className);
  if (outcome && 'done' in outcome) {
    return (
      <Screen className={rootClass} title={outcome.done === 'activated' ? text.activated : text.alreadyActivated} state="done">
        <p>{text.signInNow}</p>
        {onSignIn && (
          <button type="button" className="exh-auth__submit" onClick={onSignIn}>
            {text.signIn}
          </button>
        )}
      </Screen>
    );
  }
  if (hash) {
    if (!outcome) {
      return (
        <Screen className={rootClass} title={text.activating} state="submitting">
          {null}
        </Screen>
      );
    }
    if (outcome.error instanceof ActivationUnknownError) return <LinkExpired className={rootClass} email={email} text={text} />;
    return (
      <Screen className={rootClass} title={text.failedTitle} state="error">
        <p>{commonMessage(outcome.error, text)}</p>
      </Screen>
    );
  }
  return <PinForm className={rootClass} email={email} text={text} finish={finish} activate={activate} />;
}

/** A heading that takes the focus when the screen appears, so it is read out and focus is not lost. */
function Screen({ className, title, state, children }: { className: string; title: string; state: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section className={className} data-state={state}>
      <h2 className="exh-auth__title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** 205 on a link: a new one is sent to the address given here (the hash does not say whose it was). */
function LinkExpired({ className, email, text }: { className: string; email: string; text: ActivateAccountLabels }) {
  const form = useForm({ defaultValues: { email } });
  return (
    <Screen className={className} title={text.linkExpired} state="error">
      <p>{text.linkExpiredHelp}</p>
      <Field form={form} name="email" label={text.email} type="email" autoComplete="email" />
      <ResendActivation email={() => form.getValues('email')} mode="hash" labels={text}>
        {text.sendNewLink}
      </ResendActivation>
    </Screen>
  );
}

interface PinFields {
  email: string;
  pinCode: string;
}

function PinForm({
  className,
  email,
  text,
  finish,
  activate,
}: {
  className: string;
  email: string;
  text: ActivateAccountLabels;
  finish: (done: 'activated' | 'already') => void;
  activate: ReturnType<typeof useActivate>;
}) {
  const form = useForm<PinFields>({ mode: 'onSubmit', defaultValues: { email, pinCode: '' } });
  const [error, setError] = useState<unknown>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);
  const onSubmit = useGuardedSubmit(
    form.handleSubmit(async ({ email, pinCode }) => {
      setError(null);
      try {
        await activate.mutateAsync({ email: email.trim(), pinCode: pinCode.trim() });
        finish('activated');
      } catch (caught) {
        if (caught instanceof AlreadyActivatedError) return finish('already');
        setError(caught);
        // A pin serves once: wrong, it is typed again.
        form.resetField('pinCode');
      }
    }),
  );
  const busy = activate.isPending;
  return (
    <form className={className} aria-label={text.pinFormName} data-state={busy ? 'submitting' : error ? 'error' : 'idle'} noValidate onSubmit={(e) => void onSubmit(e)}>
      <p className="exh-auth__intro">{text.pinIntro}</p>
      <Field
        form={form}
        name="email"
        label={text.email}
        type="email"
        autoComplete="email"
        rules={{ validate: (value) => EMAIL_SHAPE.test(value.trim()) || text.emailInvalid }}
      />
      <Field
        form={form}
        name="pinCode"
        label={text.pinCode}
        autoComplete="one-time-code"
        inputMode="numeric"
        rules={{ validate: (value) => /^\d{8}$/.test(value.trim()) || text.pinCodeInvalid }}
      />
      <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
        {error ? pinMessage(error, text) : null}
      </div>
      <SubmitButton busy={busy}>{busy ? text.activatingShort : text.activate}</SubmitButton>
      <ResendActivation email={() => form.getValues('email')} mode="pinCode" labels={text}>
        {text.sendNewCode}
      </ResendActivation>
    </form>
  );
}

function pinMessage(error: unknown, text: ActivateAccountLabels): string {
  if (error instanceof IncorrectPinCodeError) return text.wrongPin;
  if (error instanceof TooManyFailedAttemptsError) return text.tooManyPins;
  if (error instanceof ActivationUnknownError) return text.pinExpired;
  return commonMessage(error, text);
}
