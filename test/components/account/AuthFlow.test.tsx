// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { AuthFlow, type AuthFlowView } from '../../../src/components';
import { accountApi, createExhClient } from '../../../src/core';
import { consumerKey, consumerSecret, demo, expectNoAxeViolations, host, renderWithAuth, setupUser, startMockService } from '../harness';

const service = startMockService();
vi.setConfig({ testTimeout: 20_000 });

const heading = () => screen.getByRole('heading', { level: 2, name: (_, element) => element.classList.contains('exh-auth__heading') });
const otherClient = () => createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });

function openLink(link: string) {
  const url = new URL(link);
  window.history.replaceState(null, '', `${url.pathname}${url.search}`);
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('AuthFlow', () => {
  it.each([
    ['signIn', 'Sign in', 'Sign in'],
    ['signUp', 'Create an account', 'Create an account'],
    ['forgotPassword', 'Forgot your password?', 'Reset your password'],
    ['resetPassword', 'Choose a new password', 'Choose a new password'],
    ['activate', 'Activate your account', null],
  ] as const)('initialView %s', async (initialView: AuthFlowView, title, formName) => {
    const { container } = renderWithAuth(<AuthFlow initialView={initialView} />);
    expect((await screen.findByRole('heading', { name: title, level: 2 })).className).toBe('exh-auth__heading');
    if (formName) expect(screen.getByRole('form', { name: formName })).toBeTruthy();
    // The flow first shows without taking the focus.
    expect(document.activeElement).toBe(document.body);
    await expectNoAxeViolations(container);
  });

  it('a reset link in the address opens the new-password view on its hash', async () => {
    await accountApi(otherClient()).requestPasswordReset({ email: demo.email });
    openLink(service.db.lastMail(demo.email, 'reset')!.link!);
    const user = setupUser();
    const { container } = renderWithAuth(<AuthFlow />);
    await screen.findByRole('heading', { name: 'Choose a new password' });
    expect(window.location.search).toBe('');
    expect(screen.queryByLabelText('Email')).toBeNull();
    await user.type(screen.getByLabelText('New password'), 'Brand-new-password7');
    await user.type(screen.getByLabelText('Confirm the new password'), 'Brand-new-password7');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('Your password is changed: sign in with the new one.');
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(heading().textContent).toBe('Sign in');
  });

  it('an activation link in the address opens the activation, which activates the account', async () => {
    const email = 'inactive@example.com';
    const account = service.db.addUser({ email, password: 'Some-password1', firstName: 'A', lastName: 'B', activation: false });
    await accountApi(otherClient()).requestActivation({ email });
    openLink(service.db.lastMail(email, 'activation')!.link!);
    const { container } = renderWithAuth(<AuthFlow initialView="signUp" />);
    await screen.findByRole('heading', { name: 'Activate your account' });
    await screen.findByText('Your account is activated');
    expect(account.activation).toBe(true);
    expect(window.location.search).toBe('');
    await expectNoAxeViolations(container);
  });

  it('the parameters are configurable', async () => {
    await accountApi(otherClient()).requestPasswordReset({ email: demo.email });
    const hash = service.db.lastMail(demo.email, 'reset')!.hash!;
    window.history.replaceState(null, '', `/?r=${hash}&keep=1`);
    renderWithAuth(<AuthFlow resetHashParam="r" />);
    await screen.findByRole('heading', { name: 'Choose a new password' });
    expect(window.location.search).toBe('?keep=1');
  });

  it('every view is reachable by keyboard alone, focus on the new view heading', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<AuthFlow />);
    await screen.findByRole('heading', { name: 'Sign in' });

    async function tabTo(name: string) {
      for (let i = 0; i < 30 && document.activeElement?.textContent !== name; i++) await user.tab();
      expect(document.activeElement?.textContent).toBe(name);
      await user.keyboard('{Enter}');
    }

    await tabTo('Forgot password?');
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(heading().textContent).toBe('Forgot your password?');
    await expectNoAxeViolations(container);
    await tabTo('Back to sign in');
    await waitFor(() => expect(heading().textContent).toBe('Sign in'));
    expect(document.activeElement).toBe(heading());
    await tabTo('Create an account');
    await waitFor(() => expect(heading().textContent).toBe('Create an account'));
    expect(document.activeElement).toBe(heading());
    await expectNoAxeViolations(container);
    await tabTo('Already have an account? Sign in');
    await waitFor(() => expect(heading().textContent).toBe('Sign in'));
    expect(document.activeElement).toBe(heading());
  });

  it('signs in, calls onSignedIn with the session, then renders its children', async () => {
    const user = setupUser();
    const onSignedIn = vi.fn();
    renderWithAuth(
      <AuthFlow onSignedIn={onSignedIn}>
        <p>Welcome</p>
      </AuthFlow>,
    );
    await user.type(await screen.findByLabelText('Email'), demo.email);
    await user.type(screen.getByLabelText('Password'), demo.password);
    await user.keyboard('{Enter}');
    await screen.findByText('Welcome');
    expect(onSignedIn).toHaveBeenCalledTimes(1);
    expect(onSignedIn.mock.calls[0]![0]).toMatchObject({ userId: service.db.tokensOf(demo.email)[0]!.userId });
    expect(onSignedIn.mock.calls[0]![0]).not.toHaveProperty('tokenSecret');
  });

  it('renders nothing while signed in without children', async () => {
    const onSignedIn = vi.fn();
    const { container, client } = renderWithAuth(<AuthFlow onSignedIn={onSignedIn} />);
    await screen.findByRole('heading', { name: 'Sign in' });
    await client().authenticate({ email: demo.email, password: demo.password });
    await waitFor(() => expect(container.querySelector('.exh-auth')).toBeNull());
    // Signed in by the app's own call on the same client: a sign-in all the same.
    expect(onSignedIn).toHaveBeenCalledTimes(1);
  });

  it('passes labels to each view', async () => {
    const user = setupUser();
    renderWithAuth(
      <AuthFlow
        labels={{
          flow: { signInHeading: 'Anmelden', forgotPasswordHeading: 'Passwort vergessen' },
          signIn: { forgotPassword: 'Passwort vergessen?' },
          forgotPassword: { submit: 'Senden' },
        }}
      />,
    );
    await screen.findByRole('heading', { name: 'Anmelden' });
    await user.click(screen.getByRole('button', { name: 'Passwort vergessen?' }));
    await screen.findByRole('heading', { name: 'Passwort vergessen' });
    expect(screen.getByRole('button', { name: 'Senden' })).toBeTruthy();
  });
});
