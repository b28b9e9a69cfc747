import type { HttpHandler } from 'msw';
import { demoMock, realCluster } from '../demo/backend';
import { storyHandlers } from './storyMock';

/**
 * Every mock handler of the Storybook: the component stories' service (always), and the Full app's
 * unless it talks to a real cluster. The preview's service worker and test/stories.test.tsx
 * (msw/node) use this same list.
 */
export const mockHandlers: HttpHandler[] = [...storyHandlers, ...(realCluster ? [] : demoMock.handlers)];
