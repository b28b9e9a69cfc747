import type { ExhError, MfaMethod } from './errors.js';

/** A signed-in user's OAuth1 credentials. */
export interface Session {
  /** The token's id: what `tokens.remove` takes, and how the current session is recognised in a list. */
  tokenId: string;
  userId: string;
  applicationId: string;
  token: string;
  tokenSecret: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/**
 * A session without its token secret: what sign-in mutations hand to the UI, so the secret never
 * sits in a mutation cache, devtools or a component's props. `client.getSession()` has it all.
 */
export type SessionInfo = Omit<Session, 'tokenSecret'>;

/** A pending MFA step: what the password grant answered with 129. */
export interface MfaChallenge {
  token: string;
  methods: MfaMethod[];
  /** Milliseconds the challenge was valid for when it was issued. */
  tokenExpiresIn: number;
  /** Epoch milliseconds after which the challenge is dead. */
  expiresAt: number;
  attempts: number;
}

export type AuthStatus = 'loading' | 'unauthenticated' | 'mfaRequired' | 'authenticated';

export interface AuthState {
  status: AuthStatus;
  /** Without the token secret: `client.getSession()` has the whole session. */
  session: SessionInfo | null;
  mfa: MfaChallenge | null;
  /** Why the last session or challenge ended (revoked elsewhere, challenge expired), if it ended on its own. */
  error: ExhError | null;
}

export interface OAuth1Token {
  id: string;
  userId: string;
  applicationId: string;
  token: string;
  // No tokenSecret: older service versions list it, the client drops it (no other device's secret in the app).
  lastUsedTimestamp?: number;
  creationTimestamp?: number;
  updateTimestamp?: number;
}

export interface PagedResult<T> {
  data: T[];
  page: { total: number; offset: number; limit: number };
}

export interface SsoToken {
  id: string;
  ssoToken: string;
  userId: string;
  createdByApplicationId: string;
  expiryTimestamp: number;
  creationTimestamp: number;
  updateTimestamp?: number;
}

/** A global role's permission. */
export interface GlobalPermission {
  name: string;
  description: string;
}

/** A role that applies everywhere: its permissions are objects. */
export interface GlobalRole {
  id: string;
  name: string;
  description: string;
  permissions?: GlobalPermission[];
}

/** A role within one group: its permissions are plain names. */
export interface GroupRole {
  id: string;
  groupId: string;
  name: string;
  description: string;
  permissions: string[];
}

/** The user is staff of a group, with the group's roles. */
export interface StaffEnlistment {
  groupId: string;
  roles?: GroupRole[];
}

/** The user is a patient of a group. */
export interface PatientEnlistment {
  groupId: string;
  /** Epoch milliseconds. */
  expiryTimestamp: number;
  expired: boolean;
  /** Epoch milliseconds. */
  creationTimestamp: number;
}

/** The signed-in user (`GET /users/v1/me`), camelCase whatever the service sends, timestamps in epoch ms. */
export interface ExhUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
  /** e.g. `EN`. */
  language: string;
  /** e.g. `Europe/Brussels`. */
  timeZone: string;
  activation: boolean;
  profileImage?: string;
  lastFailedTimestamp?: number;
  failedCount?: number;
  creationTimestamp: number;
  updateTimestamp: number;
  roles?: GlobalRole[];
  staffEnlistments?: StaffEnlistment[];
  patientEnlistments?: PatientEnlistment[];
  /** Fields the service adds. */
  [field: string]: unknown;
}
