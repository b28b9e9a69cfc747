// @vitest-environment jsdom
/**
 * Every story is a test: rendered with the preview's annotations (loaders, decorators) through
 * composeStories, against the same mock handlers as the preview's service worker (here with msw/node),
 * with its play function run. Then axe looks at what the story shows.
 */
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { screen, waitFor, within } from '@testing-library/dom';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import * as previewAnnotations from '../.storybook/preview';
import * as appStories from '../stories/App.stories';
import * as loginFormStories from '../stories/LoginForm.stories';
import * as mfaStories from '../stories/MfaMethodPicker.stories';
import * as themeStories from '../stories/Theme.stories';
import * as activateStories from '../stories/account/ActivateAccount.stories';
import * as changePasswordStories from '../stories/account/ChangePasswordForm.stories';
import * as signUpStories from '../stories/account/SignUpForm.stories';
import * as forgotStories from '../stories/account/ForgotPasswordForm.stories';
import * as resetStories from '../stories/account/ResetPasswordForm.stories';
import * as authFlowStories from '../stories/account/AuthFlow.stories';
import * as confirmPresenceStories from '../stories/security/ConfirmPresence.stories';
import * as mfaSetupStories from '../stories/security/MfaSetup.stories';
import * as mfaSettingsStories from '../stories/security/MfaSettings.stories';
import * as activeSessionsStories from '../stories/security/ActiveSessions.stories';
import * as accountSecurityStories from '../stories/security/AccountSecurity.stories';
import * as localeStories from '../stories/Locales.stories';
import * as signOutStories from '../stories/SignOutButton.stories';
import * as signInHookStories from '../stories/hooks/SignInHooks.stories';
import * as accountHookStories from '../stories/hooks/AccountHooks.stories';
import * as securityHookStories from '../stories/hooks/SecurityHooks.stories';
import * as helperStories from '../stories/hooks/Helpers.stories';
import { mockHandlers } from '../stories/support/handlers';
import { resetStoryMock } from '../stories/support/storyMock';

const annotations = setProjectAnnotations([previewAnnotations]);

// jsdom has no CSS.escape, which user-event needs to walk a radio group.
if (!window.CSS?.escape) {
  Object.assign(window, { CSS: { ...window.CSS, escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) } });
}

const server = setupServer(...mockHandlers);
beforeAll(async () => {
  await annotations.beforeAll?.();
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => {
  resetStoryMock(); // answers a request a 'pending' story left waiting
  server.close();
});

async function expectNoAxeViolations(container: Element) {
  // jsdom does no layout or colour: contrast is checked by the browser journeys (test/e2e).
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`)).toEqual([]);
}

type StoryModule = Parameters<typeof composeStories>[0];
interface RunnableStory {
  /** Loaders, beforeEach, render into `canvasElement`, play. */
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
  play?: unknown;
}
const composed = (module: StoryModule) => Object.entries(composeStories(module)) as [string, RunnableStory][];

const files: Record<string, StoryModule> = {
  'Full app': appStories,
  LoginForm: loginFormStories,
  MfaMethodPicker: mfaStories,
  SignOutButton: signOutStories,
  Theme: themeStories,
  SignUpForm: signUpStories,
  ActivateAccount: activateStories,
  ChangePasswordForm: changePasswordStories,
  ForgotPasswordForm: forgotStories,
  ResetPasswordForm: resetStories,
  AuthFlow: authFlowStories,
  ConfirmPresence: confirmPresenceStories,
  MfaSetup: mfaSetupStories,
  MfaSettings: mfaSettingsStories,
  ActiveSessions: activeSessionsStories,
  AccountSecurity: accountSecurityStories,
  Locales: localeStories,
  'Hooks/Sign-in hooks': signInHookStories,
  'Hooks/Account hooks': accountHookStories,
  'Hooks/Security hooks': securityHookStories,
  'Hooks/Helpers': helperStories,
};

describe('the story list', () => {
  it('has a story for every state of the components, the themes, and the hooks\' examples', () => {
    const names = (module: StoryModule) => composed(module).map(([name]) => name);
    expect(names(appStories)).toEqual(['FullApp']);
    expect(names(loginFormStories)).toEqual([
      'Idle',
      'HeaderAndFooter',
      'ValidationErrors',
      'Pending',
      'WrongCredentials',
      'TooFast',
      'Frozen',
      'Locked',
      'NetworkError',
      'SignatureRefused',
      'ToMfaStep',
      'ExpiredChallenge',
      'SignedOutElsewhere',
      'Relabelled',
    ]);
    expect(names(mfaStories)).toEqual([
      'TwoMethods',
      'SwitchedToRecoveryCode',
      'OneMethod',
      'ThreeMethods',
      'VerifiedWithCode',
      'VerifiedWithRecoveryCode',
      'IncompleteCode',
      'WrongCode',
      'ReattemptDelay',
      'NetworkError',
      'Relabelled',
    ]);
    expect(names(signOutStories)).toEqual(['SignedIn', 'SignsOut', 'Relabelled']);
    expect(names(themeStories)).toEqual(['Light', 'Dark']);
    expect(names(signUpStories)).toEqual(['Idle', 'PolicyChecklist', 'EmailTaken', 'FewerFields', 'CheckYourEmail', 'ResendWait', 'ResendLimit', 'PinStep']);
    expect(names(activateStories)).toEqual(['Activated', 'AlreadyActivated', 'LinkExpired', 'PinForm', 'WrongPin', 'TooManyWrongPins', 'NewCodeWait']);
    expect(names(changePasswordStories)).toEqual(['Idle', 'WrongCurrentPassword', 'Changed']);
    expect(names(forgotStories)).toEqual(['Idle', 'Sent', 'OidcAccount', 'TooSoon', 'TooMany', 'PinMode']);
    expect(names(resetStories)).toEqual(['ByLink', 'ByPin', 'LinkExpired', 'WrongPin']);
    expect(names(authFlowStories)).toEqual(['SignIn', 'SignUp', 'ForgotPassword', 'ResetPassword', 'Activate']);
    expect(names(confirmPresenceStories)).toEqual(['Inline', 'AsDialog', 'WrongPassword', 'Frozen', 'Locked', 'NetworkError']);
    expect(names(mfaSetupStories)).toEqual(['Password', 'RecoveryCodes', 'AuthenticatorApp', 'WrongCode', 'ReattemptDelay', 'Done', 'AlreadyOn']);
    expect(names(mfaSettingsStories)).toEqual(['On', 'Off', 'TurningOn', 'PasswordDialog', 'NewRecoveryCodes', 'NotEnoughMethods', 'TurnedOff', 'Loading', 'LoadError']);
    expect(names(activeSessionsStories)).toEqual(['SeveralDevices', 'OnlyThisDevice', 'ConfirmThisDevice', 'LoadError']);
    expect(names(accountSecurityStories)).toEqual(['SignedIn', 'WithoutPassword']);
    expect(names(localeStories)).toEqual(['Dutch', 'French', 'German', 'Spanish']);
    // The live examples of the hooks' docs pages (stories/hooks/*.mdx).
    expect(names(signInHookStories)).toEqual(['OwnSignInForm', 'SsoTokenForAnotherDevice']);
    expect(names(accountHookStories)).toEqual(['EmailAvailableAndPolicy']);
    expect(names(securityHookStories)).toEqual(['SessionsAndTwoStep']);
    expect(names(helperStories)).toEqual(['RequireAuthAndProtect']);
  });

  it('keeps the full app first in the sidebar', () => {
    const order = (previewAnnotations.default.parameters?.options as { storySort: { order: Array<string | string[]> } }).storySort.order;
    expect(order[0]).toBe('Full app');
    // A nested list orders the titles under the entry before it: 'Hooks', ['Sign-in hooks', …].
    const titles = order.flatMap((entry, index) => (Array.isArray(entry) ? entry.map((name) => `${order[index - 1] as string}/${name}`) : [entry]));
    expect(titles.filter((title) => title !== 'Hooks')).toEqual(Object.keys(files));
  });
});

for (const [title, module] of Object.entries(files)) {
  describe(title, () => {
    for (const [name, Story] of composed(module)) {
      it(`${name}${Story.play ? ' (with its play function)' : ''}`, async () => {
        const canvasElement = document.createElement('div');
        document.body.append(canvasElement);
        try {
          // Loaders (a clean mock), beforeEach, render, then the play function.
          await Story.run({ canvasElement });
          await expectNoAxeViolations(canvasElement);
        } finally {
          canvasElement.remove();
        }
      });
    }
  });
}

describe('the full app story', () => {
  it('shows the sign-in form, which backend it uses and the mock panel with the current TOTP code', async () => {
    const { FullApp } = composeStories(appStories);
    const canvasElement = document.createElement('div');
    document.body.append(canvasElement);
    await FullApp.run({ canvasElement });
    const canvas = within(canvasElement);
    expect(await canvas.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(canvas.getByText(/Backend: the built-in mock ExH service/)).toBeTruthy();
    expect(canvas.getByRole('complementary', { name: 'Mock ExH service' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('totp-code').textContent).toMatch(/^\d{6}$/));
    canvasElement.remove();
  });
});
