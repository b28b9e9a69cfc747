// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { ActivateAccount } from '../../../src/components';
import { accountApi } from '../../../src/core';
import { advance, expectNoAxeViolations, installFakeClock, renderWithAuth, setupUser, spokenText, startMockService } from '../harness';

const service = startMockService();

const ACTIVATION = '/users/v1/activation';
const input = (label: string) => screen.getByLabelText<HTMLInputElement>(label);

afterEach(() => window.history.replaceState(null, '', '/'));

/** A registered account waiting for activation, with its mail sent by `mode`. */
async function registered(email: string, mode: 'hash' | 'pinCode' = 'hash') {
  const { client } = renderWithAuth(null);
  await accountApi(client()).register({
    email,
    password: 'Secret123',
    firstName: 'Ada',
    lastName: 'Lovelace',
    phoneNumber: '-',
    language: 'EN',
    activationMode: mode,
  });
  return service.db.lastMail(email, 'activation')!;
}

describe('ActivateAccount by link', () => {
  it('reads the hash from a parameter of its choosing, activates once and removes it from the address bar', async () => {
    const mail = await registered('link@example.com');
    window.history.replaceState(null, '', `/welcome?code=${mail.hash}&tab=2`);
    const { container } = renderWithAuth(<ActivateAccount hashParam="code" />);
    expect(screen.getByRole('heading', { name: 'Activating your account…' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Your account is activated' })).toBeTruthy();
    expect(window.location.pathname + window.location.search).toBe('/welcome?tab=2');
    expect(service.db.count('POST', ACTIVATION)).toBe(1);
    // No sign-in button unless the app asks for one.
    expect(screen.queryByRole('button')).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('says an expired or used link is so, and sends a new one to the address typed', async () => {
    const user = setupUser();
    await registered('expired@example.com');
    const used = 'f'.repeat(40);
    window.history.replaceState(null, '', `/?activationHash=${used}`);
    const { container } = renderWithAuth(<ActivateAccount />);
    const heading = await screen.findByRole('heading', { name: 'This link has expired or was already used' });
    expect(document.activeElement).toBe(heading);
    await expectNoAxeViolations(container);
    // The registration mail was just sent: the next one waits 5 minutes.
    installFakeClock();
    advance(5 * 60_000 + 1_000);
    await user.type(input('Email'), 'expired@example.com');
    await user.click(screen.getByRole('button', { name: 'Send a new link' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('If this address has an account to activate, a new mail is on its way.'));
    expect(service.db.outbox.filter((m) => m.to === 'expired@example.com')).toHaveLength(2);
    await expectNoAxeViolations(container);
  });

  it('words an unknown address as a sent mail (no account enumeration)', async () => {
    const user = setupUser();
    window.history.replaceState(null, '', `/?activationHash=${'a'.repeat(40)}`);
    renderWithAuth(<ActivateAccount />);
    await user.type(await screen.findByLabelText('Email'), 'nobody@example.com');
    await user.click(screen.getByRole('button', { name: 'Send a new link' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('If this address has an account to activate, a new mail is on its way.'));
  });

  it('takes 206 (activated already) as a success', async () => {
    const user = setupUser();
    service.db.failNext(1, { status: 400, body: { code: 206, name: 'ALREADY_ACTIVATED_EXCEPTION', message: 'The account is activated already' } });
    window.history.replaceState(null, '', `/?activationHash=${'b'.repeat(40)}`);
    const onActivated = vi.fn();
    const onSignIn = vi.fn();
    renderWithAuth(<ActivateAccount onActivated={onActivated} onSignIn={onSignIn} />);
    expect(await screen.findByRole('heading', { name: 'Your account is already activated' })).toBeTruthy();
    expect(onActivated).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });
});

describe('ActivateAccount by pin', () => {
  it('checks the fields before sending', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<ActivateAccount />);
    await user.type(input('Activation code'), '1234');
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    expect(await screen.findByText('Enter the 8 digits of the code.')).toBeTruthy();
    expect(screen.getByText('Enter an email address like name@example.com.')).toBeTruthy();
    expect(service.db.count('POST', ACTIVATION)).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('after 3 wrong pins asks for a new code (213), and shows the wait of a too early one (223)', async () => {
    const user = setupUser();
    const mail = await registered('pins@example.com', 'pinCode');
    const wrong = mail.pinCode === '00000000' ? '11111111' : '00000000';
    const { container } = renderWithAuth(<ActivateAccount email="pins@example.com" />);
    const alert = () => screen.getByRole('alert');
    for (let i = 0; i < 3; i++) {
      await user.type(input('Activation code'), wrong);
      await user.click(screen.getByRole('button', { name: 'Activate' }));
      await waitFor(() => expect(service.db.count('POST', ACTIVATION)).toBe(i + 1));
    }
    await waitFor(() => expect(alert().textContent).toBe('That code is not correct. Check the mail and try again.'));
    await user.type(input('Activation code'), mail.pinCode!);
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(alert().textContent).toBe('Too many wrong codes. Ask for a new code.'));
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    await waitFor(() => expect(spokenText(screen.getByRole('status'))).toMatch(/You can ask for another in (5:00|4:5\d)\./));
    await expectNoAxeViolations(container);
  });

  it('says an expired pin is so (205)', async () => {
    installFakeClock();
    const user = setupUser();
    const mail = await registered('late@example.com', 'pinCode');
    renderWithAuth(<ActivateAccount email="late@example.com" />);
    advance(16 * 60_000);
    await user.type(input('Activation code'), mail.pinCode!);
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This code has expired. Ask for a new code.'));
  });
});
