/** Every string ActiveSessions shows or announces. Relative times ("2 hours ago") come from Intl in the `locale` prop's language. */
export interface ActiveSessionsLabels {
  /** The section's heading; also the list's accessible name. */
  heading: string;
  loading: string;
  /** The session of this browser or app. */
  thisDevice: string;
  /** Another session of the same application as this one. */
  otherDevice: string;
  /** A session of another application, named by `applicationNames` or else by the end of its id (`…97d30d`). */
  otherApplication: (application: string) => string;
  /** When the session began; `when` is relative ("3 days ago"). The exact date and time are in the tooltip. */
  signedIn: (when: string) => string;
  /** When another session last made a request; `when` is relative. */
  lastActive: (when: string) => string;
  /** Under this device instead of `lastActive`: it is in use right now. */
  activeNow: string;
  /** A time under a minute away, for `signedIn` and `lastActive`. */
  justNow: string;
  /** The sign-out button of a session. */
  revoke: string;
  /** Its accessible name: which session, told apart by when it began (`signedIn` is null without a creation time). */
  revokeName: (session: string, signedIn: string | null) => string;
  /** The accessible name of this device's sign-out button, which asks for a confirmation. */
  revokeThisDevice: string;
  /** The question shown before this device is signed out. */
  confirmThisDevice: string;
  /** Under the question: what it means. */
  confirmThisDeviceHelp: string;
  confirm: string;
  cancel: string;
  /** While this device's session is being revoked. */
  signingOut: string;
  /** Announced when another session was signed out. */
  revoked: (session: string) => string;
  /** Only this device is signed in. */
  noOtherSessions: string;
  /** The service listed no session at all (this one should be listed: only a stale list can say so). */
  empty: string;
  /** More sessions than one page lists; "Sign out all other devices" still reaches them all. */
  more: (count: number) => string;
  revokeOthers: string;
  revokingOthers: string;
  /** Announced when the other devices were signed out, with how many. */
  revokedOthers: (count: number) => string;
  /** After this device was signed out (shown while the app has not moved on). */
  signedOut: string;
  /** Retries loading the list after `loadFailed`. */
  retry: string;
  /** The list could not be loaded; followed by the error's sentence. */
  loadFailed: string;
  /** A session could not be signed out; followed by the error's sentence. */
  revokeFailed: string;
  /** Some other devices could not be signed out (they are listed again); followed by the error's sentence. */
  revokeOthersFailed: string;
  networkError: string;
  /** 109: the signature was refused, usually because the device's clock is wrong. */
  signatureRefused: string;
  /** Any other error, with its name for support. */
  unknownError: (errorName: string) => string;
}

export const defaultActiveSessionsLabels: ActiveSessionsLabels = {
  heading: 'Active sessions',
  loading: 'Loading your sessions…',
  thisDevice: 'This device',
  otherDevice: 'Another device',
  otherApplication: (application) => `Another app (${application})`,
  signedIn: (when) => `Signed in ${when}`,
  lastActive: (when) => `Last active ${when}`,
  activeNow: 'Active now',
  justNow: 'just now',
  revoke: 'Sign out',
  revokeName: (session, signedIn) => `Sign out ${session}${signedIn ? `, signed in ${signedIn}` : ''}`,
  revokeThisDevice: 'Sign out of this device',
  confirmThisDevice: 'Sign out of this device?',
  confirmThisDeviceHelp: 'You will need to sign in again to continue here.',
  confirm: 'Sign out',
  cancel: 'Cancel',
  signingOut: 'Signing out…',
  revoked: (session) => `${session} was signed out.`,
  noOtherSessions: 'You are not signed in on any other device.',
  empty: 'No active sessions.',
  more: (count) => `And ${count} more ${count === 1 ? 'session' : 'sessions'}.`,
  revokeOthers: 'Sign out all other devices',
  revokingOthers: 'Signing out other devices…',
  revokedOthers: (count) => `Signed out of ${count} other ${count === 1 ? 'device' : 'devices'}.`,
  signedOut: 'You are signed out.',
  retry: 'Try again',
  loadFailed: 'Your sessions could not be loaded.',
  revokeFailed: 'That session could not be signed out.',
  revokeOthersFailed: 'Some devices could not be signed out.',
  networkError: 'The server cannot be reached. Check your connection and try again.',
  signatureRefused: "The request could not be verified. Check that your device's date and time are set correctly.",
  unknownError: (errorName) => `Try again later. (Error: ${errorName})`,
};

/** AccountSecurity's own strings; each part it shows takes its own labels (`passwordLabels`, `mfaLabels`, …). */
export interface AccountSecurityLabels {
  /** The page's heading. */
  heading: string;
  /** The heading of the password section (ChangePasswordForm). */
  password: string;
}

export const defaultAccountSecurityLabels: AccountSecurityLabels = {
  heading: 'Security',
  password: 'Password',
};
