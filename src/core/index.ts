export { createExhClient, type ExhClient, type ExhClientOptions } from './client.js';
export * from './errors.js';
export { signRequest, percentEncode, signatureBaseString, createNonce, type SignRequestInput } from './signer.js';
export { memoryStorage, resolveStorage, type StorageAdapter, type StorageOption } from './storage.js';
export type * from './types.js';
export {
  accountApi,
  checkPassword,
  type AccountApi,
  type ActivationMode,
  type PasswordCheck,
  type PasswordPolicy,
  type PasswordRule,
  type ProfilePatch,
  type RegisterInput,
} from './account.js';
export * from './account-errors.js';
export { mfaApi, type MfaApi, type UserMfaSettings, type MfaSettingsMethod, type NewMfaMethod, type PresenceToken } from './mfa.js';
export { otpauthUri, type Otpauth, type OtpauthInput } from './otpauth.js';
export { hasPermission } from './permissions.js';
