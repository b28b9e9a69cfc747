/**
 * Errors of the users service's account API (PROTOCOL.md, "Account API") and of the MFA settings. Each class that an
 * app's bundle holds registers its code, so every answer with that code, through any call of the client, throws it.
 * Each is marked pure: a bundle holds only the classes the app and the components it uses import (the built package
 * is one file, and without the mark every class would sit in the sign-in path).
 *
 * The service documents no extra body fields for these codes (the vendor's SDK reads none either), so each keeps
 * the service's `code`, `name` and `message`; the two "too soon" errors add `retryAfter` (see below).
 */
import { namedErrorClass, OAuthTokenError, type ExhError } from './errors.js';

/** 10: the user may not do this. */
export const NoPermissionError = /* @__PURE__ */ namedErrorClass('NoPermissionError', 10);
export type NoPermissionError = ExhError;
/** 15: a field has the wrong format, e.g. an e-mail address, or a password against the policy. */
export const FieldFormatError = /* @__PURE__ */ namedErrorClass('FieldFormatError', 15);
export type FieldFormatError = ExhError;
/** 26: an argument the call cannot take. */
export const IllegalArgumentError = /* @__PURE__ */ namedErrorClass('IllegalArgumentError', 26);
export type IllegalArgumentError = ExhError;
/** 27: the environment cannot do it, e.g. it has no mail template for activation or reset mails. */
export const IllegalStateError = /* @__PURE__ */ namedErrorClass('IllegalStateError', 27);
export type IllegalStateError = ExhError;
/** 202: no account with this e-mail address. */
export const EmailUnknownError = /* @__PURE__ */ namedErrorClass('EmailUnknownError', 202);
export type EmailUnknownError = ExhError;
/** 203: registering an e-mail address that has an account already. */
export const EmailUsedError = /* @__PURE__ */ namedErrorClass('EmailUsedError', 203);
export type EmailUsedError = ExhError;
/** 204: a password reset asked for an account that is not activated. */
export const NotActivatedError = /* @__PURE__ */ namedErrorClass('NotActivatedError', 204);
export type NotActivatedError = ExhError;
/** 205: the activation hash or pin is unknown or expired. */
export const ActivationUnknownError = /* @__PURE__ */ namedErrorClass('ActivationUnknownError', 205);
export type ActivationUnknownError = ExhError;
/** 206: the account is activated already. */
export const AlreadyActivatedError = /* @__PURE__ */ namedErrorClass('AlreadyActivatedError', 206);
export type AlreadyActivatedError = ExhError;
/** 207: the reset link's hash is unknown or expired. */
export const NewPasswordHashUnknownError = /* @__PURE__ */ namedErrorClass('NewPasswordHashUnknownError', 207);
export type NewPasswordHashUnknownError = ExhError;
/** 208: the current password given to a password change is wrong. */
export const PasswordError = /* @__PURE__ */ namedErrorClass('PasswordError', 208);
export type PasswordError = ExhError;
/** 215: the account signs in through an external identity provider: no password to reset. */
export const DisabledForOidcUsersError = /* @__PURE__ */ namedErrorClass('DisabledForOidcUsersError', 215);
export type DisabledForOidcUsersError = ExhError;
/** 218: pin-code mails are not enabled for the environment. */
export const PinCodesNotEnabledError = /* @__PURE__ */ namedErrorClass('PinCodesNotEnabledError', 218);
export type PinCodesNotEnabledError = ExhError;
/** 219: the reset pin is unknown or expired. */
export const NewPasswordPinCodeUnknownError = /* @__PURE__ */ namedErrorClass('NewPasswordPinCodeUnknownError', 219);
export type NewPasswordPinCodeUnknownError = ExhError;
/** 220: too many reset mails without a completed reset (5 by link, 3 by pin): it clears only with a completion. */
export const ForgotPasswordRequestLimitError = /* @__PURE__ */ namedErrorClass('ForgotPasswordRequestLimitError', 220);
export type ForgotPasswordRequestLimitError = ExhError;
/**
 * 221: a reset mail was asked for less than 5 minutes after the previous one. `retryAfter` (set by the
 * account API) is the milliseconds left: exact when this client sent the previous request, else the
 * documented 5 minutes (the service sends no wait).
 */
export const ForgotPasswordRequestTimeoutError = /* @__PURE__ */ namedErrorClass('ForgotPasswordRequestTimeoutError', 221);
export interface ForgotPasswordRequestTimeoutError extends ExhError {
  readonly retryAfter: number;
}
/** 222: too many activation mails without an activation (5 by link, 3 by pin). */
export const ActivationRequestLimitError = /* @__PURE__ */ namedErrorClass('ActivationRequestLimitError', 222);
export type ActivationRequestLimitError = ExhError;
/** 223: an activation mail was asked for less than 5 minutes after the previous one; `retryAfter` as for 221. */
export const ActivationRequestTimeoutError = /* @__PURE__ */ namedErrorClass('ActivationRequestTimeoutError', 223);
export interface ActivationRequestTimeoutError extends ExhError {
  readonly retryAfter: number;
}
/** 224: the pin code is wrong (3 attempts per mail; then 213 until a new mail). */
export const IncorrectPinCodeError = /* @__PURE__ */ namedErrorClass('IncorrectPinCodeError', 224);
export type IncorrectPinCodeError = ExhError;

/**
 * The reason (`useAuth().error`, `client.getState().error`) of a session ended by a completed password reset,
 * which revokes every token of the user. A 108 like any revoked token (`instanceof OAuthTokenError` holds too).
 */
export class SessionEndedByPasswordResetError extends OAuthTokenError {
  override name = 'SessionEndedByPasswordResetError';
}

/** 132: the presence token is missing, expired or not this user's: ask for the password again (`confirmPresence`). */
export const InvalidPresenceTokenError = /* @__PURE__ */ namedErrorClass('InvalidPresenceTokenError', 132);
export type InvalidPresenceTokenError = ExhError;
/** 133: enabling MFA without a verified method, or removing the last verified method while MFA is on. */
export const NotEnoughMfaMethodsError = /* @__PURE__ */ namedErrorClass('NotEnoughMfaMethodsError', 133);
export type NotEnoughMfaMethodsError = ExhError;
