import { createContext, useContext, type ReactNode } from 'react';
import type {
  ActivateAccountLabels,
  AuthFlowLabels,
  ChangePasswordFormLabels,
  ForgotPasswordLabels,
  LoginFormLabels,
  MfaLabels,
  PasswordChecklistLabels,
  ResetPasswordLabels,
  SignOutButtonLabels,
  SignUpFormLabels,
} from './labels.js';
import type { AccountSecurityLabels, ActiveSessionsLabels } from './security/labels.js';
import type { ConfirmPresenceLabels, MfaSettingsLabels, MfaSetupLabels } from './security/mfaLabels.js';

/**
 * Every label set of every component, by component, and the language of what the components format with Intl
 * (relative times and dates). `exh-auth-react/locales/nl` (and `fr`, `de`, `es`) export one each.
 */
export interface Locale {
  /** A BCP 47 tag (`nl`, `fr-BE`): the language of the times and dates the components format. */
  lang: string;
  loginForm: LoginFormLabels;
  mfaMethodPicker: MfaLabels;
  passwordChecklist: PasswordChecklistLabels;
  signUpForm: SignUpFormLabels;
  activateAccount: ActivateAccountLabels;
  changePasswordForm: ChangePasswordFormLabels;
  forgotPasswordForm: ForgotPasswordLabels;
  resetPasswordForm: ResetPasswordLabels;
  authFlow: AuthFlowLabels;
  confirmPresence: ConfirmPresenceLabels;
  mfaSetup: MfaSetupLabels;
  mfaSettings: MfaSettingsLabels;
  activeSessions: ActiveSessionsLabels;
  accountSecurity: AccountSecurityLabels;
  signOutButton: SignOutButtonLabels;
}

/** What a provider takes: any set may be left out or partial (English fills the gaps), e.g. an app's own language. */
export type PartialLocale = { lang?: string } & { [Set in Exclude<keyof Locale, 'lang'>]?: Partial<Locale[Set]> };

const LocaleContext = createContext<PartialLocale>({});

export interface LocaleProviderProps {
  /** E.g. `nl` from `exh-auth-react/locales/nl`; none (or `{}`) is English. */
  locale?: PartialLocale;
  children?: ReactNode;
}

/** Gives the components below it their labels and their Intl language; a component's `labels` prop still wins. */
export function LocaleProvider({ locale = {}, children }: LocaleProviderProps) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** A component's labels: English, then the locale's set, then the component's own `labels` prop. */
export const useLabels = <Set extends Exclude<keyof Locale, 'lang'>>(set: Set, english: Locale[Set], labels?: Partial<Locale[Set]>): Locale[Set] => ({
  ...english,
  ...useContext(LocaleContext)[set],
  ...labels,
});

/** The locale's language for Intl; undefined (the browser's) under no locale. */
export const useLang = (): string | undefined => useContext(LocaleContext).lang;
