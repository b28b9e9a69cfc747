import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import {
  InvalidMfaCodeError,
  MfaReattemptDelayError,
  NotEnoughMfaMethodsError,
  type UserMfaSettings,
} from '../../core/index.js';
import { otpauthUri } from '../../core/otpauth.js';
import { useAddMfaMethod } from '../../react/security/useAddMfaMethod.js';
import { useEnableMfa } from '../../react/security/useEnableMfa.js';
import { useMfaSettings } from '../../react/security/useMfaSettings.js';
import { useRemoveMfaMethod } from '../../react/security/useRemoveMfaMethod.js';
import { useVerifyMfaMethod } from '../../react/security/useVerifyMfaMethod.js';
import { useMe } from '../../react/useMe.js';
import { Field, SubmitButton, useGuardedSubmit } from '../account/parts.js';
import { CountdownText } from '../CountdownText.js';
import { useCountdown } from '../useCountdown.js';
import { classNames, commonMessage } from '../util.js';
import { ConfirmPresence } from './ConfirmPresence.js';
import { defaultMfaSetupLabels, type ConfirmPresenceLabels, type MfaSetupLabels } from './mfaLabels.js';
import { CopyButton, RecoveryCodes, usePresenceGate } from './parts.js';
import { QrCode } from './QrCode.js';
import { useLabels } from '../locale.js';

export interface MfaSetupProps {
  /** Shown by the authenticator app above the codes, e.g. the app's name. */
  issuer: string;
  /** Whose codes they are in the authenticator app; the signed-in user's e-mail address by default. */
  accountName?: string;
  /** The user pressed Done once two-step verification was on. */
  onDone?: () => void;
  /**
   * Shows Cancel buttons that call this after the methods this setup added (and did not finish) are removed.
   * Unmounting the wizard mid-way removes them too.
   */
  onCancel?: () => void;
  labels?: Partial<MfaSetupLabels>;
  presenceLabels?: Partial<ConfirmPresenceLabels>;
  /** The level of each step's title (default 2), to fit the page's outline. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  className?: string;
}

type Step = 'start' | 'codes' | 'totp' | 'done' | 'alreadyOn';

/** What this setup adds, from the settings as they were when it started. */
interface Plan {
  codes: boolean;
  totp: boolean;
}

function planOf(settings: UserMfaSettings): Plan | 'alreadyOn' {
  const has = (type: string, verified?: boolean) =>
    settings.methods.some((method) => method.type === type && (verified === undefined || method.verified === verified));
  // Existing recovery codes are kept (MfaSettings regenerates them); a TOTP counts once verified.
  const plan = { codes: !has('recoveryCodes'), totp: !has('totp', true) };
  return settings.enabled && !plan.codes && !plan.totp ? 'alreadyOn' : plan;
}

const TOTP_CODE = /^\d{6}$/;

interface Problem {
  error: unknown;
  retryAt: number | null;
}

/**
 * Turns on two-step verification: the password (unless a presence token is still valid), recovery codes shown
 * once, the authenticator app (QR code and key), a code from it, then on. Adds only what the user lacks: existing
 * recovery codes and a verified app are kept. Leaving mid-way removes the methods it added.
 */
export function MfaSetup({ issuer, accountName, onDone, onCancel, labels, presenceLabels, headingLevel = 2, className }: MfaSetupProps) {
  const Heading = `h${headingLevel}` as 'h2';
  const text = useLabels('mfaSetup', defaultMfaSetupLabels, labels);
  const id = useId();
  const settings = useMfaSettings();
  const me = useMe({ enabled: accountName === undefined });
  const account = accountName ?? me.data?.email;
  const add = useAddMfaMethod();
  const verify = useVerifyMfaMethod();
  const enable = useEnableMfa();
  const remove = useRemoveMfaMethod();

  const [plan, setPlan] = useState<Plan | 'alreadyOn' | null>(null);
  const [step, setStep] = useState<Step>('start');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [totp, setTotp] = useState<{ id: string; uri: string; key: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [leaving, setLeaving] = useState(false);
  const waitSeconds = useCountdown(problem?.retryAt ?? null);
  const waiting = waitSeconds > 0;
  const gate = usePresenceGate((error) => {
    const delay = error instanceof MfaReattemptDelayError ? error.remainingDelay : 0;
    setProblem({ error, retryAt: delay > 0 ? Date.now() + delay : null });
  });

  // Methods this setup added and has not finished: removed when it is left.
  const added = useRef<string[]>([]);
  const unmounted = useRef(false);
  const removeRef = useRef(remove.mutate);
  removeRef.current = remove.mutate;
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
      for (const methodId of added.current.splice(0)) removeRef.current(methodId);
    };
  }, []);

  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);
  // Back from the password prompt to the same step: the focus goes to its heading, not to the body.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current && !gate.asking) headingRef.current?.focus();
    asked.current = gate.asking;
  }, [gate.asking]);
  const go = (next: Step) => {
    moved.current = true;
    setProblem(null);
    setStep(next);
  };

  /** A method added while the wizard was being left is removed at once. */
  function keepAdded(methodId: string): boolean {
    if (unmounted.current) {
      removeRef.current(methodId);
      return false;
    }
    added.current.push(methodId);
    return true;
  }

  const addCodes = async () => {
    setProblem(null);
    const method = await add.mutateAsync({ type: 'recoveryCodes', name: text.recoveryCodesName });
    // The codes live in this component's state only, not in the mutation cache.
    add.reset();
    if (method.type !== 'recoveryCodes' || !keepAdded(method.id)) return;
    setCodes(method.codes);
    go('codes');
  };

  const addTotp = async () => {
    setProblem(null);
    const method = await add.mutateAsync({ type: 'totp', name: text.totpName });
    add.reset();
    if (method.type !== 'totp' || !keepAdded(method.id)) return;
    // An app added by a setup left before (its key never shown again) can never be verified: it goes now.
    for (const methodId of stale.current.splice(0)) removeRef.current(methodId);
    setTotp({ id: method.id, ...otpauthUri({ secret: method.secret, issuer, accountName: account ?? '' }) });
    // Shown once: gone with the step.
    setCodes(null);
    go('totp');
  };

  const turnOn = async () => {
    setProblem(null);
    await enable.mutateAsync();
    // Finished: nothing to undo any more.
    added.current = [];
    setCodes(null);
    setTotp(null);
    go('done');
  };

  function start(current: Plan) {
    if (current.codes) void gate.run(addCodes);
    else if (current.totp) void gate.run(addTotp);
    else void gate.run(turnOn);
  }

  // Starts once the settings and the account name are known; planned once, as the settings change on the way.
  const ready = settings.data !== undefined && account !== undefined;
  // A ref, not `plan`: StrictMode's second run of this effect still sees the first render's `plan`.
  const planned = useRef(false);
  const stale = useRef<string[]>([]);
  useEffect(() => {
    if (!ready || planned.current) return;
    planned.current = true;
    const next = planOf(settings.data);
    stale.current = settings.data.methods.filter((m) => m.type === 'totp' && !m.verified).map((m) => m.id);
    setPlan(next);
    if (next === 'alreadyOn') setStep('alreadyOn');
    else start(next);
    // Runs when the data arrives; `start` reads the latest render's values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  async function leave() {
    if (leaving) return;
    setLeaving(true);
    gate.cancel();
    const ids = added.current.splice(0);
    const results = await Promise.allSettled(ids.map((methodId) => remove.mutateAsync(methodId)));
    // Without a valid presence token the methods stay; unmounting tries once more.
    results.forEach((result, i) => {
      if (result.status === 'rejected') added.current.push(ids[i]!);
    });
    setCodes(null);
    setTotp(null);
    setLeaving(false);
    onCancel?.();
  }

  const codeForm = useForm<{ code: string }>({ mode: 'onSubmit', defaultValues: { code: '' } });
  const submitCode = useGuardedSubmit(
    codeForm.handleSubmit(async ({ code }) => {
      const methodId = totp?.id;
      if (!methodId) return;
      const value = code.replace(/[\s-]/g, '');
      await gate.run(async () => {
        setProblem(null);
        try {
          await verify.mutateAsync({ methodId, code: value });
        } catch (error) {
          if (error instanceof InvalidMfaCodeError) codeForm.resetField('code');
          throw error;
        }
        codeForm.reset({ code: '' });
        await gate.run(turnOn);
      });
    }),
    waiting,
  );

  const cancelButton = onCancel && (
    <button
      type="button"
      className="exh-auth__secondary"
      aria-disabled={leaving || undefined}
      aria-busy={leaving || undefined}
      onClick={() => void leave()}
    >
      {leaving ? text.cancelling : text.cancel}
    </button>
  );

  const steps = plan && plan !== 'alreadyOn' ? [plan.codes && 'codes', plan.totp && 'totp'].filter(Boolean) : [];
  const eyebrow = steps.length > 1 && steps.includes(step) && (
    <p className="exh-auth__eyebrow">{text.stepOf(steps.indexOf(step) + 1, steps.length)}</p>
  );
  const alert = (
    <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
      {problem ? problemMessage(problem, waitSeconds, text) : null}
    </div>
  );

  let body: ReactNode;
  if (gate.asking) {
    body = (
      <ConfirmPresence
        labels={presenceLabels}
        headingLevel={headingLevel}
        onConfirmed={() => void gate.confirmed()}
        onCancel={onCancel && (() => void leave())}
      />
    );
  } else if ((settings.isError || me.isError) && !ready) {
    body = (
      <>
        <div role="alert" className="exh-auth__alert">
          {text.loadFailed}
        </div>
        <button
          type="button"
          className="exh-auth__secondary"
          onClick={() => void Promise.all([settings.isError && settings.refetch(), me.isError && me.refetch()])}
        >
          {text.retry}
        </button>
      </>
    );
  } else if (step === 'start') {
    const pending = !ready || add.isPending || enable.isPending;
    body = (
      <>
        <p className="exh-auth__status" role="status">
          {pending ? (ready ? (enable.isPending ? text.enabling : text.preparing) : text.loading) : null}
        </p>
        {alert}
        {!pending && problem && plan && plan !== 'alreadyOn' && (
          <div className="exh-auth__actions">
            <button type="button" className="exh-auth__submit" onClick={() => start(plan)}>
              {text.retry}
            </button>
            {cancelButton}
          </div>
        )}
      </>
    );
  } else if (step === 'codes' && codes) {
    body = (
      <>
        <RecoveryCodes
          codes={codes}
          issuer={issuer}
          labels={text}
          headingRef={headingRef}
          headingLevel={headingLevel}
          eyebrow={eyebrow}
          next={add.isPending ? text.preparing : text.next}
          onNext={() => {
            if (add.isPending) return;
            void gate.run(plan && plan !== 'alreadyOn' && plan.totp ? addTotp : turnOn);
          }}
        >
          {cancelButton}
        </RecoveryCodes>
        {alert}
      </>
    );
  } else if (step === 'totp' && totp) {
    const busy = verify.isPending || enable.isPending;
    const grouped = totp.key.match(/.{1,4}/g)!.join(' ');
    body = (
      <section className="exh-auth__step" aria-labelledby={`${id}-totp`}>
        {eyebrow}
        <Heading id={`${id}-totp`} className="exh-auth__heading" tabIndex={-1} ref={headingRef}>
          {text.totpTitle}
        </Heading>
        <p className="exh-auth__intro">{text.totpIntro}</p>
        <div className="exh-auth__qr-row">
          <QrCode className="exh-auth__qr" value={totp.uri} label={text.qrCode(issuer)} />
          <div className="exh-auth__key-box">
            <p>{text.keyIntro}</p>
            <p className="exh-auth__key">
              <code>{grouped}</code>
            </p>
            <div className="exh-auth__actions exh-auth__tools">
              <CopyButton value={() => totp.key} label={text.copyKey} copied={text.keyCopied} failed={text.copyFailed} />
            </div>
          </div>
        </div>
        <form
          className="exh-auth__verify"
          aria-label={text.verifyFormName}
          noValidate
          data-state={busy ? 'submitting' : waiting ? 'waiting' : problem ? 'error' : 'idle'}
          onSubmit={(event) => void submitCode(event)}
        >
          <Field
            form={codeForm}
            name="code"
            label={text.code}
            autoComplete="one-time-code"
            inputMode="numeric"
            describedBy={`${id}-hint`}
            rules={{ validate: (value) => TOTP_CODE.test(value.replace(/[\s-]/g, '')) || text.codeInvalid }}
          >
            <p id={`${id}-hint`} className="exh-auth__hint">
              {text.codeHint}
            </p>
          </Field>
          {alert}
          <div className="exh-auth__actions">
            <SubmitButton busy={busy} blocked={waiting}>
              {verify.isPending ? text.verifying : enable.isPending ? text.enabling : text.verify}
            </SubmitButton>
            {cancelButton}
          </div>
        </form>
      </section>
    );
  } else {
    body = (
      <section className="exh-auth__step" aria-labelledby={`${id}-done`}>
        <Heading id={`${id}-done`} className="exh-auth__heading" tabIndex={-1} ref={headingRef}>
          {text.doneTitle}
        </Heading>
        <p className="exh-auth__notice" role="status">
          {step === 'alreadyOn' ? text.alreadyOn : text.doneText}
        </p>
        {onDone && (
          <button type="button" className="exh-auth__submit" onClick={onDone}>
            {text.done}
          </button>
        )}
      </section>
    );
  }

  return (
    <div
      className={classNames('exh-auth', 'exh-auth--mfa-setup', className)}
      role="group"
      aria-label={text.formName}
      data-step={gate.asking ? 'presence' : step}
    >
      {body}
    </div>
  );
}

function problemMessage(problem: Problem, waitSeconds: number, labels: MfaSetupLabels): ReactNode {
  const { error } = problem;
  if (error instanceof MfaReattemptDelayError) {
    if (waitSeconds === 0) return null;
    return <CountdownText seconds={waitSeconds} text={labels.reattemptDelay} announceAt={[Math.ceil(error.remainingDelay / 1000)]} />;
  }
  if (error instanceof InvalidMfaCodeError) return labels.wrongCode;
  if (error instanceof NotEnoughMfaMethodsError) return labels.notEnoughMethods;
  return commonMessage(error, labels);
}
