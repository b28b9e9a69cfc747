/** Every string ConfirmPresence, MfaSetup and MfaSettings show or announce, so an app can translate all of them. */
export interface ConfirmPresenceLabels {
  /** The prompt's heading and the accessible name of its form. */
  title: string;
  /** Why the password is asked, under the heading. */
  intro: string;
  password: string;
  /** The show/hide toggle's name; its pressed state says whether the password is shown. */
  showPassword: string;
  submit: string;
  submitting: string;
  /** Shown with `onCancel`. */
  cancel: string;
  passwordRequired: string;
  /** 106 */
  wrongPassword: string;
  /** 211 */
  tooFast: string;
  /** 212, with the seconds left of the freeze. */
  frozen: (seconds: number) => string;
  /** Shown when a freeze has ended. */
  frozenOver: string;
  /** 213 */
  locked: string;
  networkError: string;
  /** 109 */
  signatureRefused: string;
  unknownError: (errorName: string) => string;
}

/** The recovery codes' panel, shown once by MfaSetup and by MfaSettings' "Regenerate". */
export interface RecoveryCodesLabels {
  codesTitle: string;
  /** Why they matter, above the list. */
  codesIntro: string;
  /** Accessible name of the list of codes. */
  codesList: string;
  copyCodes: string;
  /** Said (politely) once the clipboard has them. */
  codesCopied: string;
  /** The clipboard refused (no permission, or an insecure page). */
  copyFailed: string;
  downloadCodes: string;
  /** The downloaded file's name. */
  codesFileName: string;
  /** The file's first line, above the codes. */
  codesFileHeading: (issuer: string) => string;
  savedCheck: string;
  /** Next pressed before the check. */
  savedRequired: string;
}

export interface MfaSetupLabels extends RecoveryCodesLabels {
  /** Accessible name of the wizard. */
  formName: string;
  /** "Step 2 of 3", above each step's heading. */
  stepOf: (step: number, total: number) => string;
  loading: string;
  next: string;
  cancel: string;
  cancelling: string;
  /** The names the new methods get in the user's settings. */
  recoveryCodesName: string;
  totpName: string;
  preparing: string;
  totpTitle: string;
  totpIntro: string;
  /** The QR code's accessible name. */
  qrCode: (issuer: string) => string;
  /** Above the key, for the people who cannot scan. */
  keyIntro: string;
  /** Accessible name of the key (read by screen readers as one string). */
  keyLabel: string;
  copyKey: string;
  keyCopied: string;
  /** Accessible name of the code's form. */
  verifyFormName: string;
  code: string;
  codeHint: string;
  codeInvalid: string;
  verify: string;
  verifying: string;
  /** 130 */
  wrongCode: string;
  /** 134, with the seconds left. */
  reattemptDelay: (seconds: number) => string;
  enableTitle: string;
  enableIntro: string;
  enable: string;
  enabling: string;
  doneTitle: string;
  doneText: string;
  /** MFA was on already, with everything it needs. */
  alreadyOn: string;
  done: string;
  /** 133 while enabling. */
  notEnoughMethods: string;
  /** The settings could not be read. */
  loadFailed: string;
  retry: string;
  networkError: string;
  signatureRefused: string;
  unknownError: (errorName: string) => string;
}

export interface MfaSettingsLabels extends RecoveryCodesLabels {
  title: string;
  loading: string;
  loadFailed: string;
  retry: string;
  statusOn: string;
  statusOff: string;
  /** What it does, under "Off". */
  offIntro: string;
  /** What it means, under "On". */
  onIntro: string;
  turnOn: string;
  turningOn: string;
  turnOff: string;
  turningOff: string;
  turnedOn: string;
  turnedOff: string;
  /** Heading of the methods' list. */
  methods: string;
  noMethods: string;
  /** A method's type in words. */
  typeTotp: string;
  typeRecoveryCodes: string;
  typeOther: (type: string) => string;
  verified: string;
  notVerified: string;
  /** A remove button's accessible name. */
  remove: string;
  removeMethod: (name: string) => string;
  removing: string;
  removed: (name: string) => string;
  regenerate: string;
  regenerating: string;
  /** Hides the new codes after they were saved. */
  codesDone: string;
  /** 133 */
  notEnoughMethods: string;
  networkError: string;
  signatureRefused: string;
  unknownError: (errorName: string) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const networkError = 'The server cannot be reached. Check your connection and try again.';
const signatureRefused = "The request could not be verified. Check that your device's date and time are set correctly.";
const notEnoughMethods = 'Keep at least one verified method while two-step verification is on. Turn it off first, or add another method.';

export const defaultConfirmPresenceLabels: ConfirmPresenceLabels = {
  title: "Confirm it's you",
  intro: 'Enter your password to change your security settings.',
  password: 'Password',
  showPassword: 'Show password',
  submit: 'Confirm',
  submitting: 'Confirming…',
  cancel: 'Cancel',
  passwordRequired: 'Enter your password.',
  wrongPassword: 'That password is not correct.',
  tooFast: 'That was too quick after the last attempt. Wait a second and try again.',
  frozen: (seconds) => `Too many failed attempts. Try again in ${plural(seconds, 'second', 'seconds')}.`,
  frozenOver: 'You can try again now.',
  locked: 'This account is locked after too many failed attempts. Contact an administrator to unlock it.',
  networkError,
  signatureRefused,
  unknownError: (errorName) => `Something went wrong while checking your password. Try again later. (Error: ${errorName})`,
};


// Object literals without spreads: a spread is kept by the bundler in every app's bundle (it cannot prove it pure),
// which put these labels in the sign-in path of the built package.
export const defaultMfaSetupLabels: MfaSetupLabels = {
  codesTitle: 'Save your recovery codes',
  codesIntro:
    'If you lose your phone, each of these codes signs you in once. Keep them somewhere safe: they are shown only this once.',
  codesList: 'Recovery codes',
  copyCodes: 'Copy codes',
  codesCopied: 'Codes copied.',
  copyFailed: 'Copying did not work. Select the codes and copy them, or download them.',
  downloadCodes: 'Download .txt',
  codesFileName: 'recovery-codes.txt',
  codesFileHeading: (issuer) => `Recovery codes for ${issuer}. Each code works once.`,
  savedCheck: 'I have saved these codes somewhere safe',
  savedRequired: 'Confirm that you have saved your recovery codes.',
  formName: 'Set up two-step verification',
  stepOf: (step, total) => `Step ${step} of ${total}`,
  loading: 'Loading…',
  next: 'Next',
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  recoveryCodesName: 'Recovery codes',
  totpName: 'Authenticator app',
  preparing: 'Preparing…',
  totpTitle: 'Connect your authenticator app',
  totpIntro: 'Scan this QR code with an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password).',
  qrCode: (issuer) => `QR code to add ${issuer} to an authenticator app`,
  keyIntro: "Can't scan it? Enter this key in the app instead:",
  keyLabel: 'Setup key',
  copyKey: 'Copy key',
  keyCopied: 'Key copied.',
  verifyFormName: 'Check a code from the app',
  code: '6-digit code from the app',
  codeHint: 'The app shows a new code every 30 seconds.',
  codeInvalid: 'Enter the 6 digits the app shows.',
  verify: 'Verify and turn on',
  verifying: 'Verifying…',
  wrongCode: 'That code is not correct. Enter the code the app shows now.',
  reattemptDelay: (seconds) => `Too many attempts. Wait ${plural(seconds, 'second', 'seconds')} before the next one.`,
  enableTitle: 'Turn on two-step verification',
  enableIntro: 'Your authenticator app and recovery codes are set up. Turn on two-step verification to use them when you sign in.',
  enable: 'Turn on',
  enabling: 'Turning on…',
  doneTitle: 'Two-step verification is on',
  doneText: 'From now on, signing in asks for a code from your authenticator app, or one of your recovery codes.',
  alreadyOn: 'Two-step verification is already on for your account.',
  done: 'Done',
  notEnoughMethods: 'Two-step verification needs a verified authenticator app first.',
  loadFailed: 'Your security settings could not be loaded.',
  retry: 'Try again',
  networkError,
  signatureRefused,
  unknownError: (errorName) => `Something went wrong. Try again later. (Error: ${errorName})`,
};

export const defaultMfaSettingsLabels: MfaSettingsLabels = {
  codesList: 'Recovery codes',
  copyCodes: 'Copy codes',
  codesCopied: 'Codes copied.',
  copyFailed: 'Copying did not work. Select the codes and copy them, or download them.',
  downloadCodes: 'Download .txt',
  codesFileName: 'recovery-codes.txt',
  codesFileHeading: (issuer) => `Recovery codes for ${issuer}. Each code works once.`,
  savedCheck: 'I have saved these codes somewhere safe',
  savedRequired: 'Confirm that you have saved your recovery codes.',
  codesTitle: 'Your new recovery codes',
  codesIntro: 'Your old codes no longer work. Keep these somewhere safe: they are shown only this once.',
  title: 'Two-step verification',
  loading: 'Loading your security settings…',
  loadFailed: 'Your security settings could not be loaded.',
  retry: 'Try again',
  statusOn: 'On',
  statusOff: 'Off',
  offIntro: 'Protect your account with a code from an authenticator app when you sign in.',
  onIntro: 'Signing in asks for a code from your authenticator app, or one of your recovery codes.',
  turnOn: 'Turn on two-step verification',
  turningOn: 'Turning on…',
  turnOff: 'Turn off',
  turningOff: 'Turning off…',
  turnedOn: 'Two-step verification is on.',
  turnedOff: 'Two-step verification is off.',
  methods: 'Methods',
  noMethods: 'No methods yet.',
  typeTotp: 'Authenticator app',
  typeRecoveryCodes: 'Recovery codes',
  typeOther: (type) => `Other method (${type})`,
  verified: 'Verified',
  notVerified: 'Not verified',
  remove: 'Remove',
  removeMethod: (name) => `Remove ${name}`,
  removing: 'Removing…',
  removed: (name) => `${name} removed.`,
  regenerate: 'Regenerate codes',
  regenerating: 'Regenerating…',
  codesDone: 'Done',
  notEnoughMethods,
  networkError,
  signatureRefused,
  unknownError: (errorName) => `Something went wrong. Try again later. (Error: ${errorName})`,
};
