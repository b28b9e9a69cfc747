import type { Decorator } from '@storybook/react-vite';
import type { ExhClient } from '../../src/core';
import { AuthProvider, useAuth } from '../../src/react';
import { resetStoryMock, storyClient } from './storyMock';

/** What `loaders` hand a story: the client its AuthProvider gets. */
export interface StoryLoaded {
  client?: ExhClient;
}

/**
 * Every component story starts on a clean mock service with a fresh client (its session in memory).
 * A story's own loader may replace `client`, e.g. with one already at the MFA step: loaders run
 * project → component → story, so it runs after this reset.
 */
export const freshMock = async (): Promise<StoryLoaded> => {
  resetStoryMock();
  return { client: storyClient() };
};

/** The session's status, under the story: where a sign-in ends. */
function AuthStatus() {
  const status = useAuth((auth) => auth.status);
  return (
    <p style={{ font: '0.875rem system-ui, sans-serif' }}>
      Session: <output data-testid="auth-status">{status}</output>
    </p>
  );
}

/** Wraps the story in an AuthProvider on the loaded client. */
export const withAuth: Decorator = (Story, { loaded }) => {
  const { client } = loaded as StoryLoaded;
  if (!client) throw new Error('withAuth needs a client from the freshMock loader');
  return (
    <AuthProvider client={client}>
      <Story />
      <AuthStatus />
    </AuthProvider>
  );
};
