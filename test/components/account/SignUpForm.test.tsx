// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { ActivateAccount, SignUpForm, type SignUpFormProps } from '../../../src/components';
import { AuthProvider } from '../../../src/react';
import {
  consumerKey,
  consumerSecret,
  demo,
  expectNoAxeViolations,
  host,
  renderWithAuth,
  setupUser,
  spokenText,
  startMockService,
} from '../harness';

const service = startMockService();

const REGISTER = '/users/v1/register';
const AVAILABLE = '/users/v1/email_available';
const ACTIVATION = '/users/v1/activation';
const PASSWORD = 'Secret123';

const input = (label: string | RegExp) => screen.getByLabelText<HTMLInputElement>(label);
const submit = () => screen.getByRole('button', { name: 'Create account' });

async function fillIn(user: ReturnType<typeof setupUser>, email: string, names = true) {
  await user.type(input('Email'), email);
  await user.type(input('Password'), PASSWORD);
  if (names) {
    await user.type(input('First name'), 'Ada');
    await user.type(input('Last name'), 'Lovelace');
    await user.type(input('Phone number'), '+32 470 12 34 56');
  }
}

/** Counts the renders of SignUpForm itself: it reads its `labels` once per render. */
function countingLabels() {
  const counter = { renders: 0 };
  const labels = {} as NonNullable<SignUpFormProps['labels']>;
  Object.defineProperty(labels, 'formName', {
    enumerable: true,
    get: () => {
      counter.renders++;
      return 'Create an account';
    },
  });
  return { counter, labels };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('SignUpForm', () => {
  it('is a labelled form with the policy checklist, axe-clean empty and with errors', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<SignUpForm />);
    expect(screen.getByRole('form', { name: 'Create an account' })).toBeTruthy();
    expect(input('Email').autocomplete).toBe('email');
    expect(input('Password').autocomplete).toBe('new-password');
    expect(input('First name').autocomplete).toBe('given-name');
    expect(input('Phone number').type).toBe('tel');
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('EN');
    await screen.findByRole('list');
    expect(input('Password').getAttribute('aria-describedby')).toContain(screen.getByRole('list').parentElement!.id);
    await expectNoAxeViolations(container);
    await user.click(submit());
    expect(await screen.findByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByText('Choose a password.')).toBeTruthy();
    expect(screen.getByText('Enter your phone number.')).toBeTruthy();
    expect(document.activeElement).toBe(input('Email'));
    expect(service.db.count('POST', REGISTER)).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('does not re-render per keystroke: only the checklist and the e-mail hint do', async () => {
    const user = setupUser();
    const { counter, labels } = countingLabels();
    renderWithAuth(<SignUpForm labels={labels} />);
    await screen.findByRole('list');
    const before = counter.renders;
    await fillIn(user, 'someone@example.com');
    expect(counter.renders).toBe(before);
    // The checklist did follow.
    expect(screen.getAllByRole('listitem').map(spokenText)).toContain('A number: met');
  });

  it('says while typing that an address has an account, with one request for many keystrokes, and offers to sign in', async () => {
    const user = setupUser();
    const onSignIn = vi.fn();
    const { container } = renderWithAuth(<SignUpForm onSignIn={onSignIn} />);
    await user.type(input('Email'), demo.email);
    const hint = await screen.findByText('This email address already has an account.');
    expect(input('Email').getAttribute('aria-describedby')).toContain(hint.id);
    expect(hint.getAttribute('aria-live')).toBe('polite');
    expect(service.db.count('GET', AVAILABLE)).toBe(1);
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('shows 203 on the e-mail field when the address is taken at submit', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<SignUpForm />);
    await fillIn(user, demo.email);
    await user.click(submit());
    await waitFor(() => expect(input('Email').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('This email address already has an account.')).toHaveLength(1);
    expect(document.activeElement).toBe(input('Email'));
    expect(service.db.count('POST', REGISTER)).toBe(1);
    await expectNoAxeViolations(container);
  });

  it('sends the defaults of hidden and empty optional fields (the service requires them all)', async () => {
    const user = setupUser();
    const onSignedUp = vi.fn();
    renderWithAuth(
      <SignUpForm
        onSignedUp={onSignedUp}
        fields={{ phoneNumber: { hidden: true, default: '' }, lastName: { hidden: true, default: 'Doe' }, firstName: { optional: true }, language: { default: 'NL' } }}
      />,
    );
    expect(screen.queryByLabelText('Phone number')).toBeNull();
    expect(screen.queryByLabelText('Last name')).toBeNull();
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('NL');
    await fillIn(user, 'hidden@example.com', false);
    expect(input('First name (optional)').value).toBe('');
    await user.click(submit());
    await screen.findByRole('heading', { name: 'Check your email' });
    const created = service.db.users.find((u) => u.email === 'hidden@example.com')!;
    expect(created).toMatchObject({ firstName: '-', lastName: 'Doe', phoneNumber: '-', language: 'NL', activation: false });
    expect(onSignedUp).toHaveBeenCalledWith(expect.objectContaining({ email: 'hidden@example.com' }));
  });

  it('keeps no password in the query client', async () => {
    const user = setupUser();
    const queryClient = new QueryClient();
    const app = (
      <AuthProvider host={host} consumerKey={consumerKey} consumerSecret={consumerSecret} storage="memory" queryClient={queryClient}>
        <SignUpForm signInAfterSignUp />
      </AuthProvider>
    );
    render(process.env.EXH_STRICT === '1' ? <StrictMode>{app}</StrictMode> : app);
    await fillIn(user, 'cache@example.com');
    await user.click(submit());
    await screen.findByRole('heading', { name: 'Check your email' });
    expect(screen.getByText('You are signed in already; activate your account when you can.')).toBeTruthy();
    const cache = JSON.stringify([
      queryClient.getMutationCache().getAll().map((m) => m.state),
      queryClient.getQueryCache().getAll().map((q) => q.state),
    ]);
    expect(cache).toContain('cache@example.com');
    expect(cache).not.toContain(PASSWORD);
  });

  it('goes from sign-up to the mail, its link and an activated account', async () => {
    const user = setupUser();
    const view = renderWithAuth(<SignUpForm />);
    await fillIn(user, 'new@example.com');
    await user.click(submit());
    const heading = await screen.findByRole('heading', { name: 'Check your email' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('We sent a link to new@example.com. Open it to activate your account.')).toBeTruthy();
    await expectNoAxeViolations(view.container);

    // The registration mail counts: another one is refused for 5 minutes (223), and the wait is shown.
    await user.click(screen.getByRole('button', { name: 'Send the mail again' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(spokenText(status)).toMatch(/You can ask for another in (5:00|4:5\d)\./));
    expect(screen.getByRole('button', { name: 'Send the mail again' }).getAttribute('aria-disabled')).toBe('true');
    await expectNoAxeViolations(view.container);

    const mail = service.db.lastMail('new@example.com', 'activation')!;
    expect(mail.link).toContain(`activationHash=${mail.hash}`);
    view.unmount();

    window.history.replaceState(null, '', mail.link!);
    const onActivated = vi.fn();
    const onSignIn = vi.fn();
    const activation = renderWithAuth(<ActivateAccount onActivated={onActivated} onSignIn={onSignIn} />);
    expect(await screen.findByRole('heading', { name: 'Your account is activated' })).toBeTruthy();
    // The single-use hash is gone from the address bar, and was sent once (StrictMode included).
    expect(window.location.search).toBe('');
    expect(service.db.count('POST', ACTIVATION)).toBe(1);
    expect(onActivated).toHaveBeenCalledTimes(1);
    expect(service.db.users.find((u) => u.email === 'new@example.com')!.activation).toBe(true);
    await expectNoAxeViolations(activation.container);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('in pin mode, goes on to the pin step with the e-mail filled in; a wrong pin says so', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<SignUpForm activationMode="pinCode" />);
    await fillIn(user, 'pin@example.com');
    await user.click(submit());
    const pin = await screen.findByLabelText<HTMLInputElement>('Activation code');
    expect(input('Email').value).toBe('pin@example.com');
    expect(pin.inputMode).toBe('numeric');
    expect(pin.autocomplete).toBe('one-time-code');
    const mail = service.db.lastMail('pin@example.com', 'activation')!;
    expect(mail.mode).toBe('pin_code');
    const wrong = mail.pinCode === '00000000' ? '11111111' : '00000000';
    await user.type(pin, wrong);
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('That code is not correct. Check the mail and try again.'));
    expect(document.activeElement).toBe(alert);
    expect(pin.value).toBe('');
    await expectNoAxeViolations(container);
    await user.type(pin, mail.pinCode!);
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    expect(await screen.findByRole('heading', { name: 'Your account is activated' })).toBeTruthy();
    expect(service.db.users.find((u) => u.email === 'pin@example.com')!.activation).toBe(true);
  });
});
