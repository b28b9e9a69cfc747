import type { Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import '../src/styles.css';
import { loadMockState, MOCK_STATE_KEY, mockConfig, realCluster, saveMockState } from '../stories/demo/backend';
import { mockHandlers } from '../stories/support/handlers';

/**
 * Starts the mock ExH services in the browser (MSW's service worker): the component stories' one always,
 * the Full app's one unless a real cluster is configured. Not in jsdom or Node (no service worker
 * there): test/stories.test.tsx serves the same handlers with msw/node.
 */
async function startMockWorker() {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const { setupWorker } = await import('msw/browser');
  // MSW's start() calls update() on the registration it finds without waiting for it (mswjs/msw#2006). Going from
  // one story to the next, the previous page's worker unregisters itself once its last page is gone: that update
  // then rejects, with nothing left to update. Not an error of the story.
  window.addEventListener('unhandledrejection', (event) => {
    const message = event.reason instanceof Error ? event.reason.message : '';
    if (message.startsWith('Failed to update a ServiceWorker') && message.includes('/mockServiceWorker.js')) event.preventDefault();
  });
  if (!realCluster) {
    loadMockState();
    // Another tab changed the Full app's service: take its state, so an SSO link or a revoke is seen here too.
    window.addEventListener('storage', (event) => event.key === MOCK_STATE_KEY && loadMockState());
  }
  const worker = setupWorker(...mockHandlers);
  worker.events.on('response:mocked', ({ request }) => {
    if (!realCluster && request.url.startsWith(`${mockConfig.host}/`)) saveMockState();
  });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: './mockServiceWorker.js' } });
}

const ready = startMockWorker();

// The play functions' waits (findBy…, waitFor) give up after 5 s, not 1 s: CI plays every story on a busy
// machine. A wait that succeeds still ends as soon as it does.
configure({ asyncUtilTimeout: 5_000 });

const preview: Preview = {
  // A docs page for every component: its props table, then each story live (the Full app and Theme opt out).
  tags: ['autodocs'],
  // Project loaders run before the components' and stories' ones: no story talks to the mock before it is up.
  loaders: [async () => (await ready, {})],
  parameters: {
    layout: 'padded',
    // Each story of a docs page in a frame of its own: the stories share one mock service, which each one resets.
    docs: { story: { inline: false, height: '32rem' } },
    options: {
      storySort: {
        order: [
          'Full app',
          'LoginForm',
          'MfaMethodPicker',
          'SignOutButton',
          'Theme',
          'SignUpForm',
          'ActivateAccount',
          'ChangePasswordForm',
          'ForgotPasswordForm',
          'ResetPasswordForm',
          'AuthFlow',
          'ConfirmPresence',
          'MfaSetup',
          'MfaSettings',
          'ActiveSessions',
          'AccountSecurity',
          'Locales',
          'Hooks',
          ['Sign-in hooks', 'Account hooks', 'Security hooks', 'Helpers'],
        ],
      },
    },
  },
};
export default preview;
