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

const useRecoveryCode = () => screen.getByRole('button', { name: 'Use a recovery code instead' });
const threeMethods: MfaMethod[] = [
  { id: 'totp', type: 'totp', name: 'Authenticator app', tags: [] },
  { id: 'rc', type: 'recoveryCodes', name: 'Recovery codes', tags: [] },
  { id: 'sms', type: 'sms', name: 'Text message', tags: [] },
];

describe('MfaMethodPicker step', () => {
  it('renders nothing without a pending challenge', () => {
    const { container } = renderWithAuth(<MfaMethodPicker />);
    expect(container.innerHTML).toBe('');
  });

  it('is named by its heading, says which account it is for, and takes one code', async () => {
    const { container } = await renderPicker({ className: 'app-mfa', email: mfaUser.email });
    expect(pickerForm().className).toBe('exh-auth exh-auth--mfa app-mfa');
    const heading = screen.getByRole('heading', { name: 'Two-step verification', level: 2 });
    expect(pickerForm().getAttribute('aria-labelledby')).toBe(heading.id);
    expect(screen.getByText(`Signing in as ${mfaUser.email}`)).toBeTruthy();

    const input = screen.getByLabelText<HTMLInputElement>('Authenticator app code');
    expect(screen.getAllByRole('textbox')).toEqual([input]);
    expect(input.inputMode).toBe('numeric');
    expect(input.autocomplete).toBe('one-time-code');
    expect(input.type).toBe('text');
    expect(input.maxLength).toBe(-1); // a pasted "123 456" must not be cut short
    // Focus moves into the code input on entering the step.
    expect(document.activeElement).toBe(input);
    expect(verifyButton().type).toBe('submit');
    await expectNoAxeViolations(container);
  });

  it('takes the heading level it is given, and says no account when it is not told one', async () => {
    await renderPicker({ headingLevel: 3 });
    expect(screen.getByRole('heading', { name: 'Two-step verification', level: 3 })).toBeTruthy();
    expect(screen.queryByText(/Signing in as/)).toBeNull();
  });
});

describe('MfaMethodPicker methods', () => {
  it('two methods: a link-style button switches to the other one, and back, focus in the code input', async () => {
    const user = setupUser();
    const { container } = await renderPicker();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    const link = useRecoveryCode();
    expect(link.getAttribute('type')).toBe('button');
    expect(link.className).toBe('exh-auth__link');

    await user.click(link);
    const input = screen.getByLabelText<HTMLInputElement>('Recovery code');
    expect(input.inputMode).toBe('');
    expect(input.autocomplete).toBe('off');
    expect(document.activeElement).toBe(input);
    expect(screen.queryByRole('button', { name: 'Use a recovery code instead' })).toBeNull();
    await expectNoAxeViolations(container);

    // Keyboard: Enter on the link brings the authenticator app back.
    screen.getByRole('button', { name: 'Use your authenticator app instead' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('Authenticator app code'));
    expect(useRecoveryCode()).toBeTruthy();
    expect(service.db.count('POST', MFA)).toBe(0);
  });

  it('names a method of a type it does not know by its own name', async () => {
    challengeWith([threeMethods[0]!, threeMethods[2]!]);
    await renderPicker();
    expect(screen.getByRole('button', { name: 'Use Text message instead' })).toBeTruthy();
  });

  it('shows no choice for a single method', async () => {
    challengeWith([{ id: 'only-totp', type: 'totp', name: 'Authenticator app', tags: [] }]);
    const { container } = await renderPicker();
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByRole('button', { name: /instead/ })).toBeNull();
    expect(screen.getByLabelText('Authenticator app code')).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('offers three methods or more as a radio group, the one tagged `selected` preselected', async () => {
    challengeWith(threeMethods.map((m) => (m.id === 'rc' ? { ...m, tags: ['selected'] } : m)));
    const { container } = await renderPicker();
    const group = screen.getByRole('group', { name: 'Verify with' });
    expect(group.tagName).toBe('FIELDSET');
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Recovery codes' }).checked).toBe(true);
    expect(screen.getByLabelText('Recovery code')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /instead/ })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('preselects TOTP when no method is tagged, and the tagged one otherwise', async () => {
    challengeWith([
      { id: 'rc', type: 'recoveryCodes', name: 'Recovery codes', tags: [] },
      { id: 'totp', type: 'totp', name: 'Authenticator app', tags: [] },
    ]);
    const first = await renderPicker();
    expect(screen.getByLabelText('Authenticator app code')).toBeTruthy();
    expect(useRecoveryCode()).toBeTruthy();
    first.unmount();

    challengeWith([
      { id: 'totp', type: 'totp', name: 'Authenticator app', tags: [] },
      { id: 'rc', type: 'recoveryCodes', name: 'Recovery codes', tags: ['selected'] },
    ]);
    await renderPicker();
    expect(screen.getByLabelText('Recovery code')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use your authenticator app instead' })).toBeTruthy();
  });

  it('is operable by keyboard: the radios by arrows, then the input and the buttons by Tab', async () => {
    challengeWith(threeMethods);
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

  it('with two methods, Tab goes from the input to Verify, Back, then the switch', async () => {
    const user = setupUser();
    await renderPicker();
    await user.tab();
    expect(document.activeElement).toBe(verifyButton());
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back' }));
    await user.tab();
    expect(document.activeElement).toBe(useRecoveryCode());
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
    await user.click(useRecoveryCode());
    const input = screen.getByLabelText<HTMLInputElement>('Recovery code');
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
    await user.click(useRecoveryCode());
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
