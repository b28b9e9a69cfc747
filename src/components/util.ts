import { NetworkError, OAuthSignatureError, type ExhError } from '../core/index.js';
import type { LoginFormLabels } from './labels.js';

export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** The sentence of the errors both forms word alike. */
export function commonMessage(
  error: unknown,
  labels: Pick<LoginFormLabels, 'networkError' | 'signatureRefused' | 'unknownError'>,
): string {
  if (error instanceof NetworkError) return labels.networkError;
  if (error instanceof OAuthSignatureError) return labels.signatureRefused;
  // What support needs to tell an unexpected error apart: its class name, and the service's code when there is one.
  const { name = 'UnknownError', code } = (error ?? {}) as Partial<ExhError>;
  return labels.unknownError(code === undefined ? name : `${name} ${code}`);
}
