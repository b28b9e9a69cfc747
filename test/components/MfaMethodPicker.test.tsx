// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { MfaMethodPicker } from '../../src/components';
import type { MfaMethod } from '../../src/core';
import { totp } from '../../src/msw';
import {
  advance,
  expectNoAxeViolations,
  MFA,
  mfaUrl,
  mfaUser,
  renderWithAuth,
  setupUser,
  spokenText,
  TOKENS,
  installFakeClock,
  startMockService,
  visibleText,
} from './harness';

const service = startMockService();
const secret = mfaUser.mfa!.totpSecret;

const codeInput = () => screen.getByRole<HTMLInputElement>('textbox');
const verifyButton = () => screen.getByRole<HTMLButtonElement>('button', { name: /^Verif/ });
const alertText = () => screen.getByRole('alert').textContent;
const pickerForm = () => screen.getByRole('form', { name: 'Two-step verification' });

/** A custom flow: the app signs in with the client and renders the picker for `useAuth().mfa`. */
async function renderPicker(props: Parameters<typeof MfaMethodPicker>[0] = {}) {
  const rendered = renderWithAuth(<MfaMethodPicker {...props} />);
  await act(() => rendered.client().authenticate({ email: mfaUser.email, password: mfaUser.password }).catch(() => {}));
  await screen.findByRole('form', { name: 'Two-step verification' });
  return rendered;
}

/** The service answers the password grant with a challenge of these methods (the code step then gets 131). */
function challengeWith(methods: MfaMethod[]) {
  service.db.failNext(
    1,
    {
      status: 403,
      body: {
        code: 129,
        name: 'MFA_REQUIRED_EXCEPTION',
        message: 'MFA is required for this user',
        mfa: { token: 'canned-challenge', tokenExpiresIn: 900_000, attempts: 0, methods },
      },
    },
    { method: 'POST', path: TOKENS },
  );
}

/** A 6-digit code the service will not accept now. */
async function wrongCode(): Promise<string> {
  const valid = new Set(await Promise.all([-30_000, 0, 30_000].map((offset) => totp(secret, Date.now() + offset))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

/** Holds the MFA grant until released, then lets it through to the mock service. */
function holdMfaGrant() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  service.server.use(http.post(mfaUrl, () => held));
  return release;
}

describe('MfaMethodPicker choice', () => {
  it('renders nothing without a pending challenge', () => {
    const { container } = renderWithAuth(<MfaMethodPicker />);
    expect(container.innerHTML).toBe('');
  });

  it('offers several methods as a radio group, the one tagged `selected` preselected', async () => {
    const { container } = await renderPicker({ className: 'app-mfa' });
    expect(pickerForm().className).toBe('exh-auth exh-auth--mfa app-mfa');
    const group = screen.getByRole('group', { name: 'Verify with' });
    expect(group.tagName).toBe('FIELDSET');
    const totpRadio = screen.getByRole<HTMLInputElement>('radio', { name: 'Authenticator app' });
    const recoveryRadio = screen.getByRole<HTMLInputElement>('radio', { name: 'Recovery codes' });
    expect(totpRadio.checked).toBe(true);
    expect(recoveryRadio.checked).toBe(false);

    const input = screen.getByLabelText<HTMLInputElement>('6-digit code from your authenticator app');
    expect(input.inputMode).toBe('numeric');
    expect(input.autocomplete).toBe('one-time-code');
    expect(input.type).toBe('text');
    expect(input.maxLength).toBe(-1); // a pasted "123 456" must not be cut short
    // Focus moves into the code input on entering the step.
    expect(document.activeElement).toBe(input);
    expect(verifyButton().type).toBe('submit');
    await expectNoAxeViolations(container);
  });

  it('shows no choice for a single method', async () => {
    challengeWith([{ id: 'only-totp', type: 'totp', name: 'Authenticator app', tags: [] }]);
    const { container } = await renderPicker();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByLabelText('6-digit code from your authenticator app')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('preselects TOTP when no method is tagged, and the tagged one otherwise', async () => {
    challengeWith([
      { id: 'rc', type: 'recoveryCodes', name: 'Recovery codes', tags: [] },
      { id: 'totp', type: 'totp', name: 'Authenticator app', tags: [] },
    ]);
    const first = await renderPicker();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Authenticator app' }).checked).toBe(true);
    first.unmount();

    challengeWith([
      { id: 'totp', type: 'totp', name: 'Authenticator app', tags: [] },
      { id: 'rc', type: 'recoveryCodes', name: 'Recovery codes', tags: ['selected'] },
    ]);
    await renderPicker();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Recovery codes' }).checked).toBe(true);
    expect(screen.getByLabelText('Recovery code')).toBeTruthy();
  });

  it('is operable by keyboard: arrows choose the method, Tab reaches the input and both buttons', async () => {
    const user = setupUser();
    await renderPicker();
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Authenticator app' }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Recovery codes' }).checked).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Recovery code'));
    await user.tab();
    expect(document.activeElement).toBe(verifyButton());
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back' }));
  });
});

describe('MfaMethodPicker TOTP', () => {
  it('submits by itself on the 6th digit, exactly once', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    await renderPicker({ onSuccess });
    const code = await totp(secret);
    const release = holdMfaGrant();

    await user.keyboard(code.slice(0, 5));
    expect(service.db.count('POST', MFA)).toBe(0);
    await user.keyboard(code.slice(5));
    expect(codeInput().value).toBe(code);
    await waitFor(() => expect(verifyButton().textContent).toBe('Verifying…'));
    expect(verifyButton().getAttribute('aria-disabled')).toBe('true');
    expect(verifyButton().getAttribute('aria-busy')).toBe('true');
    // Autofill firing again with the same code, formatted, while the first is under way.
    fireEvent.input(codeInput(), { target: { value: `${code.slice(0, 3)} ${code.slice(3)}` } });
    fireEvent.input(codeInput(), { target: { value: code } });
    await user.click(verifyButton());

    release();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', MFA)).toBe(1);
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ userId: service.db.users.find((u) => u.email === mfaUser.email)!.id });
    expect(onSuccess.mock.calls[0]![0]).not.toHaveProperty('tokenSecret');
  });

  it('takes a pasted code, spaces and dashes stripped', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    await renderPicker({ onSuccess });
    const code = await totp(secret);
    await user.paste(` ${code.slice(0, 3)} - ${code.slice(3)} `);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', MFA)).toBe(1);
  });

  it('takes a code that arrives by an input event alone (autofill)', async () => {
    const onSuccess = vi.fn();
    await renderPicker({ onSuccess });
    fireEvent.input(codeInput(), { target: { value: await totp(secret) } });
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', MFA)).toBe(1);
  });

  it('asks for 6 digits on a manual submit of anything else, and sends nothing', async () => {
    const user = setupUser();
    const { container } = await renderPicker();
    await user.keyboard('123');
    await user.click(verifyButton());
    expect(alertText()).toBe('Enter the 6 digits from your authenticator app.');
    expect(codeInput().getAttribute('aria-invalid')).toBe('true');
    expect(codeInput().getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(document.activeElement).toBe(codeInput());
    expect(service.db.count('POST', MFA)).toBe(0);
    await expectNoAxeViolations(container);
    // Typing again clears the complaint.
    await user.keyboard('4');
    expect(alertText()).toBe('');
  });

  it('130: says the code is wrong, clears the input and focuses it', async () => {
    installFakeClock();
    const user = setupUser();
    const onSuccess = vi.fn();
    const { container } = await renderPicker({ onSuccess });
    await user.keyboard(await wrongCode());
    await waitFor(() => expect(alertText()).toBe('That code is not correct. Try again.'));
    expect(service.db.requests.at(-1)?.code).toBe(130);
    expect(codeInput().value).toBe('');
    expect(document.activeElement).toBe(codeInput());
    expect(codeInput().getAttribute('aria-invalid')).toBe('true');
    expect(codeInput().getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(pickerForm().getAttribute('data-state')).toBe('error');
    await expectNoAxeViolations(container);

    // Past the service's first back-off, the right code signs in.
    advance(1_100);
    await user.keyboard(await totp(secret));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', MFA)).toBe(2);
  });

  it('134: counts the re-attempt delay down, with Verify disabled until it ends', async () => {
    installFakeClock();
    // Early in a 30 s TOTP step: the code sent stays good through the waits below.
    vi.setSystemTime(Math.ceil(Date.now() / 30_000) * 30_000 + 1_000);
    const user = setupUser();
    const onSuccess = vi.fn();
    const { container } = await renderPicker({ onSuccess });
    // Straight after a wrong code the real service asks to wait.
    await user.keyboard(await wrongCode());
    await waitFor(() => expect(alertText()).toBe('That code is not correct. Try again.'));
    await user.keyboard(await totp(secret));
    await waitFor(() => expect(service.db.requests.at(-1)?.code).toBe(134));
    await waitFor(() => expect(visibleText(screen.getByRole('alert'))).toBe('Too many attempts. Wait 1 second before the next one.'));
    expect(verifyButton().getAttribute('aria-disabled')).toBe('true');
    advance(1_000);
    expect(alertText()).toBe('');
    expect(verifyButton().getAttribute('aria-disabled')).toBeNull();

    // A longer one, as after several failures.
    service.db.failNext(1, {
      status: 400,
      body: { code: 134, name: 'MFA_REATTEMPT_DELAY_EXCEPTION', message: 'Wait', remainingDelay: 5_000 },
    });
    await user.click(verifyButton());
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(visibleText(alert)).toBe('Too many attempts. Wait 5 seconds before the next one.'));
    expect(spokenText(alert)).toBe('Too many attempts. Wait 5 seconds before the next one.');
    expect(verifyButton().getAttribute('aria-disabled')).toBe('true');
    expect(pickerForm().getAttribute('data-state')).toBe('waiting');
    await expectNoAxeViolations(container);

    advance(1_000);
    expect(visibleText(alert)).toBe('Too many attempts. Wait 4 seconds before the next one.');
    // Heard once, not every second.
    expect(spokenText(alert)).toBe('Too many attempts. Wait 5 seconds before the next one.');
    expect(verifyButton().getAttribute('aria-disabled')).toBe('true');
    const sent = service.db.count('POST', MFA);
    // Neither Enter nor a click on the aria-disabled button sends, nor replaces the message.
    await user.type(codeInput(), '{Enter}');
    await user.click(verifyButton());
    expect(service.db.count('POST', MFA)).toBe(sent);
    expect(visibleText(alert)).toBe('Too many attempts. Wait 4 seconds before the next one.');

    advance(4_000);
    expect(alertText()).toBe('');
    expect(verifyButton().getAttribute('aria-disabled')).toBeNull();
    // The code was never checked: Verify sends it again.
    await user.click(verifyButton());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  });

  it('134: a wait that outlasts the code\'s 30 s step clears the code; a shorter one keeps it', async () => {
    installFakeClock();
    // 20 s into a 30 s step: a code of this step is good for 10 s more.
    vi.setSystemTime(Math.ceil(Date.now() / 30_000) * 30_000 + 20_000);
    const user = setupUser();
    const onSuccess = vi.fn();
    await renderPicker({ onSuccess });
    const reattemptDelay = (remainingDelay: number) =>
      service.db.failNext(1, {
        status: 400,
        body: { code: 134, name: 'MFA_REATTEMPT_DELAY_EXCEPTION', message: 'Wait', remainingDelay },
      });
    const alert = screen.getByRole('alert');

    // 9 s: the code is still good when the wait ends, so it stays for Verify to send again.
    reattemptDelay(9_000);
    const code = await totp(secret);
    await user.keyboard(code);
    await waitFor(() => expect(visibleText(alert)).toBe('Too many attempts. Wait 9 seconds before the next one.'));
    expect(codeInput().value).toBe(code);

    // 1 s is left of the step: a 12 s wait outlives the code, which goes; the user types the next one.
    advance(9_000);
    reattemptDelay(12_000);
    await user.click(verifyButton());
    await waitFor(() => expect(visibleText(alert)).toBe('Too many attempts. Wait 12 seconds before the next one.'));
    expect(codeInput().value).toBe('');
    expect(document.activeElement).toBe(codeInput());

    advance(12_000);
    await user.keyboard(await totp(secret));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  });

  it('109: asks to check the device\'s date and time', async () => {
    const user = setupUser();
    await renderPicker();
    service.db.failNext(1, { status: 401, body: { code: 109, name: 'OAUTH_SIGNATURE_EXCEPTION', message: 'x' } });
    await user.keyboard(await totp(secret));
    await waitFor(() =>
      expect(alertText()).toBe("The request could not be verified. Check that your device's date and time are set correctly."),
    );
  });

  it('says when the server cannot be reached, and Verify retries', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    await renderPicker({ onSuccess });
    service.server.use(http.post(mfaUrl, () => HttpResponse.error(), { once: true }));
    await user.keyboard(await totp(secret));
    await waitFor(() => expect(alertText()).toBe('The server cannot be reached. Check your connection and try again.'));
    await user.click(verifyButton());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  });
});

describe('MfaMethodPicker recovery code', () => {
  it('takes a trimmed recovery code, sent with the button only', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    const { container } = await renderPicker({ onSuccess });
    await user.click(screen.getByRole('radio', { name: 'Recovery codes' }));
    const input = screen.getByLabelText<HTMLInputElement>('Recovery code');
    expect(input.inputMode).toBe('');
    expect(input.autocomplete).toBe('off');
    await expectNoAxeViolations(container);

    await user.click(verifyButton());
    expect(alertText()).toBe('Enter one of your recovery codes.');
    await user.type(input, '  abcd-1234  ');
    expect(service.db.count('POST', MFA)).toBe(0);
    await user.click(verifyButton());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', MFA)).toBe(1);
    expect(service.db.users.find((u) => u.email === mfaUser.email)!.mfa!.recoveryCodes).not.toContain('abcd-1234');
  });

  it('keeps focus on Verify while the code is checked (aria-disabled), and sends it once', async () => {
    const user = setupUser();
    const onSuccess = vi.fn();
    await renderPicker({ onSuccess });
    await user.click(screen.getByRole('radio', { name: 'Recovery codes' }));
    await user.type(screen.getByLabelText('Recovery code'), 'abcd-1234');
    const release = holdMfaGrant();
    await user.click(verifyButton());
    await waitFor(() => expect(verifyButton().textContent).toBe('Verifying…'));
    expect(verifyButton().disabled).toBe(false);
    expect(verifyButton().getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(verifyButton());
    await user.click(verifyButton());
    await user.keyboard('{Enter}');
    release();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(service.db.count('POST', MFA)).toBe(1);
  });
});

describe('MfaMethodPicker countdown and Back', () => {
  it('counts the challenge down quietly, announcing it only in the last minute', async () => {
    installFakeClock();
    await renderPicker();
    const countdown = screen.getByText((_, element) => element?.classList.contains('exh-auth__expiry') ?? false);
    expect(countdown.getAttribute('aria-live')).toBe('polite');
    expect(visibleText(countdown)).toMatch(/^Time left for this step: (15:00|14:59)$/);
    expect(spokenText(countdown)).toBe('');

    advance(13 * 60_000);
    expect(visibleText(countdown)).toMatch(/^Time left for this step: (2:00|1:59)$/);
    expect(spokenText(countdown)).toBe('');

    advance(65_000);
    expect(visibleText(countdown)).toMatch(/^Time left for this step: 0:5[45]$/);
    expect(spokenText(countdown)).toBe('Time left for this step: 1:00');
    expect(countdown.getAttribute('data-state')).toBe('ending');
    advance(30_000);
    expect(spokenText(countdown)).toBe('Time left for this step: 0:30');

    // When it runs out the step is over (core), and the picker has nothing to show.
    advance(30_000);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('Back cancels the challenge without an error and calls onCancel', async () => {
    const user = setupUser();
    const onCancel = vi.fn();
    const { client } = await renderPicker({ onCancel });
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(client().getState()).toMatchObject({ status: 'unauthenticated', error: null, mfa: null });
    expect(screen.queryByRole('form')).toBeNull();
    expect(service.db.count('POST', MFA)).toBe(0);
  });
});
