import { useEffect, useId, useRef, useState } from 'react';
import { NotEnoughMfaMethodsError, type MfaSettingsMethod } from '../../core/index.js';
import { useAddMfaMethod } from '../../react/security/useAddMfaMethod.js';
import { useDisableMfa } from '../../react/security/useDisableMfa.js';
import { useEnableMfa } from '../../react/security/useEnableMfa.js';
import { useMfaSettings } from '../../react/security/useMfaSettings.js';
import { useRemoveMfaMethod } from '../../react/security/useRemoveMfaMethod.js';
import { classNames, commonMessage } from '../util.js';
import { ConfirmPresence } from './ConfirmPresence.js';
import {
  defaultMfaSettingsLabels,
  type ConfirmPresenceLabels,
  type MfaSettingsLabels,
  type MfaSetupLabels,
} from './mfaLabels.js';
import { MfaSetup } from './MfaSetup.js';
import { RecoveryCodes, usePresenceGate } from './parts.js';
import { useLabels } from '../locale.js';

export interface MfaSettingsProps {
  /** The authenticator app's title for the codes (MfaSetup's `issuer`) and the recovery codes file's. */
  issuer: string;
  /** MfaSetup's `accountName`; the signed-in user's e-mail address by default. */
  accountName?: string;
  labels?: Partial<MfaSettingsLabels>;
  setupLabels?: Partial<MfaSetupLabels>;
  presenceLabels?: Partial<ConfirmPresenceLabels>;
  /** The level of its title (default 2), to fit the page's outline; the methods' heading is one below. */
  headingLevel?: 2 | 3 | 4 | 5;
  className?: string;
}

/** Which write is running, for its button's busy words. */
type Busy = 'on' | 'off' | 'regenerate' | `remove:${string}` | null;

/**
 * Two-step verification on the account page: on or off, the methods (type, name, verified), turning it on
 * (MfaSetup inline, or straight on when the methods are there), new recovery codes, removing a method, turning
 * it off. Each change asks for the password first (a dialog) unless a presence token is still valid.
 */
export function MfaSettings({ issuer, accountName, labels, setupLabels, presenceLabels, headingLevel = 2, className }: MfaSettingsProps) {
  const text = useLabels('mfaSettings', defaultMfaSettingsLabels, labels);
  const Heading = `h${headingLevel}` as 'h2';
  const Subheading = `h${headingLevel + 1}` as 'h3';
  const id = useId();
  const settings = useMfaSettings();
  const add = useAddMfaMethod();
  const remove = useRemoveMfaMethod();
  const enable = useEnableMfa();
  const disable = useDisableMfa();
  const [view, setView] = useState<'list' | 'setup'>('list');
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<{ done: string } | { error: unknown } | null>(null);
  const gate = usePresenceGate((error) => setOutcome({ error }));
  const statusRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const codesHeadingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (newCodes) codesHeadingRef.current?.focus();
  }, [newCodes]);
  useEffect(() => {
    if (outcome && 'done' in outcome) statusRef.current?.focus();
    else if (outcome) alertRef.current?.focus();
  }, [outcome]);

  /** One write at a time, behind the password; `busy` names it while it runs (also while the prompt is up). */
  async function write(name: Exclude<Busy, null>, write: () => Promise<void>) {
    if (busy) return;
    setBusy(name);
    setOutcome(null);
    // While the password is asked for, the button keeps saying what waits.
    if ((await gate.run(write)) !== 'asked') setBusy(null);
  }

  const methods = settings.data?.methods ?? [];
  const enabled = settings.data?.enabled ?? false;
  const typeInWords = (method: MfaSettingsMethod) =>
    method.type === 'totp' ? text.typeTotp : method.type === 'recoveryCodes' ? text.typeRecoveryCodes : text.typeOther(method.type);

  function turnOn() {
    const ready = methods.some((m) => m.type === 'totp' && m.verified) && methods.some((m) => m.type === 'recoveryCodes');
    if (!ready) {
      setOutcome(null);
      setView('setup');
      return;
    }
    void write('on', async () => {
      await enable.mutateAsync();
      setOutcome({ done: text.turnedOn });
    });
  }

  const turnOff = () =>
    void write('off', async () => {
      await disable.mutateAsync();
      setOutcome({ done: text.turnedOff });
    });

  const removeMethod = (method: MfaSettingsMethod) =>
    void write(`remove:${method.id}`, async () => {
      await remove.mutateAsync(method.id);
      setOutcome({ done: text.removed(method.name || typeInWords(method)) });
    });

  // New codes first, then the old ones go: the user is never left without codes, nor MFA without a method (133).
  const regenerate = (old: MfaSettingsMethod) =>
    void write('regenerate', async () => {
      const method = await add.mutateAsync({ type: 'recoveryCodes', name: old.name || text.typeRecoveryCodes });
      // Shown once, from this component's state; not kept in the mutation cache.
      add.reset();
      if (method.type === 'recoveryCodes') setNewCodes(method.codes);
      await gate.run(() => remove.mutateAsync(old.id));
    });

  const prompt = gate.asking && (
    <ConfirmPresence
      dialog
      labels={presenceLabels}
      headingLevel={headingLevel}
      onConfirmed={async () => {
        if ((await gate.confirmed()) !== 'asked') setBusy(null);
      }}
      onCancel={() => {
        gate.cancel();
        setBusy(null);
      }}
    />
  );

  if (view === 'setup') {
    const back = () => {
      setView('list');
      // Back on the page: its heading takes the focus the wizard had.
      requestAnimationFrame(() => titleRef.current?.focus());
    };
    return (
      <MfaSetup
        issuer={issuer}
        accountName={accountName}
        labels={setupLabels}
        presenceLabels={presenceLabels}
        headingLevel={headingLevel}
        className={className}
        onDone={back}
        onCancel={back}
      />
    );
  }

  if (newCodes) {
    return (
      <div className={classNames('exh-auth', 'exh-auth--mfa-settings', className)}>
        <RecoveryCodes
          codes={newCodes}
          issuer={issuer}
          labels={text}
          headingRef={codesHeadingRef}
          headingLevel={headingLevel}
          next={text.codesDone}
          onNext={() => {
            setNewCodes(null);
            requestAnimationFrame(() => titleRef.current?.focus());
          }}
        />
        {prompt}
      </div>
    );
  }

  const titleId = `${id}-title`;
  return (
    <section
      className={classNames('exh-auth', 'exh-auth--mfa-settings', className)}
      aria-labelledby={titleId}
      aria-busy={settings.isPending || undefined}
      data-state={settings.isPending ? 'loading' : settings.isError ? 'error' : enabled ? 'on' : 'off'}
    >
      <div className="exh-auth__title-row">
        <Heading id={titleId} className="exh-auth__heading" tabIndex={-1} ref={titleRef}>
          {text.title}
        </Heading>
        {settings.data && (
          <span className="exh-auth__badge" data-on={enabled}>
            {enabled ? text.statusOn : text.statusOff}
          </span>
        )}
      </div>
      {settings.isPending ? (
        <p className="exh-auth__status" role="status">
          {text.loading}
        </p>
      ) : settings.isError ? (
        <>
          <div role="alert" className="exh-auth__alert">
            {text.loadFailed} {commonMessage(settings.error, text)}
          </div>
          <button type="button" className="exh-auth__secondary" onClick={() => void settings.refetch()}>
            {text.retry}
          </button>
        </>
      ) : (
        <>
          <p className="exh-auth__intro">{enabled ? text.onIntro : text.offIntro}</p>
          <div className="exh-auth__actions">
            {enabled ? (
              <button type="button" className="exh-auth__secondary" aria-disabled={busy !== null || undefined} aria-busy={busy === 'off' || undefined} onClick={turnOff}>
                {busy === 'off' ? text.turningOff : text.turnOff}
              </button>
            ) : (
              <button type="button" className="exh-auth__submit" aria-disabled={busy !== null || undefined} aria-busy={busy === 'on' || undefined} onClick={turnOn}>
                {busy === 'on' ? text.turningOn : text.turnOn}
              </button>
            )}
          </div>
          <div role="status" className="exh-auth__success" tabIndex={-1} ref={statusRef}>
            {outcome && 'done' in outcome ? outcome.done : null}
          </div>
          <div role="alert" className="exh-auth__alert" tabIndex={-1} ref={alertRef}>
            {outcome && 'error' in outcome
              ? outcome.error instanceof NotEnoughMfaMethodsError
                ? text.notEnoughMethods
                : commonMessage(outcome.error, text)
              : null}
          </div>
          {methods.length > 0 && (
            <>
              <Subheading className="exh-auth__subheading">{text.methods}</Subheading>
              <ul className="exh-auth__method-list">
                {methods.map((method) => {
                  const type = typeInWords(method);
                  const name = method.name && method.name !== type ? method.name : null;
                  return (
                    <li key={method.id} className="exh-auth__method-item" data-type={method.type}>
                      <div className="exh-auth__method-text">
                        <span className="exh-auth__method-type">{type}</span>
                        {name && <span className="exh-auth__method-name">{name}</span>}
                        <span className="exh-auth__badge" data-verified={method.verified}>
                          {method.verified ? text.verified : text.notVerified}
                        </span>
                      </div>
                      <div className="exh-auth__actions">
                        {method.type === 'recoveryCodes' && (
                          <button
                            type="button"
                            className="exh-auth__secondary"
                            aria-disabled={busy !== null || undefined}
                            aria-busy={busy === 'regenerate' || undefined}
                            onClick={() => regenerate(method)}
                          >
                            {busy === 'regenerate' ? text.regenerating : text.regenerate}
                          </button>
                        )}
                        <button
                          type="button"
                          className="exh-auth__secondary"
                          aria-label={busy === `remove:${method.id}` ? undefined : text.removeMethod(name ?? type)}
                          aria-disabled={busy !== null || undefined}
                          aria-busy={busy === `remove:${method.id}` || undefined}
                          onClick={() => removeMethod(method)}
                        >
                          {busy === `remove:${method.id}` ? text.removing : text.remove}
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
      {prompt}
    </section>
  );
}
