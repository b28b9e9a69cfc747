import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../../core/index.js';
import { useAuth } from '../../react/index.js';
import {
  defaultAuthFlowLabels,
  type ActivateAccountLabels,
  type AuthFlowLabels,
  type ForgotPasswordLabels,
  type LoginFormLabels,
  type MfaLabels,
  type PasswordChecklistLabels,
  type ResetPasswordLabels,
  type SignUpFormLabels,
} from '../labels.js';
import { LoginForm } from '../sign-in/LoginForm.js';
import { classNames } from '../util.js';
import { ActivateAccount } from './ActivateAccount.js';
import { ForgotPasswordForm } from './ForgotPasswordForm.js';
import { ResetPasswordForm } from './ResetPasswordForm.js';
import { SignUpForm, type SignUpFormProps } from './SignUpForm.js';
import { readUrlParam } from './url.js';
import { useLabels } from '../locale.js';

export type AuthFlowView = 'signIn' | 'signUp' | 'activate' | 'forgotPassword' | 'resetPassword';

/** The strings of each view, each a partial override of its component's defaults. */
export interface AuthFlowLabelSets {
  flow?: Partial<AuthFlowLabels>;
  signIn?: Partial<LoginFormLabels>;
  mfa?: Partial<MfaLabels>;
  signUp?: Partial<SignUpFormLabels>;
  activate?: Partial<ActivateAccountLabels>;
  forgotPassword?: Partial<ForgotPasswordLabels>;
  resetPassword?: Partial<ResetPasswordLabels>;
  passwordChecklist?: Partial<PasswordChecklistLabels>;
}

export interface AuthFlowProps {
  /** The first view, unless the address carries a mail's link (see the hash parameters). Default 'signIn'. */
  initialView?: AuthFlowView;
  /** The activation mail link's parameter: present, the flow opens on the activation. Default `activationHash`. */
  activationHashParam?: string;
  /** The reset mail link's parameter: present, the flow opens on the new password. Default `resetHash`. */
  resetHashParam?: string;
  /** Activation and reset mails carry a link (`hash`, default) or an 8-digit code typed in the flow (`pinCode`). */
  mailMode?: 'hash' | 'pinCode';
  /** Signs the user in right after sign-up. */
  signInAfterSignUp?: boolean;
  /** The sign-up form's fields: hidden, optional, defaults. */
  signUpFields?: SignUpFormProps['fields'];
  /** Signed in through the flow (password, MFA, or sign-up with `signInAfterSignUp`); not for a session restored from storage. */
  onSignedIn?: (session: SessionInfo) => void;
  labels?: AuthFlowLabelSets;
  /** Rendered instead of the flow while signed in; without it, nothing is. */
  children?: ReactNode;
  className?: string;
}

const headings: Record<AuthFlowView, keyof AuthFlowLabels> = {
  signIn: 'signInHeading',
  signUp: 'signUpHeading',
  activate: 'activateHeading',
  forgotPassword: 'forgotPasswordHeading',
  resetPassword: 'resetPasswordHeading',
};

/**
 * Sign-in (with its MFA step), sign-up, activation, forgot and reset password in one drop-in, switching views in
 * React state (no router). An e-mail link opens the right view: its hash is read (and taken out of the address bar)
 * by the view. Signed in, it renders `children`.
 */
export function AuthFlow({
  initialView = 'signIn',
  activationHashParam = 'activationHash',
  resetHashParam = 'resetHash',
  mailMode = 'hash',
  signInAfterSignUp,
  signUpFields,
  onSignedIn,
  labels = {},
  children,
  className,
}: AuthFlowProps) {
  const text = useLabels('authFlow', defaultAuthFlowLabels, labels.flow);
  const status = useAuth((auth) => auth.status);
  const session = useAuth((auth) => auth.session);
  const [view, setView] = useState<AuthFlowView>(() =>
    readUrlParam(activationHashParam) ? 'activate' : readUrlParam(resetHashParam) ? 'resetPassword' : initialView,
  );
  // Focus goes to the new view's heading when the user switches, not when the flow first shows.
  const switched = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (switched.current) headingRef.current?.focus();
  }, [view]);
  const go = (next: AuthFlowView) => {
    switched.current = true;
    setView(next);
  };

  // A sign-in is the step from signed out (or the MFA step) to signed in: a restored session is not one.
  const previous = useRef(status);
  const onSignedInRef = useRef(onSignedIn);
  onSignedInRef.current = onSignedIn;
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (status === 'authenticated' && (was === 'unauthenticated' || was === 'mfaRequired') && session) onSignedInRef.current?.(session);
  }, [status, session]);

  if (status === 'authenticated') return <>{children}</>;
  if (status === 'loading') return null;
  // The MFA step belongs to the sign-in, wherever it started (a sign-up that signs in, too).
  const current = status === 'mfaRequired' ? 'signIn' : view;
  const checklistLabels = labels.passwordChecklist;
  const back = (label: string) => (
    <button type="button" className="exh-auth__link" onClick={() => go('signIn')}>
      {label}
    </button>
  );

  let body: ReactNode;
  switch (current) {
    case 'signIn':
      body = (
        <LoginForm
          // The MFA step's heading sits under the flow's own.
          headingLevel={3}
          labels={labels.signIn}
          mfaLabels={labels.mfa}
          onForgotPassword={() => go('forgotPassword')}
          onCreateAccount={() => go('signUp')}
        />
      );
      break;
    case 'signUp':
      body = (
        <>
          <SignUpForm
            fields={signUpFields}
            activationMode={mailMode}
            signInAfterSignUp={signInAfterSignUp}
            onSignIn={() => go('signIn')}
            labels={labels.signUp}
            checklistLabels={checklistLabels}
            activateLabels={labels.activate}
            mfaLabels={labels.mfa}
          />
          {back(text.haveAccount)}
        </>
      );
      break;
    case 'activate':
      body = (
        <>
          <ActivateAccount hashParam={activationHashParam} onSignIn={() => go('signIn')} labels={labels.activate} />
          {back(text.backToSignIn)}
        </>
      );
      break;
    case 'forgotPassword':
      body = (
        <>
          <ForgotPasswordForm
            mode={mailMode}
            labels={labels.forgotPassword}
            resetLabels={labels.resetPassword}
            checklistLabels={checklistLabels}
          />
          {back(text.backToSignIn)}
        </>
      );
      break;
    case 'resetPassword':
      body = (
        <>
          <ResetPasswordForm
            hashParam={resetHashParam}
            onRequestNew={() => go('forgotPassword')}
            labels={labels.resetPassword}
            checklistLabels={checklistLabels}
          />
          {back(text.backToSignIn)}
        </>
      );
  }

  return (
    <div className={classNames('exh-auth', 'exh-auth--flow', className)} data-view={current}>
      <h2 className="exh-auth__heading" tabIndex={-1} ref={headingRef}>
        {text[headings[current]]}
      </h2>
      {body}
    </div>
  );
}
