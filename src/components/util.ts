import { ExhError } from '../core/index.js';

export function classNames(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** What support needs to tell an unexpected error apart: its class name, and the service's code when there is one. */
export function errorName(error: unknown): string {
  if (error instanceof ExhError && error.code !== undefined) return `${error.name} ${error.code}`;
  if (error instanceof Error) return error.name;
  return 'UnknownError';
}
