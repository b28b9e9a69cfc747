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

export interface ExhUser {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
  [field: string]: unknown;
}
