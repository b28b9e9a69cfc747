/** Every string the components show or announce, so an app can translate all of them. */

export interface LoginFormLabels {
  /** Accessible name of the sign-in form. */
  formName: string;
  email: string;
  password: string;
  /** The show/hide toggle's name; its pressed state says whether the password is shown. */
  showPassword: string;
  submit: string;
  submitting: string;
  emailRequired: string;
  emailInvalid: string;
  passwordRequired: string;
  /** 106 */
  wrongCredentials: string;
  /** 211 */
  tooFast: string;
  /** 212, with the seconds left of the freeze. */
  frozen: (seconds: number) => string;
  /** Shown when a freeze has ended. */
  frozenOver: string;
  /** 213 */
  locked: string;
  /** NetworkError */
  networkError: string;
  /** 109: the signature was refused, usually because the device's clock is wrong. */
  signatureRefused: string;
  /** Any other error, with its name for support. */
  unknownError: (errorName: string) => string;
  /** Back on the password step because the MFA challenge expired (131 or its time ran out). */
  mfaExpired: string;
  /** Signed out because the session's token was revoked elsewhere (108 on a signed-in request). */
  signedOutElsewhere: string;
}

export interface MfaLabels {
  /** Accessible name of the verification form. */
  formName: string;
  /** Legend of the method choice, shown when there are several methods. */
  chooseMethod: string;
  totpCode: string;
  recoveryCode: string;
  /** Label of the code field for a method type this package does not know. */
  otherCode: string;
  submit: string;
  submitting: string;
  back: string;
  totpCodeInvalid: string;
  recoveryCodeRequired: string;
  /** Quiet countdown of the challenge's remaining time. */
  expiresIn: (seconds: number) => string;
  /** 130 */
  wrongCode: string;
  /** 134, with the seconds left before the next attempt. */
  reattemptDelay: (seconds: number) => string;
  networkError: string;
  /** 109 */
  signatureRefused: string;
  unknownError: (errorName: string) => string;
}

/** 75 → "1:15" */
export function minutesAndSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

const signatureRefused =
  "The request could not be verified. Check that your device's date and time are set correctly.";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const defaultLoginFormLabels: LoginFormLabels = {
  formName: 'Sign in',
  email: 'Email',
  password: 'Password',
  showPassword: 'Show password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  passwordRequired: 'Enter your password.',
  wrongCredentials: 'The email or password is not correct.',
  tooFast: 'That was too quick after the last attempt. Wait a second and try again.',
  frozen: (seconds) => `Too many failed attempts. Try again in ${plural(seconds, 'second', 'seconds')}.`,
  frozenOver: 'You can try to sign in again.',
  locked: 'This account is locked after too many failed attempts. Contact an administrator to unlock it.',
  networkError: 'The server cannot be reached. Check your connection and try again.',
  signatureRefused,
  unknownError: (errorName) => `Something went wrong while signing in. Try again later. (Error: ${errorName})`,
  mfaExpired: 'Your verification expired — sign in again.',
  signedOutElsewhere: 'You were signed out because the session was ended elsewhere.',
};

export const defaultMfaLabels: MfaLabels = {
  formName: 'Two-step verification',
  chooseMethod: 'Verify with',
  totpCode: '6-digit code from your authenticator app',
  recoveryCode: 'Recovery code',
  otherCode: 'Verification code',
  submit: 'Verify',
  submitting: 'Verifying…',
  back: 'Back',
  totpCodeInvalid: 'Enter the 6 digits from your authenticator app.',
  recoveryCodeRequired: 'Enter one of your recovery codes.',
  expiresIn: (seconds) => `Time left for this step: ${minutesAndSeconds(seconds)}`,
  wrongCode: 'That code is not correct. Try again.',
  reattemptDelay: (seconds) => `Too many attempts. Wait ${plural(seconds, 'second', 'seconds')} before the next one.`,
  networkError: 'The server cannot be reached. Check your connection and try again.',
  signatureRefused,
  unknownError: (errorName) => `Something went wrong while verifying. Try again later. (Error: ${errorName})`,
};

// ——— Account: PasswordChecklist, SignUpForm, ActivateAccount, ChangePasswordForm ———

export interface PasswordChecklistLabels {
  /** Above the rules. */
  title: string;
  minimumLength: (length: number) => string;
  /** Shown only once the password is too long. */
  maximumLength: (length: number) => string;
  upperCase: string;
  lowerCase: string;
  number: string;
  symbol: string;
  /** Read after a rule by screen readers. */
  met: string;
  notMet: string;
  /** Announced (politely) when the count of met rules changes. */
  summary: (met: number, total: number) => string;
}

export const defaultPasswordChecklistLabels: PasswordChecklistLabels = {
  title: 'Your password needs:',
  minimumLength: (length) => `At least ${length} characters`,
  maximumLength: (length) => `At most ${length} characters`,
  upperCase: 'An uppercase letter',
  lowerCase: 'A lowercase letter',
  number: 'A number',
  symbol: 'A symbol, like ! or #',
  met: 'met',
  notMet: 'not met',
  summary: (met, total) => (met === total ? 'All password requirements met.' : `${met} of ${total} password requirements met.`),
};

/** "Send a new mail" of the activation screens. */
export interface ResendLabels {
  resending: string;
  /** Also for an address without an account (202): the words do not tell who has one. */
  resent: string;
  /** 206 */
  resendAlreadyActivated: string;
  /** 223, with the seconds left before another mail can be asked for. */
  resendWait: (seconds: number) => string;
  /** The 223 wait is over. */
  resendAgain: string;
  /** 222 */
  resendLimit: string;
  resendEmailInvalid: string;
  networkError: string;
  signatureRefused: string;
  unknownError: (errorName: string) => string;
}

export interface SignUpFormLabels extends ResendLabels {
  formName: string;
  email: string;
  password: string;
  showPassword: string;
  firstName: string;
  lastName: string;
  phoneNumber: string;
  language: string;
  /** A field's label when the app made it optional. */
  optional: (label: string) => string;
  submit: string;
  submitting: string;
  emailRequired: string;
  emailInvalid: string;
  passwordRequired: string;
  firstNameRequired: string;
  lastNameRequired: string;
  phoneNumberRequired: string;
  /** While typing (the availability check) and 203 on submit. */
  emailTaken: string;
  /** The button next to `emailTaken`, when the app passes `onSignIn`. */
  signInInstead: string;
  /** 15: the password does not meet the policy. */
  passwordPolicy: string;
  checkEmail: string;
  checkEmailHelp: (email: string) => string;
  /** With `signInAfterSignUp`. */
  signedIn: string;
  resend: string;
}

export interface ActivateAccountLabels extends ResendLabels {
  activating: string;
  activated: string;
  /** 206 */
  alreadyActivated: string;
  signInNow: string;
  signIn: string;
  failedTitle: string;
  /** 205 on a link. */
  linkExpired: string;
  linkExpiredHelp: string;
  sendNewLink: string;
  email: string;
  emailInvalid: string;
  pinFormName: string;
  pinIntro: string;
  pinCode: string;
  pinCodeInvalid: string;
  activate: string;
  activatingShort: string;
  sendNewCode: string;
  /** 224 (the service does not say how many attempts are left). */
  wrongPin: string;
  /** 213 */
  tooManyPins: string;
  /** 205 on a pin. */
  pinExpired: string;
}

export interface ChangePasswordFormLabels {
  formName: string;
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  showPassword: string;
  submit: string;
  submitting: string;
  currentPasswordRequired: string;
  newPasswordRequired: string;
  passwordsDiffer: string;
  /** 208 */
  wrongCurrentPassword: string;
  /** 15 */
  passwordPolicy: string;
  changed: string;
  networkError: string;
  signatureRefused: string;
  unknownError: (errorName: string) => string;
}

const networkError = 'The server cannot be reached. Check your connection and try again.';

const defaultResendLabels: ResendLabels = {
  resending: 'Sending…',
  resent: 'If this address has an account to activate, a new mail is on its way.',
  resendAlreadyActivated: 'This account is already activated: you can sign in.',
  resendWait: (seconds) => `A mail was sent a moment ago. You can ask for another in ${minutesAndSeconds(seconds)}.`,
  resendAgain: 'You can ask for a new mail again.',
  resendLimit: 'Too many mails were sent for this account. Use the last one, or contact support.',
  resendEmailInvalid: 'Enter an email address like name@example.com.',
  networkError,
  signatureRefused,
  unknownError: (errorName) => `Something went wrong. Try again later. (Error: ${errorName})`,
};

/** Marked pure: an object spread would keep these labels in the sign-in path's bundle (LoginForm imports this module). */
const withResend = <T extends ResendLabels>(labels: Omit<T, keyof ResendLabels> & Partial<ResendLabels>): T =>
  ({ ...defaultResendLabels, ...labels }) as T;

export const defaultSignUpFormLabels: SignUpFormLabels = /* @__PURE__ */ withResend<SignUpFormLabels>({
  formName: 'Create an account',
  email: 'Email',
  password: 'Password',
  showPassword: 'Show password',
  firstName: 'First name',
  lastName: 'Last name',
  phoneNumber: 'Phone number',
  language: 'Language',
  optional: (label) => `${label} (optional)`,
  submit: 'Create account',
  submitting: 'Creating account…',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  passwordRequired: 'Choose a password.',
  firstNameRequired: 'Enter your first name.',
  lastNameRequired: 'Enter your last name.',
  phoneNumberRequired: 'Enter your phone number.',
  emailTaken: 'This email address already has an account.',
  signInInstead: 'Sign in',
  passwordPolicy: 'This password does not meet the requirements.',
  checkEmail: 'Check your email',
  checkEmailHelp: (email) => `We sent a link to ${email}. Open it to activate your account.`,
  signedIn: 'You are signed in already; activate your account when you can.',
  resend: 'Send the mail again',
  unknownError: (errorName) => `Something went wrong while creating the account. Try again later. (Error: ${errorName})`,
});

export const defaultActivateAccountLabels: ActivateAccountLabels = /* @__PURE__ */ withResend<ActivateAccountLabels>({
  activating: 'Activating your account…',
  activated: 'Your account is activated',
  alreadyActivated: 'Your account is already activated',
  signInNow: 'You can now sign in.',
  signIn: 'Sign in',
  failedTitle: 'Your account could not be activated',
  linkExpired: 'This link has expired or was already used',
  linkExpiredHelp: 'Enter your email address and we will send you a new one.',
  sendNewLink: 'Send a new link',
  email: 'Email',
  emailInvalid: 'Enter an email address like name@example.com.',
  pinFormName: 'Activate your account',
  pinIntro: 'Enter the 8-digit code from the mail we sent you.',
  pinCode: 'Activation code',
  pinCodeInvalid: 'Enter the 8 digits of the code.',
  activate: 'Activate',
  activatingShort: 'Activating…',
  sendNewCode: 'Send a new code',
  wrongPin: 'That code is not correct. Check the mail and try again.',
  tooManyPins: 'Too many wrong codes. Ask for a new code.',
  pinExpired: 'This code has expired. Ask for a new code.',
});

export const defaultChangePasswordFormLabels: ChangePasswordFormLabels = {
  formName: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
  showPassword: 'Show password',
  submit: 'Change password',
  submitting: 'Changing password…',
  currentPasswordRequired: 'Enter your current password.',
  newPasswordRequired: 'Choose a new password.',
  passwordsDiffer: 'The two new passwords are not the same.',
  wrongCurrentPassword: 'The current password is not correct.',
  passwordPolicy: 'This password does not meet the requirements.',
  changed: 'Your password has been changed.',
  networkError,
  signatureRefused,
  unknownError: (errorName) => `Something went wrong while changing the password. Try again later. (Error: ${errorName})`,
};
