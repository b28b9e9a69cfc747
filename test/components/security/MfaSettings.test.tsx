// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { MfaSettings } from '../../../src/components';
import type { ExhClient } from '../../../src/core';
import { totp } from '../../../src/msw';
import { demo, expectNoAxeViolations, host, mfaUser, renderWithAuth, setupUser, startMockService } from '../harness';

const service = startMockService();

const ISSUER = 'Acme Health';
const SETTINGS = '/auth/v2/mfa/users/';
type User = ReturnType<typeof setupUser>;

const section = () => screen.getByRole('region', { name: 'Two-step verification' });
const badge = () => section().querySelector('.exh-auth__title-row .exh-auth__badge')!.textContent;
const statusText = () => within(section()).getByRole('status').textContent;
const alertText = () => within(section()).getByRole('alert').textContent;
const items = () =>
  within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.querySelector('.exh-auth__method-text')!.textContent);

/** Signs in the MFA demo user (with a recovery code): MFA on, an authenticator app and recovery codes. */
async function signInMfaUser(client: ExhClient) {
  await client.authenticate({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined);
  const challenge = client.getState().mfa!;
  const method = challenge.methods.find((m) => m.type === 'totp')!;
  await client.confirmMfa({ methodId: method.id, code: await totp(mfaUser.mfa!.totpSecret), token: challenge.token });
}

async function renderFor(email: 'demo' | 'mfa') {
  const view = renderWithAuth(<MfaSettings issuer={ISSUER} />);
  await act(() => (email === 'mfa' ? signInMfaUser(view.client()) : view.client().authenticate({ email: demo.email, password: demo.password }).then(() => undefined)));
  await waitFor(() => expect(section().getAttribute('data-state')).not.toBe('loading'));
  return view;
}

/** The dialog's password prompt, answered. */
async function confirmInDialog(user: User, password = mfaUser.password) {
  const dialog = await screen.findByRole('dialog', { name: "Confirm it's you" });
  await user.type(within(dialog).getByLabelText('Password'), password);
  await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('MfaSettings', () => {
  it('loading, then off with what it is for and a button to turn it on', async () => {
    const view = renderWithAuth(<MfaSettings issuer={ISSUER} />);
    await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
    expect(section().getAttribute('data-state')).toBe('loading');
    expect(within(section()).getByRole('status').textContent).toBe('Loading your security settings…');
    await expectNoAxeViolations(view.container);
    await waitFor(() => expect(badge()).toBe('Off'));
    expect(screen.getByText('Protect your account with a code from an authenticator app when you sign in.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Turn on two-step verification' })).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
    await expectNoAxeViolations(view.container);
  });

  it('a load error in words, and Try again', async () => {
    const user = setupUser();
    const userId = service.db.users.find((u) => u.email === demo.email)!.id;
    // The client retries a GET once: every attempt fails.
    service.db.failNext(2, { status: 0 }, { method: 'GET', path: `${SETTINGS}${userId}` });
    const view = renderWithAuth(<MfaSettings issuer={ISSUER} />);
    await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
    // After ky's retries and their delays.
    await waitFor(() => expect(section().getAttribute('data-state')).toBe('error'), { timeout: 5_000 });
    expect(service.db.requests.filter((r) => r.path.startsWith(SETTINGS)).map((r) => r.status)).toEqual([0, 0]);
    expect(alertText()).toBe(
      'Your security settings could not be loaded. The server cannot be reached. Check your connection and try again.',
    );
    await expectNoAxeViolations(view.container);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(badge()).toBe('Off'));
  });

  it('turning it on opens the setup inline; once done, the list shows it on with both methods verified', async () => {
    const user = setupUser();
    const { container } = await renderFor('demo');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));
    const setup = screen.getByRole('group', { name: 'Set up two-step verification' });
    await user.type(await within(setup).findByLabelText('Password'), demo.password);
    await user.click(within(setup).getByRole('button', { name: 'Confirm' }));
    await user.click(await screen.findByRole('checkbox', { name: 'I have saved these codes somewhere safe' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const key = await screen.findByText((_, el) => el?.tagName === 'CODE' && /^[A-Z2-7]{4} /.test(el.textContent ?? ''));
    await user.type(screen.getByLabelText('6-digit code from the app'), await totp(key.textContent!));
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));
    await user.click(await screen.findByRole('button', { name: 'Done' }));

    await waitFor(() => expect(badge()).toBe('On'));
    expect(items()).toEqual(['Recovery codesVerified', 'Authenticator appVerified']);
    expect(service.db.mfaOf(demo.email).enabled).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Two-step verification' })));
    await expectNoAxeViolations(container);
  });

  it('cancelling the setup leaves nothing behind and comes back to the list', async () => {
    const user = setupUser();
    await renderFor('demo');
    await user.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));
    await user.type(await screen.findByLabelText('Password'), demo.password);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await screen.findByText('Save your recovery codes');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(badge()).toBe('Off'));
    expect(service.db.mfaOf(demo.email).methods).toEqual([]);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('on, with its methods; regenerating the codes asks the password (dialog), shows the new ones once, the old ones are gone', async () => {
    const user = setupUser();
    const { container } = await renderFor('mfa');
    expect(badge()).toBe('On');
    expect(items()).toEqual(['Authenticator appVerified', 'Recovery codesVerified']);
    await expectNoAxeViolations(container);
    const old = [...service.db.mfaOf(mfaUser.email).recoveryCodes];

    const regenerate = screen.getByRole('button', { name: 'Regenerate codes' });
    await user.click(regenerate);
    await screen.findByRole('dialog');
    expect(regenerate.getAttribute('aria-busy')).toBe('true');
    await expectNoAxeViolations(container);
    await confirmInDialog(user);

    await screen.findByRole('heading', { name: 'Your new recovery codes' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your new recovery codes' })));
    const shown = within(screen.getByRole('list', { name: 'Recovery codes' })).getAllByRole('listitem').map((li) => li.textContent);
    expect(shown).toHaveLength(10);
    await waitFor(() => expect(service.db.mfaOf(mfaUser.email).recoveryCodes).toEqual(shown));
    for (const code of old) expect(shown).not.toContain(code);
    expect(service.db.mfaOf(mfaUser.email).methods.filter((m) => m.type === 'recoveryCodes')).toHaveLength(1);
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(items()).toEqual(['Authenticator appVerified', 'Recovery codesVerified']));
    for (const code of shown) expect(document.body.textContent).not.toContain(code);
  });

  it('removing a method, then 133 for the last verified one while on, in words; turning it off', async () => {
    const user = setupUser();
    const { container } = await renderFor('mfa');
    await user.click(screen.getByRole('button', { name: 'Remove Authenticator app' }));
    await confirmInDialog(user);
    await waitFor(() => expect(statusText()).toBe('Authenticator app removed.'));
    expect(document.activeElement).toBe(within(section()).getByRole('status'));
    expect(items()).toEqual(['Recovery codesVerified']);

    // The presence token is still valid: no second prompt.
    await user.click(screen.getByRole('button', { name: 'Remove Recovery codes' }));
    await waitFor(() =>
      expect(alertText()).toBe(
        'Keep at least one verified method while two-step verification is on. Turn it off first, or add another method.',
      ),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(service.db.requests.at(-1)?.code).toBe(133);
    expect(document.activeElement).toBe(within(section()).getByRole('alert'));
    expect(items()).toEqual(['Recovery codesVerified']);
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(statusText()).toBe('Two-step verification is off.'));
    expect(badge()).toBe('Off');
    expect(service.db.mfaOf(mfaUser.email).enabled).toBe(false);
    await expectNoAxeViolations(container);
  });

  it('turned off with the methods kept: turning it on again only enables; a cancelled prompt changes nothing', async () => {
    const user = setupUser();
    await renderFor('mfa');
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Turn off' }).getAttribute('aria-disabled')).toBeNull();
    expect(service.db.mfaOf(mfaUser.email).enabled).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    await confirmInDialog(user);
    await waitFor(() => expect(badge()).toBe('Off'));
    const before = service.db.count('POST', `${SETTINGS}`);
    await user.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));
    await waitFor(() => expect(statusText()).toBe('Two-step verification is on.'));
    expect(badge()).toBe('On');
    expect(screen.queryByRole('group', { name: 'Set up two-step verification' })).toBeNull();
    expect(service.db.count('POST')).toBeGreaterThan(before);
    expect(service.db.mfaOf(mfaUser.email).methods).toHaveLength(2);
  });

  it('a Cancel while the password is being checked drops the write: MFA stays on when the answer comes', async () => {
    const user = setupUser();
    await renderFor('mfa');
    // The password check is held until the user has cancelled (a handler that returns nothing hands on to the mock).
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    service.server.use(http.post(`${host}/auth/v2/confirmPresence`, async () => void (await held)));
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Password'), mfaUser.password);
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    release();
    await waitFor(() => expect(service.db.count('POST', '/auth/v2/confirmPresence')).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(service.db.requests.filter((r) => r.path.endsWith('/disable'))).toEqual([]);
    expect(service.db.mfaOf(mfaUser.email).enabled).toBe(true);
    expect(badge()).toBe('On');
  });
});
