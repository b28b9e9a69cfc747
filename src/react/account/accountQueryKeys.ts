import { exhQueryKeys } from '../queryKeys.js';

/**
 * Query keys of the account queries. Neither is per session: a password policy or an e-mail's availability is the
 * same signed in or out, so they are scoped by host only (not by the client's session scope) and survive sign-in
 * and sign-out.
 */
export const accountQueryKeys = {
  passwordPolicy: (host?: string) => [...exhQueryKeys.all, 'passwordPolicy', ...(host === undefined ? [] : [host])] as const,
  emailAvailable: (host?: string, email?: string) =>
    [...exhQueryKeys.all, 'emailAvailable', ...(host === undefined ? [] : [host]), ...(email === undefined ? [] : [email])] as const,
};
