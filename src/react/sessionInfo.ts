import type { Session, SessionInfo } from '../core';

/** The session as the UI may hold it: everything but the token secret. */
export function sessionInfo({ tokenSecret: _secret, ...info }: Session): SessionInfo {
  return info;
}
