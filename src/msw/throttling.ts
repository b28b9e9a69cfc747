/** The service's brakes on guessing: login throttling (user service policy) and the MFA retry back-off. */
import type { LoginThrottle, MfaBackoff } from './db.js';

const LOGIN_RETRY_MS = 1000;
const LOGIN_FREEZE_MS = 60_000;
const FREEZE_EVERY = 10;
const BLOCK_AFTER = 50;
/** Wait after the n-th failed MFA code: about 1 s at first, 5 s by the 5th, 30 s from the 10th on. */
const MFA_BACKOFF_MS = [1000, 2000, 3000, 4000, 5000, 10_000, 15_000, 20_000, 25_000, 30_000];

/** The code refusing a login attempt before the password is even compared, if any. */
export function loginRefusal(throttle: LoginThrottle, now: number): 211 | 212 | 213 | undefined {
  if (throttle.failures >= BLOCK_AFTER) return 213;
  if (now < throttle.frozenUntil) return 212;
  if (now - throttle.lastFailureAt < LOGIN_RETRY_MS) return 211;
  return undefined;
}

/** Counts a wrong password and returns the code to answer: 106, or 212/213 when this failure trips a limit. */
export function recordLoginFailure(throttle: LoginThrottle, now: number): 106 | 212 | 213 {
  throttle.failures += 1;
  throttle.lastFailureAt = now;
  if (throttle.failures >= BLOCK_AFTER) return 213;
  if (throttle.failures % FREEZE_EVERY === 0) {
    throttle.frozenUntil = now + LOGIN_FREEZE_MS;
    return 212;
  }
  return 106;
}

/** Milliseconds left before the next MFA attempt is allowed (0 when it is). */
export function mfaWait(backoff: MfaBackoff, now: number): number {
  return Math.max(0, backoff.nextAttemptAt - now);
}

export function recordMfaFailure(backoff: MfaBackoff, now: number): void {
  backoff.failures += 1;
  backoff.nextAttemptAt = now + MFA_BACKOFF_MS[Math.min(backoff.failures, MFA_BACKOFF_MS.length) - 1]!;
}
