/** Every string the components show or announce, so an app can translate all of them. */

export interface LoginFormLabels {
  /** Accessible name of the sign-in form; also the header's title when the app shows the header without its own. */
  formName: string;
  /** Under the header's title, with the `appName` prop. */
  subtitle: (appName: string) => string;
  email: string;
  password: string;
  /** The eye button's name; aria-pressed says whether the password is shown. */
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
  /** The footer's button shown with `onForgotPassword`. */
  forgotPassword: string;
  /** The footer's button shown with `onCreateAccount`. */
  createAccount: string;
}

export interface MfaLabels {
  /** The step's heading, which names the form. */
  formName: string;
  /** Under the heading: the account the step is for (the email typed on the password step). */
  account: (email: string) => string;
  /** Legend of the method choice, shown when there are three methods or more. */
  chooseMethod: string;
  /** With exactly two methods, the link-style button to the other one, by its type. */
  useTotp: string;
  useRecoveryCode: string;
  /** …and for a method type this package does not know, with the method's name. */
  useMethod: (name: string) => string;
  /** Label of the code field; kept short, it stays on one line at 360 px. */
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
  subtitle: (appName) => `to continue to ${appName}`,
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
  forgotPassword: 'Forgot password?',
  createAccount: 'Create an account',
};

export const defaultMfaLabels: MfaLabels = {
  formName: 'Two-step verification',
  account: (email) => `Signing in as ${email}`,
  chooseMethod: 'Verify with',
  useTotp: 'Use your authenticator app instead',
  useRecoveryCode: 'Use a recovery code instead',
  useMethod: (name) => `Use ${name} instead`,
  totpCode: 'Authenticator app code',
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
  minimumLength: (length) => `At least ${plural(length, 'character', 'characters')}`,
  maximumLength: (length) => `At most ${plural(length, 'character', 'characters')}`,
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

// ——— Account: ForgotPasswordForm, ResetPasswordForm, AuthFlow ———

export interface ForgotPasswordLabels {
  /** Accessible name of the form. */
  formName: string;
  /** What the form is for, above the field. */
  intro: string;
  email: string;
  submit: string;
  submitting: string;
  emailRequired: string;
  emailInvalid: string;
  /**
   * The screen after a request, whether or not an account has the address (no account enumeration): the same
   * words for a mail sent, an unknown address (202), an account not activated (204) and one signing in
   * through an identity provider (215).
   */
  sent: (email: string) => string;
  /** Under `sent`, for every answer alike: why a mail may not come. */
  sentHint: string;
  /** Pin mode: the same neutral words, the code's form follows. */
  sentPin: (email: string) => string;
  resend: string;
  /** The resend button while the 5 minutes between two mails run. */
  resendIn: (seconds: number) => string;
  /** Another address: back to the form. */
  otherEmail: string;
  /** 220: too many mails without a completed reset. */
  tooMany: string;
  /** 221: a mail was sent less than 5 minutes ago, with the wait. */
  tooSoon: (seconds: number) => string;
  /** 221 once its wait is over. */
  tooSoonOver: string;
  networkError: string;
  signatureRefused: string;
  unknownError: (errorName: string) => string;
}

export interface ResetPasswordLabels {
  /** Accessible name of the form. */
  formName: string;
  email: string;
  /** The 8-digit code of the mail. */
  pinCode: string;
  newPassword: string;
  confirmPassword: string;
  showPassword: string;
  submit: string;
  submitting: string;
  emailRequired: string;
  emailInvalid: string;
  pinCodeInvalid: string;
  passwordRequired: string;
  /** The password does not meet the policy (checked before sending; 15 from the service). */
  passwordPolicy: string;
  confirmMismatch: string;
  /** 207: the link is unknown, expired or used. */
  linkExpired: string;
  /** 219 (and, in pin mode, 204 and 215, worded alike so the form does not tell which addresses have accounts). */
  codeExpired: string;
  /** 224, with the attempts left of the mail's 3. */
  wrongPin: (attemptsLeft: number) => string;
  /** 213: the code is spent after 3 wrong ones. */
  pinLocked: string;
  /** With 207, 219 and 213: ask for a new mail (shown when `onRequestNew` is given). */
  requestNew: string;
  /** 204 by link. */
  notActivated: string;
  /** 215 by link. */
  oidcAccount: string;
  /** The success screen. */
  done: string;
  networkError: string;
  signatureRefused: string;
  unknownError: (errorName: string) => string;
}

export interface AuthFlowLabels {
  /** The headings of the views, focused when the view changes. */
  signInHeading: string;
  signUpHeading: string;
  activateHeading: string;
  forgotPasswordHeading: string;
  resetPasswordHeading: string;
  /** Back to the sign-in view from the others. */
  backToSignIn: string;
  /** On the sign-up view, for those who have an account. */
  haveAccount: string;
}

export const defaultForgotPasswordLabels: ForgotPasswordLabels = {
  formName: 'Reset your password',
  intro: 'Enter the email address of your account and we will send you a way to choose a new password.',
  email: 'Email',
  submit: 'Send',
  submitting: 'Sending…',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  sent: (email) => `If an account exists for ${email}, a mail with a link to choose a new password is on its way.`,
  sentHint:
    'No mail after a few minutes? Check your spam folder and the address. Accounts that sign in through an organisation (single sign-on), or that were never activated, get no reset mail.',
  sentPin: (email) => `If an account exists for ${email}, a mail with an 8-digit code is on its way. Enter it below.`,
  resend: 'Send again',
  resendIn: (seconds) => `Send again in ${minutesAndSeconds(seconds)}`,
  otherEmail: 'Use another email address',
  tooMany: 'Too many reset mails were asked for this address. Use the last mail you received, or try again later.',
  tooSoon: (seconds) => `A mail was sent a moment ago. You can ask for another in ${minutesAndSeconds(seconds)}.`,
  tooSoonOver: 'You can ask for another mail now.',
  networkError,
  signatureRefused,
  unknownError: (errorName) => `Something went wrong while sending the mail. Try again later. (Error: ${errorName})`,
};

export const defaultResetPasswordLabels: ResetPasswordLabels = {
  formName: 'Choose a new password',
  email: 'Email',
  pinCode: '8-digit code from the mail',
  newPassword: 'New password',
  confirmPassword: 'Confirm the new password',
  showPassword: 'Show password',
  submit: 'Change password',
  submitting: 'Changing…',
  emailRequired: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  pinCodeInvalid: 'Enter the 8 digits from the mail.',
  passwordRequired: 'Enter a new password.',
  passwordPolicy: 'The password does not meet the rules above.',
  confirmMismatch: 'The two passwords are not the same.',
  linkExpired: 'This link has expired or was used already.',
  codeExpired: 'This code has expired or was used already, or the email address is not the one the mail was sent to.',
  wrongPin: (attemptsLeft) =>
    `That code is not correct. ${attemptsLeft > 0 ? `${plural(attemptsLeft, 'attempt', 'attempts')} left.` : 'Ask for a new one.'}`,
  pinLocked: 'Too many wrong codes: this one no longer works.',
  requestNew: 'Send me a new one',
  notActivated: 'This account is not activated yet: activate it first.',
  oidcAccount: 'This account signs in through your organisation: its password cannot be reset here.',
  done: 'Your password is changed: sign in with the new one.',
  networkError,
  signatureRefused,
  unknownError: (errorName) => `Something went wrong while changing the password. Try again later. (Error: ${errorName})`,
};

export const defaultAuthFlowLabels: AuthFlowLabels = {
  signInHeading: 'Sign in',
  signUpHeading: 'Create an account',
  activateHeading: 'Activate your account',
  forgotPasswordHeading: 'Forgot your password?',
  resetPasswordHeading: 'Choose a new password',
  backToSignIn: 'Back to sign in',
  haveAccount: 'Already have an account? Sign in',
};

export interface SignOutButtonLabels {
  /** The button's text (its children, when given, replace it). */
  signOut: string;
  /** Its text while the token is revoked. */
  signingOut: string;
}

export const defaultSignOutButtonLabels: SignOutButtonLabels = {
  signOut: 'Sign out',
  signingOut: 'Signing out…',
};
