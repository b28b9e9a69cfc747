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
