import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import {
  InvalidMfaCodeError,
  MfaReattemptDelayError,
  type MfaChallenge,
  type MfaMethod,
  type SessionInfo,
} from '../../core/index.js';
import { useAuth, useConfirmMfa } from '../../react/index.js';
import { CountdownText } from '../CountdownText.js';
import { defaultMfaLabels, type MfaLabels } from '../labels.js';
import { useCountdown } from '../useCountdown.js';
import { classNames, commonMessage } from '../util.js';
import { useLabels } from '../locale.js';

export interface MfaMethodPickerProps {
  /** Signed in with the code. */
  onSuccess?: (session: SessionInfo) => void;
  /** The user left the MFA step with Back (the challenge is cancelled first). */
  onCancel?: () => void;
  /** Overrides of the English strings, for i18n. */
  labels?: Partial<MfaLabels>;
  className?: string;
  /** The level of the step's heading; 2 by default. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** The account's email, said under the heading (the challenge does not carry it; LoginForm passes the one typed). */
  email?: string;
}

/**
 * The MFA step of the pending challenge (`useAuth().mfa`): enter a code, switching method with a link when
 * there are two, or a choice when there are more.
 * Renders nothing when no challenge is pending.
 */
export function MfaMethodPicker(props: MfaMethodPickerProps) {
  const challenge = useAuth((auth) => auth.mfa);
  if (!challenge || challenge.methods.length === 0) return null;
  // A new challenge starts from a clean slate.
  return <ChallengeForm key={challenge.token} challenge={challenge} {...props} />;
}

const TOTP_CODE = /^\d{6}$/;
/** A TOTP code belongs to a 30 s step of the clock. */
const TOTP_STEP_MS = 30_000;
/** When the challenge's countdown is read out: the last minute only. */
const EXPIRY_ANNOUNCED_AT = [60, 30, 10];

type Problem =
  /** The code is not something to send (empty, or not 6 digits). */
  | { kind: 'invalid' }
  | { kind: 'server'; error: unknown; retryAt: number | null; waitSeconds: number };

function preselected(methods: MfaMethod[]): MfaMethod {
  return methods.find((m) => m.tags.includes('selected')) ?? methods.find((m) => m.type === 'totp') ?? methods[0]!;
}

function ChallengeForm({
  challenge,
  onSuccess,
  onCancel,
  labels,
  className,
  headingLevel = 2,
  email,
}: MfaMethodPickerProps & { challenge: MfaChallenge }) {
  const text = useLabels('mfaMethodPicker', defaultMfaLabels, labels);
  const id = useId();
  const client = useAuth((auth) => auth.client);
  const confirm = useConfirmMfa();
  const [methodId, setMethodId] = useState(() => preselected(challenge.methods).id);
  const method = challenge.methods.find((m) => m.id === methodId) ?? preselected(challenge.methods);
  const isTotp = method.type === 'totp';
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const waitSeconds = useCountdown(problem?.kind === 'server' ? problem.retryAt : null);
  const waiting = waitSeconds > 0;
  const inputRef = useRef<HTMLInputElement>(null);
  const sending = useRef(false);
  // The code last sent: typing, paste and autofill may repeat input events, the same code goes out once.
  // Forgotten when the input changes after the answer came back.
  const lastSent = useRef<string | null>(null);

  // Entering the MFA step puts the user straight into the code field.
  useEffect(() => inputRef.current?.focus(), []);

  async function send(value: string) {
    if (sending.current || waiting) return;
    sending.current = true;
    lastSent.current = value;
    setProblem(null);
    try {
      const session = await confirm.mutateAsync({ methodId: method.id, code: value, token: challenge.token });
      onSuccess?.(session);
    } catch (error) {
      // 131 (expired) ends the step in core: this form is gone and LoginForm says why.
      const delay = error instanceof MfaReattemptDelayError ? error.remainingDelay : 0;
      // A wrong code goes; so does a TOTP code whose step will be over before the wait is.
      if (error instanceof InvalidMfaCodeError || (isTotp && delay > TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS))) {
        setCode('');
        inputRef.current?.focus();
      }
      setProblem({
        kind: 'server',
        error,
        retryAt: delay > 0 ? Date.now() + delay : null,
        waitSeconds: Math.ceil(delay / 1000),
      });
    } finally {
      sending.current = false;
    }
  }

  function onCodeChange(raw: string) {
    // Authenticator apps and SMS show "123 456" or "123-456".
    const value = isTotp ? raw.replace(/[\s-]/g, '') : raw;
    setCode(value);
    if (!sending.current && value !== lastSent.current) lastSent.current = null;
    if (problem?.kind === 'invalid') setProblem(null);
    if (isTotp && TOTP_CODE.test(value) && value !== lastSent.current) void send(value);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Verify is only aria-disabled (it keeps focus): a click or Enter while sending or waiting does nothing.
    if (sending.current || waiting) return;
    const value = isTotp ? code : code.trim();
    if (isTotp ? !TOTP_CODE.test(value) : value === '') {
      setProblem({ kind: 'invalid' });
      inputRef.current?.focus();
      return;
    }
    void send(value);
  }

  function chooseMethod(next: string) {
    setMethodId(next);
    setCode('');
    lastSent.current = null;
    // The re-attempt delay is the user's, whatever the method: it stays.
    setProblem((current) => (current?.kind === 'server' && current.retryAt !== null ? current : null));
  }

  function cancel() {
    client.cancelMfa();
    onCancel?.();
  }

  const busy = confirm.isPending;
  const messageId = `${id}-message`;
  const codeRejected =
    problem?.kind === 'invalid' || (problem?.kind === 'server' && problem.error instanceof InvalidMfaCodeError);
  const state = busy ? 'submitting' : waiting ? 'waiting' : problem ? 'error' : 'idle';
  const codeLabel = isTotp ? text.totpCode : method.type === 'recoveryCodes' ? text.recoveryCode : text.otherCode;
  const { methods } = challenge;
  // With two methods, the other one is a link away.
  const other = methods.length === 2 && methods.find((m) => m !== method);
  const Heading = `h${headingLevel}` as 'h2';

  return (
    <form
      className={classNames('exh-auth', 'exh-auth--mfa', className)}
      aria-labelledby={id}
      data-state={state}
      noValidate
      onSubmit={onSubmit}
    >
      <Heading id={id} className="exh-auth__title">
        {text.formName}
      </Heading>
      {email && <p className="exh-auth__subtitle">{text.account(email)}</p>}
      {methods.length > 2 && (
        <fieldset className="exh-auth__methods">
          <legend className="exh-auth__legend">{text.chooseMethod}</legend>
          {methods.map((m) => (
            <label key={m.id} className="exh-auth__method">
              <input
                type="radio"
                name={`${id}-method`}
                value={m.id}
                checked={m.id === method.id}
                onChange={() => chooseMethod(m.id)}
              />
              {m.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="exh-auth__field">
        <label className="exh-auth__label" htmlFor={`${id}-code`}>
          {codeLabel}
        </label>
        <input
          ref={inputRef}
          id={`${id}-code`}
          className="exh-auth__input exh-auth__code"
          name="code"
          type="text"
          data-method={method.type}
          {...(isTotp
            ? { inputMode: 'numeric' as const, autoComplete: 'one-time-code' }
            : { autoComplete: 'off', autoCapitalize: 'none', spellCheck: false })}
          value={code}
          onChange={(event) => onCodeChange(event.currentTarget.value)}
          aria-invalid={codeRejected || undefined}
          aria-describedby={codeRejected ? messageId : undefined}
        />
      </div>
      <div role="alert" id={messageId} className="exh-auth__alert">
        {problem && problemMessage(problem, waitSeconds, isTotp, text)}
      </div>
      <div className="exh-auth__actions">
        <button
          type="submit"
          className="exh-auth__submit"
          aria-disabled={busy || waiting || undefined}
          aria-busy={busy || undefined}
        >
          {busy ? text.submitting : text.submit}
        </button>
        <button type="button" className="exh-auth__back" onClick={cancel}>
          {text.back}
        </button>
      </div>
      {other && (
        <button
          type="button"
          className="exh-auth__link"
          onClick={() => {
            chooseMethod(other.id);
            // The label of the field the user types in next says which code it takes.
            inputRef.current?.focus();
          }}
        >
          {other.type === 'totp' ? text.useTotp : other.type === 'recoveryCodes' ? text.useRecoveryCode : text.useMethod(other.name)}
        </button>
      )}
      <ChallengeCountdown expiresAt={challenge.expiresAt} labels={text} />
    </form>
  );
}

function problemMessage(problem: Problem, waitSeconds: number, isTotp: boolean, labels: MfaLabels): ReactNode {
  if (problem.kind === 'invalid') return isTotp ? labels.totpCodeInvalid : labels.recoveryCodeRequired;
  const { error } = problem;
  if (error instanceof MfaReattemptDelayError) {
    // Heard once; the screen counts down. Once over, the button is back and the message goes.
    if (waitSeconds === 0) return null;
    return <CountdownText seconds={waitSeconds} text={labels.reattemptDelay} announceAt={[problem.waitSeconds]} />;
  }
  if (error instanceof InvalidMfaCodeError) return labels.wrongCode;
  return commonMessage(error, labels);
}

/** Its own component: the tick of every second re-renders this line only. */
function ChallengeCountdown({ expiresAt, labels }: { expiresAt: number; labels: MfaLabels }) {
  const seconds = useCountdown(expiresAt);
  return (
    <p
      className="exh-auth__expiry"
      aria-live="polite"
      aria-atomic="true"
      data-state={seconds <= EXPIRY_ANNOUNCED_AT[0]! ? 'ending' : 'running'}
    >
      <CountdownText seconds={seconds} text={labels.expiresIn} announceAt={EXPIRY_ANNOUNCED_AT} />
    </p>
  );
}
