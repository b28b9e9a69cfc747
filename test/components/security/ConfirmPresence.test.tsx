// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { ConfirmPresence } from '../../../src/components';
import { usePresence } from '../../../src/react';
import {
  advance,
  demo,
  expectNoAxeViolations,
  failLogins,
  installFakeClock,
  renderWithAuth,
  setupUser,
  startMockService,
  visibleText,
} from '../harness';

const service = startMockService();

const CONFIRM = '/auth/v2/confirmPresence';
const passwordInput = () => screen.getByLabelText<HTMLInputElement>('Password');
const confirmButton = () => screen.getByRole('button', { name: /^Confirm/ });
const alertText = () => screen.getByRole('alert').textContent;

/** Shows whether the provider holds a valid presence token (never the token itself). */
function TokenProbe() {
  const { required } = usePresence();
  return <output data-testid="presence">{required ? 'required' : 'valid'}</output>;
}

async function signedIn(ui: React.ReactNode) {
  const view = renderWithAuth(
    <>
      {ui}
      <TokenProbe />
    </>,
  );
  await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
  return view;
}

async function confirmWith(user: ReturnType<typeof setupUser>, password: string) {
  await user.type(passwordInput(), password);
  await user.click(confirmButton());
}

describe('ConfirmPresence', () => {
  it('inline: the password gets a presence token, the field is cleared, onConfirmed is called', async () => {
    const user = setupUser();
    const onConfirmed = vi.fn();
    const { container } = await signedIn(<ConfirmPresence onConfirmed={onConfirmed} />);
    expect(screen.getByRole('form', { name: "Confirm it's you" })).toBeTruthy();
    expect(passwordInput().getAttribute('autocomplete')).toBe('current-password');
    await waitFor(() => expect(document.activeElement).toBe(passwordInput()));
    await expectNoAxeViolations(container);
    await confirmWith(user, demo.password);
    await waitFor(() => expect(onConfirmed).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId('presence').textContent).toBe('valid');
    expect(passwordInput().value).toBe('');
    expect(service.db.count('POST', CONFIRM)).toBe(1);
    await expectNoAxeViolations(container);
  });

  it('asks for the password before sending anything', async () => {
    const user = setupUser();
    const { container } = await signedIn(<ConfirmPresence />);
    await user.click(confirmButton());
    expect(await screen.findByText('Enter your password.')).toBeTruthy();
    expect(passwordInput().getAttribute('aria-invalid')).toBe('true');
    expect(service.db.count('POST', CONFIRM)).toBe(0);
    await expectNoAxeViolations(container);
  });

  it('106: a wrong password is said in the alert, which takes the focus; no token', async () => {
    const user = setupUser();
    const onConfirmed = vi.fn();
    const { container } = await signedIn(<ConfirmPresence onConfirmed={onConfirmed} />);
    await confirmWith(user, 'not-my-password');
    await waitFor(() => expect(alertText()).toBe('That password is not correct.'));
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(service.db.requests.at(-1)?.code).toBe(106);
    expect(passwordInput().value).toBe('');
    expect(onConfirmed).not.toHaveBeenCalled();
    expect(screen.getByTestId('presence').textContent).toBe('required');
    await expectNoAxeViolations(container);
  });

  it('211: too quick after a failure', async () => {
    const user = setupUser();
    await signedIn(<ConfirmPresence />);
    // The service's clock stands still: the second attempt is within its 1 s rule however long the typing takes.
    vi.useFakeTimers({ toFake: ['Date'] });
    await confirmWith(user, 'not-my-password');
    await waitFor(() => expect(alertText()).toBe('That password is not correct.'));
    await confirmWith(user, 'not-my-password-either');
    await waitFor(() => expect(alertText()).toBe('That was too quick after the last attempt. Wait a second and try again.'));
    expect(service.db.requests.at(-1)?.code).toBe(211);
  });

  it('212: the freeze counts down with Confirm aria-disabled, then the password works', async () => {
    installFakeClock();
    const user = setupUser();
    const { container } = await signedIn(<ConfirmPresence />);
    advance(1_100);
    expect(await failLogins(demo.email, 9)).toEqual(Array(9).fill(106));
    await confirmWith(user, 'not-my-password');
    await waitFor(() => expect(alertText()).toMatch(/^Too many failed attempts/));
    expect(service.db.requests.at(-1)?.code).toBe(212);
    const seconds = () => Number(/in (\d+) seconds?/.exec(visibleText(screen.getByRole('alert')))?.[1]);
    expect(seconds()).toBeGreaterThanOrEqual(59);
    expect(confirmButton().getAttribute('aria-disabled')).toBe('true');
    await expectNoAxeViolations(container);
    advance(10_000);
    expect(seconds()).toBeLessThanOrEqual(50);
    await confirmWith(user, demo.password);
    expect(service.db.count('POST', CONFIRM)).toBe(1);
    advance(51_000);
    expect(alertText()).toBe('You can try again now.');
    await user.clear(passwordInput());
    await confirmWith(user, demo.password);
    await waitFor(() => expect(screen.getByTestId('presence').textContent).toBe('valid'));
  });

  it('213 and a network error in words', async () => {
    const user = setupUser();
    await signedIn(<ConfirmPresence />);
    service.db.failNext(
      1,
      { status: 401, body: { code: 213, name: 'TOO_MANY_FAILED_ATTEMPTS_EXCEPTION', message: 'blocked' } },
      { method: 'POST', path: CONFIRM },
    );
    await confirmWith(user, demo.password);
    await waitFor(() =>
      expect(alertText()).toBe('This account is locked after too many failed attempts. Contact an administrator to unlock it.'),
    );
    service.db.failNext(1, { status: 0 }, { method: 'POST', path: CONFIRM });
    await confirmWith(user, demo.password);
    await waitFor(() => expect(alertText()).toBe('The server cannot be reached. Check your connection and try again.'));
  });

  it('as a dialog: opens over the page with the focus inside, Cancel closes it and gives the focus back', async () => {
    const user = setupUser();
    function Page() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Remove the app
          </button>
          {open && <ConfirmPresence dialog onCancel={() => setOpen(false)} onConfirmed={() => setOpen(false)} />}
        </>
      );
    }
    const { container } = await signedIn(<Page />);
    const opener = screen.getByRole('button', { name: 'Remove the app' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: "Confirm it's you" });
    expect(dialog.hasAttribute('open')).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(passwordInput()));
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    // Again, confirmed with Enter this time: keyboard only.
    await user.keyboard('{Enter}');
    await screen.findByRole('dialog');
    await waitFor(() => expect(document.activeElement).toBe(passwordInput()));
    await user.keyboard(`${demo.password}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
    expect(screen.getByTestId('presence').textContent).toBe('valid');
  });
});
