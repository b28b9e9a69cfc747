// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { Profiler, StrictMode, useState } from 'react';
import { ForgotPasswordForm, LoginForm, ResetPasswordForm, defaultForgotPasswordLabels } from '../../../src/components';
import { accountApi, createExhClient, SessionEndedByPasswordResetError } from '../../../src/core';
import { AuthProvider, useAuth } from '../../../src/react';
import {
  advance,
  consumerKey,
  consumerSecret,
  demo,
  expectNoAxeViolations,
  host,
  installFakeClock,
  renderWithAuth,
  setupUser,
  spokenText,
  startMockService,
  visibleText,
} from '../harness';

const service = startMockService();
// Typing passwords with the checklist live is slow in jsdom.
vi.setConfig({ testTimeout: 20_000 });
const NEW_PASSWORD = 'Brand-new-password7';

const otherClient = () => createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });
const sentNotice = () => screen.getByRole('status');
const alert = () => screen.getByRole('alert');

async function askForMail(user: ReturnType<typeof setupUser>, email: string) {
  await user.type(screen.getByLabelText('Email'), email);
  await user.click(screen.getByRole('button', { name: 'Send' }));
}

async function choosePassword(user: ReturnType<typeof setupUser>, password = NEW_PASSWORD) {
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm the new password'), password);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

/** Puts the mail's link in the address bar, as opening it would. */
function openLink(link: string) {
  const url = new URL(link);
  window.history.replaceState(null, '', `${url.pathname}${url.search}`);
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('ForgotPasswordForm → ResetPasswordForm by link', () => {
  it('mails a link; the link sets the new password, ends every session of the user, and the new password signs in', async () => {
    const user = setupUser();
    const { container, unmount } = renderWithAuth(<ForgotPasswordForm />);
    await expectNoAxeViolations(container);
    await askForMail(user, demo.email);
    await waitFor(() =>
      expect(sentNotice().textContent).toBe(`If an account exists for ${demo.email}, a mail with a link to choose a new password is on its way.`),
    );
    expect(document.activeElement).toBe(sentNotice());
    await expectNoAxeViolations(container);
    const mail = service.db.lastMail(demo.email, 'reset')!;
    expect(mail.link).toContain('resetHash=');
    unmount();

    // Another device signed in as the same user.
    const otherDevice = otherClient();
    await otherDevice.authenticate({ email: demo.email, password: demo.password });

    openLink(mail.link!);
    const onReset = vi.fn();
    const reset = renderWithAuth(<ResetPasswordForm onReset={onReset} />);
    // Read once, then out of the address bar.
    expect(window.location.search).not.toContain('resetHash');
    // By link: no e-mail or code to type.
    expect(screen.queryByLabelText('Email')).toBeNull();
    await screen.findByRole('list');
    await expectNoAxeViolations(reset.container);
    await choosePassword(user);
    await waitFor(() => expect(sentNotice().textContent).toBe('Your password is changed: sign in with the new one.'));
    expect(document.activeElement).toBe(sentNotice());
    expect(onReset).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations(reset.container);

    // The other device's session is gone: 108.
    await expect(otherDevice.me()).rejects.toMatchObject({ code: 108 });
    reset.unmount();

    // The new password signs in, through the form.
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />);
    await user.type(screen.getByLabelText('Email'), demo.email);
    await user.type(screen.getByLabelText('Password'), NEW_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  }, 20_000);

  it('a reset of the signed-in user ends this session too, with its reason', async () => {
    const user = setupUser();
    let status = '';
    function Status() {
      status = useAuth((auth) => auth.status);
      return null;
    }
    function LinkOpener() {
      const [open, setOpen] = useState(false);
      return open ? <ResetPasswordForm /> : <button onClick={() => setOpen(true)}>Open the link</button>;
    }
    const { client } = renderWithAuth(
      <>
        <Status />
        <LinkOpener />
      </>,
    );
    await client().authenticate({ email: demo.email, password: demo.password });
    await waitFor(() => expect(status).toBe('authenticated'));
    await accountApi(client()).requestPasswordReset({ email: demo.email });
    openLink(service.db.lastMail(demo.email, 'reset')!.link!);
    await user.click(screen.getByRole('button', { name: 'Open the link' }));
    await choosePassword(user);
    await waitFor(() => expect(status).toBe('unauthenticated'));
    expect(client().getState().error).toBeInstanceOf(SessionEndedByPasswordResetError);
  });

  it('207: an expired or used link says so and offers a new one', async () => {
    const user = setupUser();
    const onRequestNew = vi.fn();
    const { container } = renderWithAuth(<ResetPasswordForm hash="no-such-hash" onRequestNew={onRequestNew} />);
    await screen.findByRole('list');
    await choosePassword(user);
    await waitFor(() => expect(alert().textContent).toBe('This link has expired or was used already.'));
    expect(document.activeElement).toBe(alert());
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Send me a new one' }));
    expect(onRequestNew).toHaveBeenCalledTimes(1);
  });

  it('checks the policy and the confirmation before sending: the link is not spent', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<ResetPasswordForm hash="unused" />);
    await screen.findByRole('list');
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm the new password'), 'other');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('The password does not meet the rules above.')).toBeTruthy();
    expect(screen.getByText('The two passwords are not the same.')).toBeTruthy();
    expect(service.db.count('POST', '/users/v1/forgot_password')).toBe(0);
    await expectNoAxeViolations(container);
  });
});

describe('ForgotPasswordForm: no account enumeration', () => {
  const sameWords = (email: string) => defaultForgotPasswordLabels.sent(email);

  it.each([
    ['202: no account', 'nobody@example.com', undefined],
    ['204: not activated', 'inactive@example.com', { activation: false }],
    ['215: signs in through an identity provider', 'oidc@example.com', { oidc: true }],
  ])('%s shows the same words as a mail sent, and the same resend wait', async (_, email, seed) => {
    if (seed) service.db.addUser({ email, password: 'Some-password1', firstName: 'A', lastName: 'B', ...seed });
    const user = setupUser();
    const { container } = renderWithAuth(<ForgotPasswordForm />);
    await askForMail(user, email);
    await waitFor(() => expect(sentNotice().textContent).toBe(sameWords(email)));
    expect(screen.getByRole('button', { name: 'Send again in 5:00' }).getAttribute('aria-disabled')).toBe('true');
    expect(alert().textContent).toBe('');
    expect(service.db.lastMail(email, 'reset')).toBeUndefined();
    await expectNoAxeViolations(container);
  });
});

describe('ForgotPasswordForm limits', () => {
  it('221: a mail sent a moment ago (elsewhere) shows the wait, counting down, then lets the user ask again', async () => {
    installFakeClock();
    const user = setupUser();
    await accountApi(otherClient()).requestPasswordReset({ email: demo.email });
    const { container } = renderWithAuth(<ForgotPasswordForm />);
    await askForMail(user, demo.email);
    await waitFor(() => expect(visibleText(alert())).toBe('A mail was sent a moment ago. You can ask for another in 5:00.'));
    expect(document.activeElement).toBe(alert());
    // Heard once, not every second.
    expect(spokenText(alert())).toBe('A mail was sent a moment ago. You can ask for another in 5:00.');
    await expectNoAxeViolations(container);
    advance(60_000);
    expect(visibleText(alert())).toBe('A mail was sent a moment ago. You can ask for another in 4:00.');
    expect(spokenText(alert())).toBe('A mail was sent a moment ago. You can ask for another in 5:00.');
    advance(240_000);
    expect(alert().textContent).toBe('You can ask for another mail now.');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sentNotice().textContent).toBe(defaultForgotPasswordLabels.sent(demo.email)));
  });

  it('resend waits the 5 minutes on the success screen, then sends a second mail', async () => {
    installFakeClock();
    const user = setupUser();
    renderWithAuth(<ForgotPasswordForm />);
    await askForMail(user, demo.email);
    const resend = await screen.findByRole('button', { name: 'Send again in 5:00' });
    await user.click(resend);
    expect(service.db.outbox.filter((mail) => mail.to === demo.email)).toHaveLength(1);
    advance(300_000);
    await user.click(screen.getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(service.db.outbox.filter((mail) => mail.to === demo.email)).toHaveLength(2));
    await waitFor(() => expect(document.activeElement).toBe(sentNotice()));
  });

  it('220: too many mails without a completed reset', async () => {
    installFakeClock();
    const user = setupUser();
    const account = accountApi(otherClient());
    for (let i = 0; i < 5; i++) {
      await account.requestPasswordReset({ email: demo.email });
      advance(300_000);
    }
    renderWithAuth(<ForgotPasswordForm />);
    await askForMail(user, demo.email);
    await waitFor(() => expect(alert().textContent).toBe(defaultForgotPasswordLabels.tooMany));
  });
});

describe('ForgotPasswordForm → the code step (pin mode)', () => {
  it('mails a code, goes on to the code step with the e-mail prefilled; a wrong code says the attempts left; the right one resets', async () => {
    const user = setupUser();
    const onReset = vi.fn();
    const { container } = renderWithAuth(<ForgotPasswordForm mode="pinCode" onReset={onReset} />);
    await askForMail(user, demo.email);
    await waitFor(() =>
      expect(sentNotice().textContent).toBe(`If an account exists for ${demo.email}, a mail with an 8-digit code is on its way. Enter it below.`),
    );
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe(demo.email);
    await screen.findByRole('list');
    await expectNoAxeViolations(container);
    const pin = service.db.lastMail(demo.email, 'reset')!.pinCode!;
    const wrong = pin === '00000000' ? '11111111' : '00000000';

    await user.type(screen.getByLabelText('8-digit code from the mail'), wrong);
    await choosePassword(user);
    await waitFor(() => expect(alert().textContent).toBe('That code is not correct. 2 attempts left.'));
    await expectNoAxeViolations(container);

    await user.clear(screen.getByLabelText('8-digit code from the mail'));
    await user.type(screen.getByLabelText('8-digit code from the mail'), pin);
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Your password is changed: sign in with the new one.'));
    expect(onReset).toHaveBeenCalledTimes(1);
    await expect(otherClient().authenticate({ email: demo.email, password: NEW_PASSWORD })).resolves.toBeTruthy();
  });

  it('by e-mail + code, an address without a password to reset gets the words of an unknown code', async () => {
    service.db.addUser({ email: 'oidc@example.com', password: 'Some-password1', firstName: 'A', lastName: 'B', oidc: true });
    const user = setupUser();
    renderWithAuth(<ResetPasswordForm email="oidc@example.com" />);
    await user.type(screen.getByLabelText('8-digit code from the mail'), '12345678');
    await choosePassword(user);
    const unknown = 'This code has expired or was used already, or the email address is not the one the mail was sent to.';
    await waitFor(() => expect(alert().textContent).toBe(unknown));
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(alert().textContent).toBe(unknown));
  });

  it('typing the e-mail, the code or the confirmation re-renders nothing', async () => {
    const user = setupUser();
    let commits = 0;
    renderWithAuth(
      <Profiler id="reset" onRender={() => commits++}>
        <ResetPasswordForm />
      </Profiler>,
    );
    await screen.findByRole('list');
    const before = commits;
    await user.type(screen.getByLabelText('Email'), demo.email);
    await user.type(screen.getByLabelText('8-digit code from the mail'), '12345678');
    await user.type(screen.getByLabelText('Confirm the new password'), 'whatever');
    expect(commits).toBe(before);
  });

  it('keeps the password and the code out of the mutation cache', async () => {
    const queryClient = new QueryClient();
    const app = (
      <AuthProvider host={host} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory" queryClient={queryClient}>
        <ForgotPasswordForm mode="pinCode" />
      </AuthProvider>
    );
    render(process.env.EXH_STRICT === '1' ? <StrictMode>{app}</StrictMode> : app);
    const user = setupUser();
    await askForMail(user, demo.email);
    const codeInput = await screen.findByLabelText('8-digit code from the mail');
    const pin = service.db.lastMail(demo.email, 'reset')!.pinCode!;
    await user.type(codeInput, pin);
    await choosePassword(user);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Your password is changed'));
    const cached = JSON.stringify(queryClient.getMutationCache().getAll().map((m) => m.state));
    expect(cached).toContain(demo.email);
    expect(cached).not.toContain(NEW_PASSWORD);
    expect(cached).not.toContain(pin);
  });
});
