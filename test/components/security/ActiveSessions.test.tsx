// @vitest-environment jsdom
import { focusManager } from '@tanstack/react-query';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { ActiveSessions, defaultActiveSessionsLabels, type ActiveSessionsLabels } from '../../../src/components';
import { demo, expectNoAxeViolations, host, installFakeClock, renderWithAuth, setupUser, startMockService, TOKENS } from '../harness';

const service = startMockService();
// Back to the browser's own focus state, after a test set it.
afterEach(() => focusManager.setFocused(undefined));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Signs in on this device after the other devices did: one 3 days ago (last used 2 hours ago) and one
 * yesterday (last used 10 minutes ago), unless `others` says otherwise.
 */
async function signedIn(
  ui: ReactNode = <ActiveSessions />,
  others: Array<{ signedIn: number; lastUsed: number; applicationId?: string }> = twoOthers,
) {
  installFakeClock();
  const now = Date.now();
  const ids = others.map(({ signedIn, lastUsed, applicationId }) => {
    vi.setSystemTime(now - signedIn);
    const { id } = service.db.createToken(demo.email);
    const token = service.db.tokensOf(demo.email).find((listed) => listed.id === id)!;
    token.lastUsedTimestamp = now - lastUsed;
    if (applicationId) token.applicationId = applicationId;
    return id;
  });
  vi.setSystemTime(now);
  const view = renderWithAuth(ui);
  await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
  await screen.findByRole('list');
  return { ...view, ids, thisId: () => view.client().getSession()!.tokenId };
}

const twoOthers = [
  { signedIn: 3 * DAY, lastUsed: 2 * HOUR },
  { signedIn: DAY, lastUsed: 10 * MINUTE },
];

const rows = () => within(screen.getByRole('list')).getAllByRole('listitem');
const rowTexts = () => rows().map((row) => row.textContent);
const tokenIds = () => service.db.tokensOf(demo.email).map((token) => token.id);

describe('ActiveSessions', () => {
  it('lists this device first, then the others by last use, with relative times and the exact ones in <time>', async () => {
    const { container } = await signedIn();
    expect(rowTexts()).toEqual([
      'This deviceSigned in just nowActive nowSign out',
      'Another deviceSigned in yesterdayLast active 10 minutes agoSign out',
      'Another deviceSigned in 3 days agoLast active 2 hours agoSign out',
    ]);
    expect(rows()[0]!.getAttribute('data-current')).toBe('true');
    const [signedInAt, lastUsedAt] = rows()[2]!.querySelectorAll('time');
    const created = service.db.tokensOf(demo.email).find((token) => Date.now() - token.creationTimestamp > 2 * DAY)!;
    expect(signedInAt!.getAttribute('dateTime')).toBe(new Date(created.creationTimestamp).toISOString());
    expect(signedInAt!.getAttribute('title')).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(created.creationTimestamp),
    );
    expect(lastUsedAt!.getAttribute('dateTime')).toBe(new Date(created.lastUsedTimestamp).toISOString());
    // Told apart by when they began, for those who hear the buttons rather than see the rows.
    expect(screen.getByRole('button', { name: 'Sign out Another device, signed in 3 days ago' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out Another device, signed in yesterday' })).toBeTruthy();
    await expectNoAxeViolations(container);
  });

  it('keeps the relative times current while the page stays open, and this device first after another was used', async () => {
    const { ids } = await signedIn();
    act(() => {
      vi.advanceTimersByTime(2 * HOUR);
    });
    expect(rowTexts()[0]).toBe('This deviceSigned in 2 hours agoActive nowSign out');
    // The list comes again on coming back to the page: the oldest session was used since, even after this device's
    // refetch (the service's clock may run ahead). Still listed after this device.
    service.db.tokensOf(demo.email).find((token) => token.id === ids[0])!.lastUsedTimestamp = Date.now() + 10_000;
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await waitFor(() =>
      expect(rowTexts()).toEqual([
        'This deviceSigned in 2 hours agoActive nowSign out',
        'Another deviceSigned in 3 days agoLast active just nowSign out',
        'Another deviceSigned in yesterdayLast active 2 hours agoSign out',
      ]),
    );
  });

  it('says "Loading" until the list comes', async () => {
    const view = renderWithAuth(<ActiveSessions />);
    await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
    expect(screen.getByRole('status').textContent).toBe('Loading your sessions…');
    await expectNoAxeViolations(view.container);
    await screen.findByRole('list');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('signs out another session: gone from the service, the focus on the next row, then on the heading', async () => {
    const user = setupUser();
    const { container, ids } = await signedIn();
    await user.click(screen.getByRole('button', { name: 'Sign out Another device, signed in yesterday' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(document.activeElement).toBe(rows()[1]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Another device was signed out.'));
    expect(tokenIds()).not.toContain(ids[1]);
    expect(tokenIds()).toContain(ids[0]);
    await expectNoAxeViolations(container);

    await user.click(screen.getByRole('button', { name: 'Sign out Another device, signed in 3 days ago' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Active sessions' }));
    await waitFor(() => expect(tokenIds()).toEqual([expect.any(String)]));
    expect(screen.getByText('You are not signed in on any other device.')).toBeTruthy();
  });

  it('asks before signing out this device; Escape and Cancel keep the session, Sign out ends it', async () => {
    const user = setupUser();
    const { container, client, thisId } = await signedIn();
    const own = thisId();
    const trigger = () => screen.getByRole('button', { name: 'Sign out of this device' });

    await user.click(trigger());
    const question = screen.getByRole('group', { name: 'Sign out of this device?' });
    expect(document.activeElement).toBe(question);
    expect(question.getAttribute('aria-describedby')).toBeTruthy();
    await expectNoAxeViolations(container);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(trigger());

    await user.click(trigger());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(trigger());
    expect(tokenIds()).toContain(own);

    await user.click(trigger());
    await user.click(within(screen.getByRole('group')).getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(client().getState().status).toBe('unauthenticated'));
    expect(tokenIds()).not.toContain(own);
    // The other devices stay signed in.
    expect(tokenIds()).toHaveLength(2);
    const notice = await screen.findByText('You are signed out.');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    await expectNoAxeViolations(container);
  });

  it('signs out all other devices, says how many, and then offers it no more', async () => {
    const user = setupUser();
    const { container, thisId } = await signedIn();
    await user.click(screen.getByRole('button', { name: 'Sign out all other devices' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed out of 2 other devices.'));
    expect(tokenIds()).toEqual([thisId()]);
    expect(rowTexts()).toEqual(['This deviceSigned in just nowActive nowSign out']);
    expect(screen.queryByRole('button', { name: 'Sign out all other devices' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('status'));
    await expectNoAxeViolations(container);
  });

  it('with only this device: says so, without "Sign out all other devices"', async () => {
    const { container } = await signedIn(<ActiveSessions />, []);
    expect(rowTexts()).toEqual(['This deviceSigned in just nowActive nowSign out']);
    expect(screen.getByText('You are not signed in on any other device.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign out all other devices' })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('says when the list cannot be loaded, and loads it on "Try again"', async () => {
    const user = setupUser();
    // Twice: the client retries a GET once when no answer came.
    service.db.failNext(2, { status: 0 }, { method: 'GET', path: TOKENS });
    const view = renderWithAuth(<ActiveSessions />);
    await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
    const alert = screen.getByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toBe('Your sessions could not be loaded. The server cannot be reached. Check your connection and try again.'),
    );
    expect(screen.queryByRole('list')).toBeNull();
    await expectNoAxeViolations(view.container);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('list');
    expect(rowTexts()).toEqual(['This deviceSigned in just nowActive nowSign out']);
    expect(alert.textContent).toBe('');
  });

  it('puts a session back and says why when the service refuses to sign it out', async () => {
    const user = setupUser();
    const { container, ids } = await signedIn();
    service.db.failNext(1, { status: 500, body: { code: 1, name: 'GENERAL_EXCEPTION', message: 'Something broke' } }, { method: 'DELETE' });
    await user.click(screen.getByRole('button', { name: 'Sign out Another device, signed in 3 days ago' }));
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toMatch(/^That session could not be signed out\. Try again later\. \(Error: \w+ 1\)$/));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(tokenIds()).toContain(ids[0]);
    expect(document.activeElement).toBe(alert);
    await expectNoAxeViolations(container);
  });

  it('names sessions of other applications, and speaks the locale’s language with the given labels', async () => {
    await signedIn(
      <ActiveSessions
        locale="nl"
        applicationNames={{ 'mobile-app-0001': 'Mobiele app' }}
        labels={{
          heading: 'Actieve sessies',
          thisDevice: 'Dit apparaat',
          justNow: 'zojuist',
          signedIn: (when) => `Aangemeld ${when}`,
          lastActive: (when) => `Laatst actief ${when}`,
        }}
      />,
      // Sessions of other applications: one the app named, one it did not.
      [
        { ...twoOthers[0]!, applicationId: 'mobile-app-0001' },
        { ...twoOthers[1]!, applicationId: '5f8d0c3e2a1b4c97d30d' },
      ],
    );
    expect(within(screen.getByRole('list', { name: 'Actieve sessies' })).getAllByRole('listitem').map((row) => row.textContent)).toEqual([
      'Dit apparaatAangemeld zojuistActive nowSign out',
      'Another app (…97d30d)Aangemeld gisterenLaatst actief 10 minuten geledenSign out',
      'Mobiele appAangemeld 3 dagen geledenLaatst actief 2 uur geledenSign out',
    ]);
  });

  it('names each session with the app’s sessionName: in the row, the sign-out button and the announcement', async () => {
    const user = setupUser();
    const names = new Map<string, string>();
    await signedIn(
      <ActiveSessions
        applicationNames={{ 'mobile-app-0001': 'Mobile app' }}
        sessionName={(session, name) => {
          names.set(session.id, name);
          return session.current ? `${name} (this browser)` : `${name}, ${session.applicationId === 'mobile-app-0001' ? 'phone' : 'web'}`;
        }}
      />,
      [twoOthers[0]!, { ...twoOthers[1]!, applicationId: 'mobile-app-0001' }],
    );
    // The function gets the name the list would have given: the application's, or this/another device.
    expect([...names.values()].sort()).toEqual(['Another device', 'Mobile app', 'This device']);
    expect(rowTexts()).toEqual([
      'This device (this browser)Signed in just nowActive nowSign out',
      'Mobile app, phoneSigned in yesterdayLast active 10 minutes agoSign out',
      'Another device, webSigned in 3 days agoLast active 2 hours agoSign out',
    ]);
    await user.click(screen.getByRole('button', { name: 'Sign out Mobile app, phone, signed in yesterday' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Mobile app, phone was signed out.'));
  });

  it('is usable with the keyboard alone: Tab and Enter, Escape out of the question', async () => {
    const user = setupUser();
    const { ids, client } = await signedIn();
    const focused = () => document.activeElement;

    await user.tab();
    expect(focused()).toBe(screen.getByRole('button', { name: 'Sign out of this device' }));
    await user.keyboard('{Enter}');
    expect(focused()).toBe(screen.getByRole('group', { name: 'Sign out of this device?' }));
    await user.tab();
    expect(focused()).toBe(within(screen.getByRole('group')).getByRole('button', { name: 'Sign out' }));
    await user.tab();
    expect(focused()).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(focused()).toBe(screen.getByRole('button', { name: 'Sign out of this device' }));

    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(tokenIds()).not.toContain(ids[1]));
    expect(focused()).toBe(rows()[1]);
    await user.tab();
    expect(focused()).toBe(screen.getByRole('button', { name: 'Sign out Another device, signed in 3 days ago' }));
    await user.tab();
    expect(focused()).toBe(screen.getByRole('button', { name: 'Sign out all other devices' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(tokenIds()).toEqual([client().getSession()!.tokenId]));
  });

  it('keeps a pending button focusable, aria-disabled rather than disabled, and sends nothing more when pressed again', async () => {
    const user = setupUser();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // Held, then on to the mock service (a handler that answers nothing lets the next one answer).
    service.server.use(http.delete(`${host}${TOKENS}/:tokenId`, () => held.then(() => undefined)));
    await signedIn();
    const button = screen.getByRole('button', { name: 'Sign out all other devices' });
    await user.click(button);
    await waitFor(() => expect(button.textContent).toBe('Signing out other devices…'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(button);
    await user.click(button);
    release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Signed out of 2 other devices.'));
    // One list and two revokes: the second press sent nothing.
    expect(service.db.count('DELETE')).toBe(2);
    expect(service.db.count('GET', TOKENS)).toBe(2);
  });

  it('the Dutch set leaves no English, in any state', async () => {
    const user = setupUser();
    const nl: ActiveSessionsLabels = {
      heading: 'Actieve sessies',
      loading: 'Uw sessies worden geladen…',
      thisDevice: 'Dit apparaat',
      otherDevice: 'Een ander apparaat',
      otherApplication: (application) => `Een andere app (${application})`,
      signedIn: (when) => `Aangemeld ${when}`,
      lastActive: (when) => `Laatst actief ${when}`,
      activeNow: 'Nu actief',
      justNow: 'zojuist',
      revoke: 'Afmelden',
      revokeName: (session, signedIn) => `Afmelden: ${session}${signedIn ? `, aangemeld ${signedIn}` : ''}`,
      revokeThisDevice: 'Afmelden op dit apparaat',
      confirmThisDevice: 'Afmelden op dit apparaat?',
      confirmThisDeviceHelp: 'Daarna moet u hier opnieuw aanmelden.',
      confirm: 'Afmelden',
      cancel: 'Annuleren',
      signingOut: 'Bezig met afmelden…',
      revoked: (session) => `${session} is afgemeld.`,
      noOtherSessions: 'U bent op geen enkel ander apparaat aangemeld.',
      empty: 'Geen actieve sessies.',
      more: (count) => `En nog ${count}.`,
      revokeOthers: 'Overal elders afmelden',
      revokingOthers: 'Bezig met afmelden elders…',
      revokedOthers: (count) => `Afgemeld op ${count} andere apparaten.`,
      signedOut: 'U bent afgemeld.',
      retry: 'Opnieuw proberen',
      loadFailed: 'Uw sessies konden niet worden geladen.',
      revokeFailed: 'Die sessie kon niet worden afgemeld.',
      revokeOthersFailed: 'Sommige apparaten konden niet worden afgemeld.',
      networkError: 'De server is niet bereikbaar.',
      signatureRefused: 'Controleer de datum en tijd van uw apparaat.',
      unknownError: (name) => `Probeer het later opnieuw. (Fout: ${name})`,
    };
    const english = Object.values(defaultActiveSessionsLabels).map((label: string | ((...args: never[]) => string)) =>
      typeof label === 'string' ? label : (label as (...args: unknown[]) => string)('X', 'Y').replace(/[XY]/g, '').trim(),
    );
    const said = (container: HTMLElement) =>
      [container.textContent, ...[...container.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label'))].join('\n');
    const expectNoEnglish = (container: HTMLElement) => {
      for (const sentence of english) expect(said(container)).not.toContain(sentence);
      expect(said(container)).not.toMatch(/\b(sign|signed|device|active|ago|just|now|session|try|again)\b/i);
    };

    const { id } = service.db.createToken(demo.email);
    const other = service.db.tokensOf(demo.email).find((token) => token.id === id)!;
    other.creationTimestamp = Date.now() - 3 * DAY;
    other.lastUsedTimestamp = Date.now() - 2 * HOUR;
    service.db.failNext(2, { status: 0 }, { method: 'GET', path: TOKENS });
    const { container, client } = renderWithAuth(<ActiveSessions labels={nl} locale="nl" />);
    await act(() => client().authenticate({ email: demo.email, password: demo.password }));
    const alert = screen.getByRole('alert');
    await waitFor(() => expect(alert.textContent).toBe('Uw sessies konden niet worden geladen. De server is niet bereikbaar.'));
    expectNoEnglish(container);

    await user.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByRole('list', { name: 'Actieve sessies' });
    expect(rowTexts()).toEqual([
      'Dit apparaatAangemeld zojuistNu actiefAfmelden',
      'Een ander apparaatAangemeld 3 dagen geledenLaatst actief 2 uur geledenAfmelden',
    ]);
    expectNoEnglish(container);

    await user.click(screen.getByRole('button', { name: 'Afmelden op dit apparaat' }));
    screen.getByRole('group', { name: 'Afmelden op dit apparaat?' });
    expectNoEnglish(container);
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));

    service.db.failNext(1, { status: 500, body: { code: 1, name: 'GENERAL_EXCEPTION', message: 'x' } }, { method: 'DELETE' });
    await user.click(screen.getByRole('button', { name: 'Afmelden: Een ander apparaat, aangemeld 3 dagen geleden' }));
    await waitFor(() => expect(alert.textContent).toMatch(/^Die sessie kon niet worden afgemeld\. Probeer het later opnieuw\. \(Fout: \w+ 1\)$/));
    expectNoEnglish(container);

    await user.click(await screen.findByRole('button', { name: 'Overal elders afmelden' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Afgemeld op 1 andere apparaten.'));
    expect(screen.getByText('U bent op geen enkel ander apparaat aangemeld.')).toBeTruthy();
    expectNoEnglish(container);

    await user.click(screen.getByRole('button', { name: 'Afmelden op dit apparaat' }));
    await user.click(within(screen.getByRole('group')).getByRole('button', { name: 'Afmelden' }));
    await screen.findByText('U bent afgemeld.');
    expectNoEnglish(container);
  });
});
