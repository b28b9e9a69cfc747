/** Pieces MfaSetup and MfaSettings share: the presence gate, the copy button, the recovery codes shown once. */
import { useId, useRef, useState, type ReactNode } from 'react';
import { InvalidPresenceTokenError } from '../../core/index.js';
import { classNames } from '../util.js';
import type { RecoveryCodesLabels } from './mfaLabels.js';

type Action = () => Promise<void>;

/**
 * Runs an MFA write behind the password prompt: a write without a valid presence token (the client refuses it
 * before any request) or answered 132 is kept, the prompt shows (`asking`), and once confirmed the write runs
 * again. Any other error goes to `onError`.
 */
export function usePresenceGate(onError: (error: unknown) => void) {
  // The kept write in a ref, not state: a Cancel while the password is being checked must drop it before the
  // confirmation (answered later, from a render that still saw it) could run it.
  const waiting = useRef<Action | null>(null);
  const [asking, setAsking] = useState(false);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  /** Resolves 'asked' when the prompt shows (the write waits for it), else once the write is over. */
  async function run(action: Action): Promise<'done' | 'failed' | 'asked'> {
    try {
      await action();
      return 'done';
    } catch (error) {
      if (error instanceof InvalidPresenceTokenError) {
        waiting.current = action;
        setAsking(true);
        return 'asked';
      }
      onErrorRef.current(error);
      return 'failed';
    }
  }

  return {
    run,
    /** The prompt is to be shown. */
    asking,
    /** ConfirmPresence's onConfirmed: the kept write runs again (and may ask again); nothing after a cancel. */
    confirmed: async (): Promise<'done' | 'failed' | 'asked'> => {
      const action = waiting.current;
      waiting.current = null;
      setAsking(false);
      return action ? run(action) : 'done';
    },
    /** ConfirmPresence's onCancel: the kept write is dropped. */
    cancel: () => {
      waiting.current = null;
      setAsking(false);
    },
  };
}

/** A copy-to-clipboard button with its outcome said politely next to it. */
export function CopyButton({ value, label, copied, failed }: { value: () => string; label: string; copied: string; failed: string }) {
  const [outcome, setOutcome] = useState<string | null>(null);
  async function copy() {
    setOutcome(null);
    try {
      await navigator.clipboard.writeText(value());
      setOutcome(copied);
    } catch {
      setOutcome(failed);
    }
  }
  return (
    <>
      <button type="button" className="exh-auth__secondary" onClick={() => void copy()}>
        {label}
      </button>
      <span className="exh-auth__copied" role="status">
        {outcome}
      </span>
    </>
  );
}

export interface RecoveryCodesProps {
  codes: string[];
  /** In the downloaded file's first line. */
  issuer: string;
  labels: RecoveryCodesLabels;
  /** Its heading, for the page to focus. */
  headingRef?: React.Ref<HTMLHeadingElement>;
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Above the heading (e.g. "Step 1 of 2"). */
  eyebrow?: ReactNode;
  /** Pressed with the "saved" box checked. */
  onNext: () => void;
  next: string;
  /** Beside Next (e.g. Cancel). */
  children?: ReactNode;
}

/** The codes of a new recovery-codes method, shown once: copy, download as .txt, and a check before going on. */
export function RecoveryCodes({ codes, issuer, labels, headingRef, headingLevel = 2, eyebrow, onNext, next, children }: RecoveryCodesProps) {
  const Heading = `h${headingLevel}` as 'h2';
  const id = useId();
  const [saved, setSaved] = useState(false);
  const [nagged, setNagged] = useState(false);
  const file = [labels.codesFileHeading(issuer), '', ...codes, ''].join('\n');
  return (
    <section className="exh-auth__step" aria-labelledby={`${id}-title`}>
      {eyebrow}
      <Heading id={`${id}-title`} className="exh-auth__heading" tabIndex={-1} ref={headingRef}>
        {labels.codesTitle}
      </Heading>
      <p className="exh-auth__intro">{labels.codesIntro}</p>
      <ul className="exh-auth__codes" aria-label={labels.codesList}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="exh-auth__actions exh-auth__tools">
        <CopyButton value={() => codes.join('\n')} label={labels.copyCodes} copied={labels.codesCopied} failed={labels.copyFailed} />
        <a
          className="exh-auth__button-link"
          download={labels.codesFileName}
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
        >
          {labels.downloadCodes}
        </a>
      </div>
      <div className="exh-auth__check">
        <input
          id={`${id}-saved`}
          type="checkbox"
          checked={saved}
          onChange={(event) => {
            setSaved(event.currentTarget.checked);
            setNagged(false);
          }}
          aria-invalid={nagged || undefined}
          aria-describedby={nagged ? `${id}-nag` : undefined}
        />
        <label htmlFor={`${id}-saved`}>{labels.savedCheck}</label>
      </div>
      <p id={`${id}-nag`} className={classNames('exh-auth__field-error')} role="alert">
        {nagged ? labels.savedRequired : null}
      </p>
      <div className="exh-auth__actions">
        <button
          type="button"
          className="exh-auth__submit"
          aria-disabled={!saved || undefined}
          onClick={() => (saved ? onNext() : setNagged(true))}
        >
          {next}
        </button>
        {children}
      </div>
    </section>
  );
}
