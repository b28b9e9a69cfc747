import type { ExhClient } from '../core/index.js';
import { useExhContext } from './context.js';

/** The provider's client: `client.http` signs calls to any other ExH endpoint. */
export function useExhClient(): ExhClient {
  return useExhContext().client;
}
