// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import { generate } from 'lean-qr/nano';
import { useState } from 'react';
import { ConfirmPresence, MfaSetup } from '../../../src/components';
import { createExhClient, mfaApi, MfaRequiredError, otpauthUri } from '../../../src/core';
import { useMfaSettings } from '../../../src/react';
import { totp } from '../../../src/msw';
import {
  advance,
  consumerKey,
  consumerSecret,
  demo,
  host,
  expectNoAxeViolations,
  installFakeClock,
  mfaUser,
  renderWithAuth,
  setupUser,
  startMockService,
  visibleText,
} from '../harness';

const service = startMockService();

const ISSUER = 'Acme Health';
const METHODS = `/auth/v2/mfa/users/`;
type User = ReturnType<typeof setupUser>;

const group = () => screen.getByRole('group', { name: 'Set up two-step verification' });
const heading = () => within(group()).getByRole('heading', { level: 2 });
const alertText = () => within(group()).getByRole('alert').textContent;
const mfa = () => service.db.mfaOf(demo.email);

async function signedIn(ui: React.ReactNode, email = demo.email, password = demo.password) {
  const view = renderWithAuth(ui);
  await act(() => view.client().authenticate({ email, password }));
  return view;
}

async function confirmPassword(user: User, password = demo.password) {
  await screen.findByRole('form', { name: "Confirm it's you" });
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Confirm' }));
}

/** The codes shown on the page. */
const shownCodes = () => within(screen.getByRole('list', { name: 'Recovery codes' })).getAllByRole('listitem').map((li) => li.textContent);

async function saveCodes(user: User) {
  await user.click(screen.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

/** The key as the page shows it (grouped by four), as a person would type it into an app. */
async function keyedCode(): Promise<string> {
  const key = await screen.findByText((_, element) => element?.tagName === 'CODE' && /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/.test(element.textContent ?? ''));
  return totp(key.textContent!);
}

/** The dark modules of the QR code drawn on the page (an SVG path of rows of runs), or of the code of `uri`. */
function darkModules(from: Element | string): string[] {
  const dark: string[] = [];
  if (typeof from === 'string') {
    const code = generate(from);
    for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) dark.push(`${x},${y}`);
    return dark;
  }
  const QUIET = 4;
  for (const [, x, y, width] of from.querySelector('path')!.getAttribute('d')!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(width); i++) dark.push(`${Number(x) + i - QUIET},${Number(y) - QUIET}`);
  }
  return dark.sort((a, b) => Number(a.split(',')[1]) - Number(b.split(',')[1]) || Number(a.split(',')[0]) - Number(b.split(',')[0]));
}

async function typeCode(user: User, code: string) {
  const input = screen.getByLabelText<HTMLInputElement>('6-digit code from the app');
  await user.clear(input);
  await user.type(input, code);
  await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));
}

describe('MfaSetup', () => {
  it('the whole setup by keyboard and screen: password, codes once, QR and key, code, on; the next sign-in asks for MFA', async () => {
    const user = setupUser();
    const onDone = vi.fn();
    const { container, client } = await signedIn(<MfaSetup issuer={ISSUER} onDone={onDone} />);

    // No presence token yet: the password first, nothing added before it.
    await confirmPassword(user);
    expect(service.db.requests.filter((r) => r.path.startsWith(METHODS) && r.method === 'POST')).toHaveLength(0);
    await expectNoAxeViolations(container);

    // Recovery codes, shown once, with copy and download; Next waits for the check.
    await waitFor(() => expect(heading().textContent).toBe('Save your recovery codes'));
    expect(document.activeElement).toBe(heading());
    expect(within(group()).getByText('Step 1 of 2')).toBeTruthy();
    const codes = shownCodes();
    expect(codes).toHaveLength(10);
    expect(mfa().recoveryCodes).toEqual(codes);
    const download = screen.getByRole('link', { name: 'Download .txt' });
    expect(download.getAttribute('download')).toBe('recovery-codes.txt');
    expect(decodeURIComponent(download.getAttribute('href')!.split(',')[1]!)).toContain(codes.join('\n'));
    await user.click(screen.getByRole('button', { name: 'Copy codes' }));
    expect(await navigator.clipboard.readText()).toBe(codes.join('\n'));
    expect(await screen.findByText('Codes copied.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Confirm that you have saved your recovery codes.')).toBeTruthy();
    expect(mfa().methods.filter((m) => m.type === 'totp')).toHaveLength(0);
    await expectNoAxeViolations(container);
    await saveCodes(user);

    // The authenticator app: a QR code with a name, the key as text, grouped by four.
    await waitFor(() => expect(heading().textContent).toBe('Connect your authenticator app'));
    expect(document.activeElement).toBe(heading());
    for (const code of codes) expect(document.body.textContent).not.toContain(code);
    const qr = screen.getByRole('img', { name: `QR code to add ${ISSUER} to an authenticator app` });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    const [secret] = service.db.totpSecrets().filter((s) => s.email === demo.email);
    const { key, uri } = otpauthUri({ secret: secret!.secret, issuer: ISSUER, accountName: demo.email });
    expect(darkModules(qr)).toEqual(darkModules(uri));
    expect(document.body.textContent).toContain(key.match(/.{4}/g)!.join(' '));
    const input = screen.getByLabelText<HTMLInputElement>('6-digit code from the app');
    expect([input.getAttribute('autocomplete'), input.getAttribute('inputmode')]).toEqual(['one-time-code', 'numeric']);
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(await navigator.clipboard.readText()).toBe(key);
    await expectNoAxeViolations(container);

    await typeCode(user, await keyedCode());
    await waitFor(() => expect(heading().textContent).toBe('Two-step verification is on'));
    expect(document.activeElement).toBe(heading());
    expect(mfa().enabled).toBe(true);
    expect(mfa().methods.map((m) => [m.type, m.verified])).toEqual([
      ['recoveryCodes', true],
      ['totp', true],
    ]);
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalledTimes(1);

    await act(() => client().logout());
    await expect(client().authenticate({ email: demo.email, password: demo.password })).rejects.toBeInstanceOf(MfaRequiredError);
    expect(client().getState().mfa?.methods.map((m) => m.type).sort()).toEqual(['recoveryCodes', 'totp']);
  });

  it('a presence token still valid skips the password; the codes method is added once', async () => {
    const user = setupUser();
    // The settings are in the cache already when the setup mounts (as on MfaSettings' page): it starts on its first render.
    function Page() {
      const [confirmed, setConfirmed] = useState(false);
      const loaded = useMfaSettings().isSuccess;
      return confirmed && loaded ? <MfaSetup issuer={ISSUER} accountName={demo.email} /> : <ConfirmPresence onConfirmed={() => setConfirmed(true)} />;
    }
    await signedIn(<Page />);
    await confirmPassword(user);
    await waitFor(() => expect(heading().textContent).toBe('Save your recovery codes'));
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(service.db.count('POST', '/auth/v2/confirmPresence')).toBe(1);
    expect(mfa().methods.map((m) => m.type)).toEqual(['recoveryCodes']);
  });

  it('130 a wrong code, then 134 with its countdown; a right code after the wait', async () => {
    installFakeClock();
    const user = setupUser();
    const { container } = await signedIn(<MfaSetup issuer={ISSUER} />);
    await confirmPassword(user);
    await screen.findByText('Save your recovery codes');
    await saveCodes(user);
    await screen.findByText('Connect your authenticator app');

    const right = await keyedCode();
    const wrong = right === '000000' ? '111111' : '000000';
    await typeCode(user, wrong);
    await waitFor(() => expect(alertText()).toBe('That code is not correct. Enter the code the app shows now.'));
    expect(document.activeElement).toBe(within(group()).getByRole('alert'));
    expect(screen.getByLabelText<HTMLInputElement>('6-digit code from the app').value).toBe('');
    expect(service.db.requests.at(-1)?.code).toBe(130);
    await expectNoAxeViolations(container);

    await typeCode(user, wrong);
    await waitFor(() => expect(visibleText(within(group()).getByRole('alert'))).toMatch(/^Too many attempts\. Wait \d seconds? before the next one\.$/));
    expect(service.db.requests.at(-1)?.code).toBe(134);
    expect(screen.getByRole('button', { name: 'Verify and turn on' }).getAttribute('aria-disabled')).toBe('true');
    const before = service.db.requests.length;
    await user.click(screen.getByRole('button', { name: 'Verify and turn on' }));
    expect(service.db.requests.length).toBe(before);
    await expectNoAxeViolations(container);

    advance(3_000);
    expect(visibleText(within(group()).getByRole('alert'))).toBe('');
    await typeCode(user, await keyedCode());
    await waitFor(() => expect(heading().textContent).toBe('Two-step verification is on'));
  });

  it('Cancel mid-way removes the methods it added (the service has none left) and calls onCancel', async () => {
    const user = setupUser();
    const onCancel = vi.fn();
    await signedIn(<MfaSetup issuer={ISSUER} onCancel={onCancel} />);
    await confirmPassword(user);
    await screen.findByText('Save your recovery codes');
    await saveCodes(user);
    await screen.findByText('Connect your authenticator app');
    expect(mfa().methods.map((m) => [m.type, m.verified])).toEqual([
      ['recoveryCodes', true],
      ['totp', false],
    ]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1));
    expect(mfa().methods).toEqual([]);
    expect(mfa().enabled).toBe(false);
  });

  it('leaving by unmount removes the unverified method too', async () => {
    const user = setupUser();
    function Page() {
      const [shown, setShown] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setShown(false)}>
            Elsewhere
          </button>
          {shown && <MfaSetup issuer={ISSUER} />}
        </>
      );
    }
    await signedIn(<Page />);
    await confirmPassword(user);
    await screen.findByText('Save your recovery codes');
    await saveCodes(user);
    await screen.findByText('Connect your authenticator app');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await waitFor(() => expect(mfa().methods).toEqual([]));
  });

  it('132 mid-way: an expired presence token asks for the password again, then the step goes on', async () => {
    installFakeClock();
    const user = setupUser();
    const { container } = await signedIn(<MfaSetup issuer={ISSUER} />);
    await confirmPassword(user);
    await screen.findByText('Save your recovery codes');
    // The user takes a long time over the codes: the token (10 minutes) runs out.
    advance(11 * 60_000);
    await saveCodes(user);
    await screen.findByRole('form', { name: "Confirm it's you" });
    expect(group().getAttribute('data-step')).toBe('presence');
    await expectNoAxeViolations(container);
    // A wrong password first (106), then the right one.
    await confirmPassword(user, 'not-my-password');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That password is not correct.'));
    advance(1_100);
    await user.type(screen.getByLabelText('Password'), demo.password);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(heading().textContent).toBe('Connect your authenticator app'));
    expect(mfa().methods.filter((m) => m.type === 'totp')).toHaveLength(1);

    // The service refuses the token (132) on the verify: asked again, and the same code is sent again.
    service.db.failNext(
      1,
      { status: 400, body: { code: 132, name: 'INVALID_PRESENCE_TOKEN_EXCEPTION', message: 'expired' } },
      { method: 'POST' },
    );
    await typeCode(user, await keyedCode());
    await confirmPassword(user);
    await waitFor(() => expect(heading().textContent).toBe('Two-step verification is on'));
    expect(mfa().enabled).toBe(true);
  });

  it('an unverified app left by an earlier setup is replaced by the new one', async () => {
    const user = setupUser();
    // On another device, a setup that got as far as the app and was closed there.
    const other = createExhClient({ host, consumerKey, consumerSecret, storage: 'memory' });
    await other.authenticate({ email: demo.email, password: demo.password });
    await mfaApi(other).confirmPresence(demo.password);
    await mfaApi(other).addMethod({ type: 'totp', name: 'Authenticator app' });
    const [left] = mfa().methods;
    await signedIn(<MfaSetup issuer={ISSUER} />);
    await confirmPassword(user);
    await screen.findByText('Save your recovery codes');
    await saveCodes(user);
    await screen.findByText('Connect your authenticator app');
    await waitFor(() => expect(mfa().methods.map((m) => m.type)).toEqual(['recoveryCodes', 'totp']));
    expect(mfa().methods.map((m) => m.id)).not.toContain(left!.id);
  });

  it('a user with recovery codes and a verified app but MFA off: only turned on, after the password', async () => {
    const user = setupUser();
    service.db.addUser({
      email: 'ready@example.com',
      password: mfaUser.password,
      firstName: 'Ready',
      lastName: 'User',
      mfa: { ...mfaUser.mfa!, enabled: false },
    });
    await signedIn(<MfaSetup issuer={ISSUER} />, 'ready@example.com', mfaUser.password);
    await confirmPassword(user, mfaUser.password);
    await waitFor(() => expect(heading().textContent).toBe('Two-step verification is on'));
    const settings = service.db.mfaOf('ready@example.com');
    expect(settings.enabled).toBe(true);
    expect(settings.methods).toHaveLength(2);
  });

  it('the settings or the account cannot be read: said, and Try again', async () => {
    const user = setupUser();
    // ky retries a GET twice: all three attempts of /me fail.
    service.db.failNext(3, { status: 0 }, { method: 'GET', path: '/users/v1/me' });
    const { container } = await signedIn(<MfaSetup issuer={ISSUER} />);
    await waitFor(() => expect(alertText()).toBe('Your security settings could not be loaded.'), { timeout: 5_000 });
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('form', { name: "Confirm it's you" });
  });

  it('MFA already on: says so, adds nothing', async () => {
    const { container, client } = renderWithAuth(<MfaSetup issuer={ISSUER} />);
    await act(async () => {
      await client().authenticate({ email: mfaUser.email, password: mfaUser.password }).catch(() => undefined);
      const challenge = client().getState().mfa!;
      const method = challenge.methods.find((m) => m.type === 'recoveryCodes')!;
      await client().confirmMfa({ methodId: method.id, code: mfaUser.mfa!.recoveryCodes[0]!, token: challenge.token });
    });
    expect(await screen.findByText('Two-step verification is already on for your account.')).toBeTruthy();
    expect(service.db.count('POST')).toBeGreaterThan(0);
    expect(service.db.requests.filter((r) => r.path.startsWith(METHODS) && r.method === 'POST')).toHaveLength(0);
    await expectNoAxeViolations(container);
  });
});
