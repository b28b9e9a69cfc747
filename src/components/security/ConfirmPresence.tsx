import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useForm } from 'react-hook-form';
import { AuthenticationError, LoginFreezeError, LoginTimeoutError, TooManyFailedAttemptsError } from '../../core/index.js';
import { usePresence } from '../../react/security/usePresence.js';
import { Field, SubmitButton, useGuardedSubmit } from '../account/parts.js';
import { CountdownText } from '../CountdownText.js';
import { useCountdown } from '../useCountdown.js';
import { classNames, commonMessage } from '../util.js';
import { defaultConfirmPresenceLabels, type ConfirmPresenceLabels } from './mfaLabels.js';
import { useLabels } from '../locale.js';

export interface ConfirmPresenceProps {
  /** The password was right: `usePresence().token` is valid now (kept in memory only). */
  onConfirmed?: () => void;
  /** Shows a Cancel button (and, as a dialog, lets Escape close it) that calls this. */
  onCancel?: () => void;
  /**
   * As a modal `<dialog>` (focus kept inside, given back to what had it when the dialog goes): mount it to open
   * it, unmount it to close it. Inline by default.
   */
  dialog?: boolean;
  labels?: Partial<ConfirmPresenceLabels>;
  /** The level of its title (default 2), to fit the page's outline. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

/** The service's freeze after every 10th failed attempt (212); its answer does not say how long is left. */
const FREEZE_MS = 60_000;

interface Problem {
  error: unknown;
  frozenUntil: number | null;
}

/**
 * "Confirm it's you": asks for the password before a change to the security settings and gets the presence
 * token every MFA write needs (`usePresence().confirm`). The password stays in the form only until it is sent.
 */
export function ConfirmPresence({ onConfirmed, onCancel, dialog = false, labels, headingLevel = 2, className }: ConfirmPresenceProps) {
  const text = useLabels('confirmPresence', defaultConfirmPresenceLabels, labels);
  const Heading = `h${headingLevel}` as 'h2';
  const presence = usePresence();
  const id = useId();
  const form = useForm<{ password: string }>({ mode: 'onSubmit', defaultValues: { password: '' } });
  const [problem, setProblem] = useState<Problem | null>(null);
  const frozenSeconds = useCountdown(problem?.frozenUntil ?? null);
  const frozen = frozenSeconds > 0;
  const alertRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  // The prompt appears because the user asked for something: straight into the password.
  const { setFocus } = form;
  useEffect(() => setFocus('password'), [setFocus]);

  // Layout effect: opened before the focus above moves, closed before the page's own effects place the focus.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useLayoutEffect(() => {
    const element = dialogRef.current;
    if (!element) return;
    const opener = document.activeElement as HTMLElement | null;
    // showModal makes the rest of the page inert and keeps Tab inside; a browser without it gets an open dialog.
    if (typeof element.showModal === 'function') element.showModal();
    else element.setAttribute('open', '');
    return () => {
      if (typeof element.close === 'function') element.close();
      else element.removeAttribute('open');
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onSubmit = useGuardedSubmit(
    form.handleSubmit(async ({ password }) => {
      setProblem(null);
      try {
        await presence.confirm(password);
      } catch (error) {
        form.resetField('password');
        setProblem({ error, frozenUntil: error instanceof LoginFreezeError ? Date.now() + FREEZE_MS : null });
        return;
      }
      form.reset({ password: '' });
      // Closed meanwhile (Cancel, Escape, the page left): the confirmation is for nobody.
      if (mounted.current) onConfirmed?.();
    }),
    frozen,
  );

  const busy = presence.mutation.isPending;
  const titleId = `${id}-title`;
  const content = (
    <form
      className={classNames('exh-auth', 'exh-auth--presence', className)}
      aria-labelledby={titleId}
      data-state={busy ? 'submitting' : frozen ? 'frozen' : problem ? 'error' : 'idle'}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <Heading id={titleId} className="exh-auth__heading">
        {text.title}
      </Heading>
      <p className="exh-auth__intro">{text.intro}</p>
      <Field
        form={form}
        name="password"
        label={text.password}
        autoComplete="current-password"
        toggle={text.showPassword}
        rules={{ validate: (value) => value !== '' || text.passwordRequired }}
      />
      <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
        {problem ? message(problem.error, frozenSeconds, text) : null}
      </div>
      <div className="exh-auth__actions">
        <SubmitButton busy={busy} blocked={frozen}>
          {busy ? text.submitting : text.submit}
        </SubmitButton>
        {onCancel && (
          <button type="button" className="exh-auth__secondary" onClick={onCancel}>
            {text.cancel}
          </button>
        )}
      </div>
    </form>
  );
  if (!dialog) return content;
  return (
    <dialog
      ref={dialogRef}
      className="exh-auth-dialog"
      aria-labelledby={titleId}
      // Escape: the app decides (it unmounts the dialog); without onCancel there is no way out but confirming.
      onCancel={(event: SyntheticEvent) => {
        event.preventDefault();
        onCancel?.();
      }}
    >
      {content}
    </dialog>
  );
}

function message(error: unknown, frozenSeconds: number, labels: ConfirmPresenceLabels): ReactNode {
  if (error instanceof LoginFreezeError) {
    if (frozenSeconds === 0) return labels.frozenOver;
    return <CountdownText seconds={frozenSeconds} text={labels.frozen} announceAt={[FREEZE_MS / 1000]} />;
  }
  if (error instanceof AuthenticationError) return labels.wrongPassword;
  if (error instanceof LoginTimeoutError) return labels.tooFast;
  if (error instanceof TooManyFailedAttemptsError) return labels.locked;
  return commonMessage(error, labels);
}
