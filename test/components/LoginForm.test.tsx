// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { Profiler } from 'react';
import { LoginForm } from '../../src/components';
import { totp } from '../../src/msw';
import { RequireAuth, useAuth } from '../../src/react';
import {
  advance,
  demo,
  expectNoAxeViolations,
  failLogins,
  mfaUser,
  MFA,
  renderWithAuth,
  setupUser,
  spokenText,
  TOKENS,
  tokensUrl,
  installFakeClock,
  startMockService,
  visibleText,
} from './harness';

const service = startMockService();

const emailInput = () => screen.getByLabelText<HTMLInputElement>('Email');
const passwordInput = () => screen.getByLabelText<HTMLInputElement>('Password');
const submitButton = () => screen.getByRole<HTMLButtonElement>('button', { name: /sign/i });
const alertText = () => screen.getByRole('alert').textContent;
const isPressable = (button: HTMLButtonElement) => !button.disabled && button.getAttribute('aria-disabled') === null;

async function signIn(user: ReturnType<typeof setupUser>, email: string, password: string) {
  await user.clear(emailInput());
  await user.type(emailInput(), email);
  await user.clear(passwordInput());
  await user.type(passwordInput(), password);
  await user.click(submitButton());
}

describe('LoginForm markup', () => {
  it('is a real form with labelled fields and a submit button, usable without styles', async () => {
    const { container } = renderWithAuth(<LoginForm className="app-login" />);
    const form = screen.getByRole('form', { name: 'Sign in' });
    expect(form.tagName).toBe('FORM');
    expect(form).toHaveProperty('noValidate', true);
    expect(form.className).toBe('exh-auth exh-auth--login app-login');
    expect(form.getAttribute('data-state')).toBe('idle');

    expect(emailInput().type).toBe('email');
    expect(emailInput().autocomplete).toBe('username');
    expect(emailInput().name).toBe('email');
    expect(passwordInput().type).toBe('password');
    expect(passwordInput().autocomplete).toBe('current-password');
    expect(passwordInput().name).toBe('password');
    // Visible labels, tied to their inputs.
    expect(container.querySelectorAll('label')).toHaveLength(2);
    expect(submitButton().type).toBe('submit');
    expect(submitButton().textContent).toBe('Sign in');
    expect(document.querySelectorAll('style, link[rel="stylesheet"]')).toHaveLength(0);
    await expectNoAxeViolations(container);
  });

  it('shows and hides the password with an eye button inside the field: one name, its pressed state following', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<LoginForm />);
    const toggle = screen.getByRole('button', { name: 'Show password', pressed: false });
    expect(toggle.getAttribute('type')).toBe('button');
    // Inside the field, next to the input: the stylesheet puts it at the input's right end.
    expect(toggle.parentElement).toBe(passwordInput().parentElement);
    await user.type(passwordInput(), 'secret');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Show password', pressed: true })).toBe(toggle);
    expect(toggle.getAttribute('aria-controls')).toBe(passwordInput().id);
    expect(passwordInput().type).toBe('text');
    expect(passwordInput().value).toBe('secret');
    await expectNoAxeViolations(container);
    // Keyboard: Space on the focused toggle.
    toggle.focus();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: 'Show password', pressed: false })).toBe(toggle);
    expect(passwordInput().type).toBe('password');
    expect(service.db.count('POST')).toBe(0);
  });

  it('is operable by keyboard alone: tab order and Enter submits', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    await user.tab();
    expect(document.activeElement).toBe(emailInput());
    await user.keyboard(demo.email);
    await user.tab();
    expect(document.activeElement).toBe(passwordInput());
    await user.keyboard(demo.password);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show password' }));
    await user.tab();
    expect(document.activeElement).toBe(submitButton());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  });
});

describe('LoginForm header', () => {
  it('has none by default: the form is named by its label', () => {
    renderWithAuth(<LoginForm />);
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByRole('form', { name: 'Sign in' }).getAttribute('aria-labelledby')).toBeNull();
  });

  it('shows the logo, the title "Sign in" and "to continue to {appName}", the title naming the form', async () => {
    const { container } = renderWithAuth(
      <LoginForm logo={<img src="data:," alt="Acme Clinic" />} appName="Acme Clinic" headingLevel={1} />,
    );
    const heading = screen.getByRole('heading', { name: 'Sign in', level: 1 });
    const form = screen.getByRole('form', { name: 'Sign in' });
    expect(form.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(form.getAttribute('aria-label')).toBeNull();
    const header = heading.parentElement!;
    expect(header.firstElementChild).toBe(screen.getByRole('img', { name: 'Acme Clinic' }));
    expect(header.lastElementChild!.textContent).toBe('to continue to Acme Clinic');
    // Before the fields.
    expect(header.compareDocumentPosition(emailInput()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('takes the app\'s own title and subtitle, and relabelled words', () => {
    const { unmount } = renderWithAuth(<LoginForm title="Welcome back" subtitle={<>Use your <b>clinic</b> account</>} />);
    expect(screen.getByRole('form', { name: 'Welcome back' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Welcome back', level: 2 })).toBeTruthy();
    expect(screen.getByText('clinic').parentElement!.textContent).toBe('Use your clinic account');
    unmount();
    renderWithAuth(<LoginForm title appName="Acme" labels={{ formName: 'Log in', subtitle: (app) => `for ${app}` }} />);
    expect(screen.getByRole('form', { name: 'Log in' })).toBeTruthy();
    expect(screen.getByText('for Acme')).toBeTruthy();
  });
});

describe('LoginForm footer', () => {
  it('holds the two buttons and the app\'s own content, after the submit button', () => {
    renderWithAuth(<LoginForm onForgotPassword={() => {}} onCreateAccount={() => {}} footer={<a href="/help">Help</a>} />);
    const footer = screen.getByRole('link', { name: 'Help' }).parentElement!;
    expect([...footer.children].map((child) => child.textContent)).toEqual(['Forgot password?', 'Create an account', 'Help']);
    expect(submitButton().nextElementSibling).toBe(footer);
  });

  it('is not there without content', () => {
    const { container } = renderWithAuth(<LoginForm />);
    expect(container.querySelector('form')!.lastElementChild).toBe(submitButton());
  });
});

describe('LoginForm links to other views', () => {
  it('shows "Forgot password?" and "Create an account" only with their callbacks, after the submit button', async () => {
    const user = setupUser();
    const { unmount } = renderWithAuth(<LoginForm />);
    expect(screen.queryByRole('button', { name: 'Forgot password?' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create an account' })).toBeNull();

    const onForgotPassword = vi.fn();
    const onCreateAccount = vi.fn();
    unmount();
    renderWithAuth(
      <LoginForm
        onForgotPassword={onForgotPassword}
        onCreateAccount={onCreateAccount}
        labels={{ createAccount: 'Register' }}
      />,
    );
    const forgot = screen.getByRole('button', { name: 'Forgot password?' });
    // Buttons, not submits: pressing one sends nothing.
    expect(forgot.getAttribute('type')).toBe('button');
    await user.click(forgot);
    expect(onForgotPassword).toHaveBeenCalledTimes(1);
    // Keyboard: after the submit button in the tab order.
    submitButton().focus();
    await user.tab();
    expect(document.activeElement).toBe(forgot);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Register' }));
    await user.keyboard('{Enter}');
    expect(onCreateAccount).toHaveBeenCalledTimes(1);
    expect(service.db.count('POST', TOKENS)).toBe(0);
  });
});

describe('LoginForm typing', () => {
  it('does not re-render the form per keystroke before the first submit', async () => {
    const user = setupUser();
    let commits = 0;
    renderWithAuth(
      <Profiler id="login" onRender={() => commits++}>
        <LoginForm />
      </Profiler>,
    );
    await act(async () => {});
    const afterMount = commits;
    await user.click(emailInput());
    await user.type(emailInput(), 'demo@example.com');
    await user.type(passwordInput(), 'demo-password');
    await user.tab();
    expect(commits).toBe(afterMount);
  });
});

describe('LoginForm validation', () => {
  it('says what is missing, ties the message to the field, focuses it, and sends nothing', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<LoginForm />);
    await user.click(submitButton());

    const emailError = await screen.findByText('Enter your email address.');
    expect(emailInput().getAttribute('aria-invalid')).toBe('true');
    expect(emailInput().getAttribute('aria-describedby')).toBe(emailError.id);
    expect(passwordInput().getAttribute('aria-invalid')).toBe('true');
    expect(passwordInput().getAttribute('aria-describedby')).toBe(screen.getByText('Enter your password.').id);
    expect(document.activeElement).toBe(emailInput());
    expect(service.db.count('POST', TOKENS)).toBe(0);
    await expectNoAxeViolations(container);

    await user.type(emailInput(), 'not-an-email');
    await user.click(submitButton());
    await screen.findByText('Enter an email address like name@example.com.');
    expect(document.activeElement).toBe(emailInput());

    await user.clear(emailInput());
    await user.type(emailInput(), demo.email);
    await user.click(submitButton());
    await waitFor(() => expect(document.activeElement).toBe(passwordInput()));
    expect(emailInput().getAttribute('aria-invalid')).toBeNull();
    expect(emailInput().getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/Enter an email address/)).toBeNull();
    expect(service.db.count('POST', TOKENS)).toBe(0);
  });

  it('after the first submit, checks a field again as it is typed, re-rendering only when its message changes', async () => {
    const user = setupUser();
    let commits = 0;
    renderWithAuth(
      <Profiler id="login" onRender={() => commits++}>
        <LoginForm />
      </Profiler>,
    );
    await user.type(emailInput(), 'name@example');
    await user.click(submitButton());
    expect(await screen.findByText('Enter an email address like name@example.com.')).toBeTruthy();
    await user.type(emailInput(), '.com');
    expect(screen.queryByText(/Enter an email address/)).toBeNull();
    expect(emailInput().getAttribute('aria-invalid')).toBeNull();
    // The password's message stays until the password is typed.
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    const afterFix = commits;
    await user.type(emailInput(), 'x');
    expect(commits).toBe(afterFix);
    await user.type(passwordInput(), 'p');
    expect(screen.queryByText('Enter your password.')).toBeNull();
    await user.clear(passwordInput());
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(service.db.count('POST', TOKENS)).toBe(0);
  });

  it('sends what a password manager filled in without an input event', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    // Set as some autofills do: the value only, no event.
    emailInput().value = demo.email;
    passwordInput().value = demo.password;
    await user.click(submitButton());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('Enter your email address.')).toBeNull();
  });

  it('trims the email but sends the password exactly as typed', async () => {
    const user = setupUser();
    service.db.addUser({ email: 'spaces@example.com', password: '  pass with spaces  ' });
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    await signIn(user, '   spaces@example.com  ', '  pass with spaces  ');
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ userId: service.db.users.at(-1)!.id });
    // The UI gets the session without its token secret.
    expect(onSuccess.mock.calls[0]![0]).not.toHaveProperty('tokenSecret');
  });
});

describe('LoginForm submitting', () => {
  it('shows progress while the request is under way, the button aria-disabled and still focused', async () => {
    const user = setupUser();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Holds the request, then lets it through to the mock service.
    service.server.use(http.post(tokensUrl, () => held));
    const onSuccess = vi.fn();
    const { container } = renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    await signIn(user, demo.email, demo.password);

    const button = await screen.findByRole<HTMLButtonElement>('button', { name: 'Signing in…' });
    // Not `disabled`: a disabled button drops the keyboard focus to the page.
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('form').getAttribute('data-state')).toBe('submitting');
    await expectNoAxeViolations(container);

    // Pressed again while pending, by mouse and by keyboard: nothing more is sent.
    await user.click(button);
    await user.keyboard('{Enter}');
    await user.type(passwordInput(), '{Enter}');
    release();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', TOKENS)).toBe(1);
    expect(submitButton().textContent).toBe('Sign in');
    expect(submitButton().getAttribute('aria-busy')).toBeNull();
    expect(isPressable(submitButton())).toBe(true);
  });

  it('says nothing when the sign-in is overtaken by a sign-out (the user moved on)', async () => {
    const user = setupUser();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    service.server.use(http.post(tokensUrl, () => held));
    const onSuccess = vi.fn();
    const { client } = renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    await signIn(user, demo.email, demo.password);
    await screen.findByRole('button', { name: 'Signing in…' });
    await act(() => client().logout());
    release();
    await waitFor(() => expect(submitButton().textContent).toBe('Sign in'));
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(onSuccess).not.toHaveBeenCalled();
    expect(client().getState().status).toBe('unauthenticated');
    // The grant that answered late was revoked, not left active.
    await waitFor(() => expect(service.db.tokensOf(demo.email)).toEqual([]));
  });

  it('does not keep the password once signed in', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    await signIn(user, demo.email, demo.password);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    // The form is still on screen here (the app did not replace it): the password is gone from it.
    expect(passwordInput().value).toBe('');
    expect(emailInput().value).toBe(demo.email);
  });

  it('sends one request for a double click', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    await user.type(emailInput(), demo.email);
    await user.type(passwordInput(), demo.password);
    await user.dblClick(submitButton());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', TOKENS)).toBe(1);
  });
});

describe('LoginForm server answers', () => {
  it('106: wrong email or password, email kept, focus on the message', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, 'wrong-password');
    await waitFor(() => expect(alertText()).toBe('The email or password is not correct.'));
    // Focus moves to the message, which is read out, rather than staying on a button or being lost.
    const alert = screen.getByRole('alert');
    expect(document.activeElement).toBe(alert);
    expect(alert.tabIndex).toBe(-1);
    expect(emailInput().value).toBe(demo.email);
    expect(screen.getByRole('form').getAttribute('data-state')).toBe('error');
    expect(service.db.requests.at(-1)?.code).toBe(106);
    await expectNoAxeViolations(container);
  });

  it('211: too fast after a failure', async () => {
    const user = setupUser();
    renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, 'wrong-password');
    await waitFor(() => expect(alertText()).toBe('The email or password is not correct.'));
    await user.click(submitButton());
    await waitFor(() => expect(alertText()).toBe('That was too quick after the last attempt. Wait a second and try again.'));
    expect(service.db.requests.at(-1)?.code).toBe(211);
    expect(emailInput().value).toBe(demo.email);
  });

  it('212: counts the 60 s freeze down live, with submit disabled until it ends', async () => {
    installFakeClock();
    const user = setupUser();
    expect(await failLogins(demo.email, 9)).toEqual(Array(9).fill(106));
    const { container } = renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, 'wrong-password');
    await waitFor(() => expect(alertText()).toMatch(/^Too many failed attempts/));
    expect(service.db.requests.at(-1)?.code).toBe(212);

    const alert = screen.getByRole('alert');
    const secondsShown = () => Number(/in (\d+) seconds?/.exec(visibleText(alert))?.[1]);
    const start = secondsShown();
    expect(start).toBeGreaterThanOrEqual(59);
    expect(start).toBeLessThanOrEqual(60);
    expect(submitButton().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('form').getAttribute('data-state')).toBe('frozen');
    await expectNoAxeViolations(container);

    advance(10_000);
    expect(secondsShown()).toBeLessThanOrEqual(start - 10);
    expect(secondsShown()).toBeGreaterThanOrEqual(start - 11);
    expect(submitButton().getAttribute('aria-disabled')).toBe('true');
    // Neither a click nor Enter in a field gets round the freeze.
    await user.click(submitButton());
    await user.type(passwordInput(), '{Enter}');
    expect(service.db.count('POST', TOKENS)).toBe(10);

    advance(51_000);
    expect(alertText()).toBe('You can try to sign in again.');
    expect(isPressable(submitButton())).toBe(true);
    await signIn(user, demo.email, demo.password);
    await waitFor(() => expect(service.db.requests.at(-1)?.status).toBe(200));
  });

  it('212: the announced sentence does not change every second', async () => {
    installFakeClock();
    const user = setupUser();
    await failLogins(demo.email, 9);
    renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, 'wrong-password');
    await waitFor(() => expect(alertText()).toMatch(/^Too many failed attempts/));
    const alert = screen.getByRole('alert');
    expect(spokenText(alert)).toBe('Too many failed attempts. Try again in 60 seconds.');
    advance(5_000);
    expect(spokenText(alert)).toBe('Too many failed attempts. Try again in 60 seconds.');
    expect(visibleText(alert)).not.toBe('Too many failed attempts. Try again in 60 seconds.');
  });

  it('213: locked, contact an administrator', async () => {
    installFakeClock();
    const user = setupUser();
    const codes = await failLogins(demo.email, 49);
    expect(codes.filter((c) => c === 212)).toHaveLength(4);
    const { container } = renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, 'wrong-password');
    await waitFor(() =>
      expect(alertText()).toBe(
        'This account is locked after too many failed attempts. Contact an administrator to unlock it.',
      ),
    );
    expect(service.db.requests.at(-1)?.code).toBe(213);
    expect(emailInput().value).toBe(demo.email);
    await expectNoAxeViolations(container);
  });

  it('NetworkError: cannot reach the server', async () => {
    const user = setupUser();
    service.server.use(http.post(tokensUrl, () => HttpResponse.error()));
    renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, demo.password);
    await waitFor(() => expect(alertText()).toBe('The server cannot be reached. Check your connection and try again.'));
    expect(emailInput().value).toBe(demo.email);
  });

  it('anything else: a generic sentence with the error name for support', async () => {
    const user = setupUser();
    service.db.failNext(1, { status: 502, body: '<html>Bad gateway</html>' }, { method: 'POST', path: TOKENS });
    renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, demo.password);
    await waitFor(() =>
      expect(alertText()).toBe('Something went wrong while signing in. Try again later. (Error: ExhError)'),
    );
    service.db.failNext(1, { status: 401, body: { code: 110, name: 'DUPLICATE_REQUEST_EXCEPTION', message: 'x' } });
    await user.click(submitButton());
    await waitFor(() => expect(alertText()).toMatch(/\(Error: DuplicateRequestError 110\)$/));
  });

  it('109: the signature was refused, so the device clock is suspect', async () => {
    const user = setupUser();
    service.db.failNext(1, { status: 401, body: { code: 109, name: 'OAUTH_SIGNATURE_EXCEPTION', message: 'x' } });
    renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, demo.password);
    await waitFor(() =>
      expect(alertText()).toBe(
        "The request could not be verified. Check that your device's date and time are set correctly.",
      ),
    );
    expect(service.db.requests.at(-1)?.code).toBe(109);
  });

  it('announces a repeated error again: the alert is emptied while the next request runs', async () => {
    const user = setupUser();
    renderWithAuth(<LoginForm />);
    await signIn(user, demo.email, 'wrong-password');
    await waitFor(() => expect(alertText()).toBe('The email or password is not correct.'));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    service.server.use(http.post(tokensUrl, () => held, { once: true }));
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the 211 rule
    await user.click(submitButton());
    await waitFor(() => expect(alertText()).toBe(''));
    release();
    await waitFor(() => expect(alertText()).toBe('The email or password is not correct.'));
  });
});

describe('LoginForm MFA step', () => {
  it('shows the method picker, moves focus into it, and tells the app', async () => {
    const user = setupUser();
    const onMfaRequired = vi.fn();
    const { container } = renderWithAuth(<LoginForm onMfaRequired={onMfaRequired} />);
    await signIn(user, mfaUser.email, mfaUser.password);
    const form = await screen.findByRole('form', { name: 'Two-step verification' });
    expect(form.className).toContain('exh-auth');
    expect(document.activeElement).toBe(screen.getByLabelText('Authenticator app code'));
    expect(onMfaRequired).toHaveBeenCalledTimes(1);
    expect(onMfaRequired.mock.calls[0]![0]).toMatchObject({ methods: [{ type: 'totp' }, { type: 'recoveryCodes' }] });
    expect(screen.queryByLabelText('Password')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('says the account the step is for (the email as typed, trimmed), at the heading level of the header', async () => {
    const user = setupUser();
    renderWithAuth(<LoginForm title headingLevel={3} />);
    await signIn(user, `  ${mfaUser.email} `, mfaUser.password);
    const heading = await screen.findByRole('heading', { name: 'Two-step verification', level: 3 });
    expect(screen.getByRole('form', { name: 'Two-step verification' }).getAttribute('aria-labelledby')).toBe(heading.id);
    expect(screen.getByText(`Signing in as ${mfaUser.email}`)).toBeTruthy();
  });

  it('signs in with the code and calls onSuccess', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    await signIn(user, mfaUser.email, mfaUser.password);
    await screen.findByRole('form', { name: 'Two-step verification' });
    await user.keyboard(await totp(mfaUser.mfa!.totpSecret));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', MFA)).toBe(1);
  });

  it('Back returns to the password step with the email kept and the password gone', async () => {
    const user = setupUser();
    const { container, client } = renderWithAuth(<LoginForm />);
    await signIn(user, mfaUser.email, mfaUser.password);
    await screen.findByRole('form', { name: 'Two-step verification' });
    await user.click(screen.getByRole('button', { name: 'Back' }));

    expect(screen.getByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(emailInput().value).toBe(mfaUser.email);
    // The password is asked again, and focus waits there (the code input it was in is gone).
    expect(passwordInput().value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(passwordInput()));
    expect(client().getState()).toMatchObject({ status: 'unauthenticated', error: null });
    expect(alertText()).toBe('');
    await expectNoAxeViolations(container);
  });

  it('an expired challenge brings back the password step, saying so', async () => {
    installFakeClock();
    const user = setupUser();
    const { container } = renderWithAuth(<LoginForm />);
    await signIn(user, mfaUser.email, mfaUser.password);
    await screen.findByRole('form', { name: 'Two-step verification' });

    advance(15 * 60_000);
    await screen.findByRole('form', { name: 'Sign in' });
    expect(alertText()).toBe('Your verification expired — sign in again.');
    expect(emailInput().value).toBe(mfaUser.email);
    expect(passwordInput().value).toBe('');
    // The message has the focus, so it is read out (the code input it was in is gone).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
    await expectNoAxeViolations(container);

    // Signing in again starts afresh: the message goes.
    await user.type(passwordInput(), mfaUser.password);
    await user.click(submitButton());
    await screen.findByRole('form', { name: 'Two-step verification' });
  });

  it('131 from the server (challenge gone) brings back the password step, saying so', async () => {
    const user = setupUser();
    renderWithAuth(<LoginForm />);
    await signIn(user, mfaUser.email, mfaUser.password);
    await screen.findByRole('form', { name: 'Two-step verification' });
    service.db.failNext(1, {
      status: 400,
      body: { code: 131, name: 'INVALID_MFA_TOKEN_EXCEPTION', message: 'The MFA token is unknown or expired' },
    });
    await user.keyboard('123456');
    await screen.findByRole('form', { name: 'Sign in' });
    expect(alertText()).toBe('Your verification expired — sign in again.');
    expect(emailInput().value).toBe(mfaUser.email);
  });
});

describe('LoginForm after a session ends elsewhere', () => {
  /** An app's page behind RequireAuth, with a button that makes a signed-in request. */
  function SignedInPage() {
    const client = useAuth((auth) => auth.client);
    return (
      <button type="button" onClick={() => void client.me().catch(() => {})}>
        Refresh profile
      </button>
    );
  }

  it('108 on a signed-in request: the form comes back saying the session was ended elsewhere', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(
      <RequireAuth fallback={<LoginForm />}>
        <SignedInPage />
      </RequireAuth>,
    );
    await signIn(user, demo.email, demo.password);
    const refresh = await screen.findByRole('button', { name: 'Refresh profile' });

    // Signed out from another device (e.g. "sign out everywhere" there).
    const [token] = service.db.tokensOf(demo.email);
    expect(service.db.revokeToken(token!.id)).toBe(true);
    await user.click(refresh);

    await screen.findByRole('form', { name: 'Sign in' });
    expect(service.db.requests.at(-1)?.code).toBe(108);
    expect(alertText()).toBe('You were signed out because the session was ended elsewhere.');
    expect(screen.getByRole('form').getAttribute('data-state')).toBe('error');
    // Focus was on a button that is gone: it goes to the message.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
    await expectNoAxeViolations(container);

    // Signing in again: the message goes.
    await signIn(user, demo.email, demo.password);
    await user.click(await screen.findByRole('button', { name: 'Refresh profile' }));
    await waitFor(() => expect(service.db.requests.at(-1)).toMatchObject({ method: 'GET', status: 200 }));
  });
});
