import { useId } from 'react';
import { ChangePasswordForm, type ChangePasswordFormProps } from '../account/ChangePasswordForm.js';
import { classNames } from '../util.js';
import { ActiveSessions, type ActiveSessionsProps } from './ActiveSessions.js';
import { defaultAccountSecurityLabels, type AccountSecurityLabels } from './labels.js';
import { MfaSettings, type MfaSettingsProps } from './MfaSettings.js';
import { useLabels } from '../locale.js';

export interface AccountSecurityProps {
  /** The authenticator app's title for the codes (MfaSetup's `issuer`), e.g. the app's name. */
  issuer: string;
  /** The authenticator's account name; the signed-in user's e-mail address by default. */
  accountName?: string;
  /** Leave out a part the app shows elsewhere, e.g. `hide={['password']}` when passwords are managed by SSO. */
  hide?: Array<'password' | 'mfa' | 'sessions'>;
  /** The level of the page's heading (default 2); each part's heading is one below. */
  headingLevel?: 1 | 2 | 3 | 4;
  labels?: Partial<AccountSecurityLabels>;
  passwordLabels?: ChangePasswordFormProps['labels'];
  checklistLabels?: ChangePasswordFormProps['checklistLabels'];
  mfaLabels?: MfaSettingsProps['labels'];
  setupLabels?: MfaSettingsProps['setupLabels'];
  presenceLabels?: MfaSettingsProps['presenceLabels'];
  sessionsLabels?: ActiveSessionsProps['labels'];
  /** ActiveSessions' names of other applications' sessions, by application id. */
  applicationNames?: ActiveSessionsProps['applicationNames'];
  /** ActiveSessions' name of a session (by its application, its device…). */
  sessionName?: ActiveSessionsProps['sessionName'];
  /** The language of relative times ("2 hours ago"); by default the LocaleProvider's, else the browser's. */
  locale?: string;
  className?: string;
}

/** The account's security page: the password, two-step verification and the active sessions, in that order. */
export function AccountSecurity({
  issuer,
  accountName,
  hide = [],
  headingLevel = 2,
  labels,
  passwordLabels,
  checklistLabels,
  mfaLabels,
  setupLabels,
  presenceLabels,
  sessionsLabels,
  applicationNames,
  sessionName,
  locale,
  className,
}: AccountSecurityProps) {
  const text = useLabels('accountSecurity', defaultAccountSecurityLabels, labels);
  const id = useId();
  const Heading = `h${headingLevel}` as 'h2';
  const Part = `h${headingLevel + 1}` as 'h3';
  const level = (headingLevel + 1) as 2 | 3 | 4 | 5;
  return (
    <section className={classNames('exh-auth-security', className)} aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} className="exh-auth-security__heading">
        {text.heading}
      </Heading>
      {!hide.includes('password') && (
        <section className="exh-auth exh-auth--password" aria-labelledby={`${id}-password`}>
          <Part id={`${id}-password`} className="exh-auth__heading">
            {text.password}
          </Part>
          <ChangePasswordForm labels={passwordLabels} checklistLabels={checklistLabels} />
        </section>
      )}
      {!hide.includes('mfa') && (
        <MfaSettings
          issuer={issuer}
          accountName={accountName}
          headingLevel={level}
          labels={mfaLabels}
          setupLabels={setupLabels}
          presenceLabels={presenceLabels}
        />
      )}
      {!hide.includes('sessions') && (
        <ActiveSessions
          headingLevel={level}
          labels={sessionsLabels}
          applicationNames={applicationNames}
          sessionName={sessionName}
          locale={locale}
        />
      )}
    </section>
  );
}
