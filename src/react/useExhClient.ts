import type { ExhClient } from '../core';
import { useExhContext } from './context';

/** The provider's client: `client.http` signs calls to any other ExH endpoint. */
export function useExhClient(): ExhClient {
  return useExhContext().client;
}
