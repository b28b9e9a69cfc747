/** `exh-auth-react/msw`: a mock ExH auth service for tests (msw/node) and demos (MSW service worker). */
export { createMockExh, type MockExh, type MockExhOptions } from './mock.js';
export { defaultPasswordPolicy, type AccountOptions, type MockPasswordPolicy } from './account.js';
export type { MockMfaOptions } from './mfa.js';
export {
  demoUsers,
  type MockDb,
  type MockMail,
  type MockMfaMethod,
  type MockPresenceToken,
  type MockResponse,
  type MockSnapshot,
  type MockRequest,
  type MockToken,
  type MockTotpSecret,
  type MockUser,
  type MockUserMfa,
  type MockUserSeed,
  type TokenBody,
} from './db.js';
export { totp } from './totp.js';
