export { LoginForm, type LoginFormProps } from './sign-in/LoginForm.js';
export { MfaMethodPicker, type MfaMethodPickerProps } from './sign-in/MfaMethodPicker.js';
export { defaultLoginFormLabels, defaultMfaLabels, type LoginFormLabels, type MfaLabels } from './labels.js';
export { SignOutButton, type SignOutButtonProps } from './sign-in/SignOutButton.js';
export { defaultSignOutButtonLabels, type SignOutButtonLabels } from './labels.js';
export { PasswordChecklist, type PasswordChecklistProps } from './account/PasswordChecklist.js';
export { defaultPasswordChecklistLabels, type PasswordChecklistLabels } from './labels.js';
export { SignUpForm, FALLBACK_VALUES, type SignUpFormProps, type SignUpField, type SignUpFieldOptions } from './account/SignUpForm.js';
export { ActivateAccount, type ActivateAccountProps } from './account/ActivateAccount.js';
export { ChangePasswordForm, type ChangePasswordFormProps } from './account/ChangePasswordForm.js';
export {
  defaultActivateAccountLabels,
  defaultChangePasswordFormLabels,
  defaultSignUpFormLabels,
  type ActivateAccountLabels,
  type ChangePasswordFormLabels,
  type ResendLabels,
  type SignUpFormLabels,
} from './labels.js';
export { ForgotPasswordForm, type ForgotPasswordFormProps } from './account/ForgotPasswordForm.js';
export { ResetPasswordForm, type ResetPasswordFormProps } from './account/ResetPasswordForm.js';
export {
  defaultAuthFlowLabels,
  defaultForgotPasswordLabels,
  defaultResetPasswordLabels,
  type AuthFlowLabels,
  type ForgotPasswordLabels,
  type ResetPasswordLabels,
} from './labels.js';
export { AuthFlow, type AuthFlowLabelSets, type AuthFlowProps, type AuthFlowView } from './account/AuthFlow.js';
export { ConfirmPresence, type ConfirmPresenceProps } from './security/ConfirmPresence.js';
export { MfaSetup, type MfaSetupProps } from './security/MfaSetup.js';
export { MfaSettings, type MfaSettingsProps } from './security/MfaSettings.js';
export {
  defaultConfirmPresenceLabels,
  defaultMfaSettingsLabels,
  defaultMfaSetupLabels,
  type ConfirmPresenceLabels,
  type MfaSettingsLabels,
  type MfaSetupLabels,
  type RecoveryCodesLabels,
} from './security/mfaLabels.js';
export { ActiveSessions, type ActiveSessionsProps } from './security/ActiveSessions.js';
export { AccountSecurity, type AccountSecurityProps } from './security/AccountSecurity.js';
export {
  defaultAccountSecurityLabels,
  defaultActiveSessionsLabels,
  type AccountSecurityLabels,
  type ActiveSessionsLabels,
} from './security/labels.js';
export { LocaleProvider, type Locale, type LocaleProviderProps, type PartialLocale } from './locale.js';
