// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  defaultLoginFormLabels,
  defaultMfaLabels,
  LoginForm,
  type LoginFormLabels,
  type MfaLabels,
} from '../../src/components';
import { demo, mfaUrl, renderWithAuth, setupUser, TOKENS, tokensUrl, startMockService } from './harness';

const service = startMockService();

// Complete on purpose: a label added to the components without a German entry fails the type check.
const de: LoginFormLabels = {
  formName: 'Anmeldung',
  subtitle: (app) => `weiter zu ${app}`,
  email: 'E-Mail',
  password: 'Passwort',
  showPassword: 'Passwort anzeigen',
  submit: 'Anmelden',
  submitting: 'Anmeldung läuft…',
  emailRequired: 'Geben Sie Ihre E-Mail-Adresse ein.',
  emailInvalid: 'Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
  passwordRequired: 'Geben Sie Ihr Passwort ein.',
  wrongCredentials: 'E-Mail oder Passwort ist falsch.',
  tooFast: 'Zu schnell nach dem letzten Versuch. Warten Sie eine Sekunde.',
  frozen: (seconds) => `Zu viele Fehlversuche. Erneut möglich in ${seconds} Sekunden.`,
  frozenOver: 'Sie können sich wieder anmelden.',
  locked: 'Dieses Konto ist gesperrt. Wenden Sie sich an einen Administrator.',
  networkError: 'Der Server ist nicht erreichbar. Versuchen Sie es erneut.',
  signatureRefused: 'Die Anfrage konnte nicht geprüft werden. Prüfen Sie Datum und Uhrzeit Ihres Geräts.',
  unknownError: (name) => `Bei der Anmeldung ist ein Fehler aufgetreten. (Fehler: ${name})`,
  mfaExpired: 'Ihre Bestätigung ist abgelaufen — melden Sie sich erneut an.',
  signedOutElsewhere: 'Sie wurden abgemeldet, weil die Sitzung anderswo beendet wurde.',
  forgotPassword: 'Passwort vergessen?',
  createAccount: 'Konto erstellen',
};

const deMfa: MfaLabels = {
  formName: 'Bestätigung in zwei Schritten',
  account: (email) => `Anmeldung als ${email}`,
  chooseMethod: 'Bestätigen mit',
  useTotp: 'Stattdessen die Authentifizierungs-App nutzen',
  useRecoveryCode: 'Stattdessen einen Wiederherstellungscode nutzen',
  useMethod: (name) => `Stattdessen ${name} nutzen`,
  totpCode: 'Code aus der Authentifizierungs-App',
  recoveryCode: 'Wiederherstellungscode',
  otherCode: 'Bestätigungscode',
  submit: 'Bestätigen',
  submitting: 'Wird bestätigt…',
  back: 'Zurück',
  totpCodeInvalid: 'Geben Sie die 6 Ziffern ein.',
  recoveryCodeRequired: 'Geben Sie einen Wiederherstellungscode ein.',
  expiresIn: (seconds) => `Verbleibende Zeit: ${Math.floor(seconds / 60)} Min. ${seconds % 60} Sek.`,
  wrongCode: 'Dieser Code ist falsch.',
  reattemptDelay: (seconds) => `Zu viele Versuche. Warten Sie ${seconds} Sekunden.`,
  networkError: 'Der Server ist nicht erreichbar.',
  signatureRefused: 'Die Anfrage konnte nicht geprüft werden. Prüfen Sie Datum und Uhrzeit.',
  unknownError: (name) => `Bei der Bestätigung ist ein Fehler aufgetreten. (Fehler: ${name})`,
};

/** Every English default, functions applied to the numbers a user could meet. */
const englishDefaults = [...Object.values(defaultLoginFormLabels), ...Object.values(defaultMfaLabels)].flatMap(
  (label: string | ((value: never) => string)) =>
    typeof label === 'string'
      ? [label]
      : [0, 1, 5, 60, 900].map((n) => (label as (value: number | string) => string)(n).replace(/\d.*$/, '')),
);
const englishWords =
  /\b(sign|signing|email|password|show|hide|enter|verify|verifying|back|time|left|try|again|wrong|correct|wait|seconds?|something|locked|recovery|authenticator|digits?|use|instead|continue)\b/i;

/** All a user can see or hear: text (hidden copies included) and the names given by attributes. */
function everythingSaid(container: HTMLElement): string {
  const attributes = [...container.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((element) =>
    ['aria-label', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
  );
  return [container.textContent ?? '', ...attributes].join('\n');
}

function expectNoEnglish(container: HTMLElement) {
  const said = everythingSaid(container);
  for (const english of englishDefaults) expect(said).not.toContain(english);
  expect(said).not.toMatch(englishWords);
}

function error(code: number, extra: Record<string, unknown> = {}) {
  return { status: 400, body: { code, name: 'X', message: 'x', ...extra } };
}

const germanChallenge = error(129, {
  mfa: {
    token: 'canned-challenge',
    tokenExpiresIn: 900_000,
    attempts: 0,
    methods: [
      { id: 'totp', type: 'totp', name: 'Authentifizierungs-App', tags: ['selected'] },
      { id: 'rc', type: 'recoveryCodes', name: 'Wiederherstellungscodes', tags: [] },
    ],
  },
});

describe('labels', () => {
  it('the German set leaves no English in the password step, in any state', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<LoginForm labels={de} mfaLabels={deMfa} appName="Klinik" />);
    expect(screen.getByRole('form', { name: 'Anmeldung' })).toBeTruthy();
    expect(screen.getByText('weiter zu Klinik')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Anmelden' })).toBeTruthy();
    expectNoEnglish(container);

    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    await screen.findByText('Geben Sie Ihre E-Mail-Adresse ein.');
    expectNoEnglish(container);
    await user.type(screen.getByLabelText('E-Mail'), 'kein-email');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    await screen.findByText('Geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.');
    await user.click(screen.getByRole('button', { name: 'Passwort anzeigen' }));
    expect(screen.getByRole('button', { name: 'Passwort anzeigen', pressed: true })).toBeTruthy();
    expectNoEnglish(container);

    await user.clear(screen.getByLabelText('E-Mail'));
    await user.type(screen.getByLabelText('E-Mail'), demo.email);
    await user.type(screen.getByLabelText('Passwort'), 'falsch');
    const alert = screen.getByRole('alert');
    const answers: [Parameters<typeof service.db.failNext>[1], string][] = [
      [error(106), de.wrongCredentials],
      [error(211), de.tooFast],
      [error(213), de.locked],
      [{ status: 401, body: { code: 109, name: 'OAUTH_SIGNATURE_EXCEPTION', message: 'x' } }, de.signatureRefused],
      [{ status: 502, body: 'Bad gateway' }, 'Bei der Anmeldung ist ein Fehler aufgetreten. (Fehler: ExhError)'],
      [error(212), 'Zu viele Fehlversuche. Erneut möglich in 60 Sekunden.'],
    ];
    for (const [answer, sentence] of answers) {
      service.db.failNext(1, answer, { path: TOKENS });
      await user.click(screen.getByRole('button', { name: 'Anmelden' }));
      await waitFor(() => expect(alert.textContent).toContain(sentence));
      expectNoEnglish(container);
    }
    // A long journey: more time than the default 5 s on a loaded machine.
  }, 20_000);

  it('the German set leaves no English while signing in, offline, or in the MFA step', async () => {
    const user = setupUser();
    const { container } = renderWithAuth(<LoginForm labels={de} mfaLabels={deMfa} />);
    await user.type(screen.getByLabelText('E-Mail'), demo.email);
    await user.type(screen.getByLabelText('Passwort'), demo.password);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    service.server.use(http.post(tokensUrl, () => held.then(() => HttpResponse.error()), { once: true }));
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    await screen.findByRole('button', { name: 'Anmeldung läuft…' });
    expectNoEnglish(container);
    release();
    await screen.findByText(de.networkError);
    expectNoEnglish(container);

    service.db.failNext(1, germanChallenge, { path: TOKENS });
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    await screen.findByRole('form', { name: 'Bestätigung in zwei Schritten' });
    expect(screen.getByRole('heading', { name: 'Bestätigung in zwei Schritten' })).toBeTruthy();
    expect(screen.getByText(`Anmeldung als ${demo.email}`)).toBeTruthy();
    expect(screen.getByRole('button', { name: deMfa.useRecoveryCode })).toBeTruthy();
    expectNoEnglish(container);

    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));
    await screen.findByText(deMfa.totpCodeInvalid);
    expectNoEnglish(container);

    const alert = screen.getByRole('alert');
    const answers: [Parameters<typeof service.db.failNext>[1], string][] = [
      [error(130), deMfa.wrongCode],
      [{ status: 401, body: { code: 109, name: 'OAUTH_SIGNATURE_EXCEPTION', message: 'x' } }, deMfa.signatureRefused],
      [error(134, { remainingDelay: 1000 }), 'Zu viele Versuche. Warten Sie 1 Sekunden.'],
    ];
    for (const [answer, sentence] of answers) {
      service.db.failNext(1, answer);
      await user.clear(screen.getByLabelText(deMfa.totpCode));
      await user.type(screen.getByLabelText(deMfa.totpCode), '123456');
      await waitFor(() => expect(alert.textContent).toContain(sentence));
      expectNoEnglish(container);
    }

    service.server.use(http.post(mfaUrl, () => HttpResponse.error(), { once: true }));
    // The re-attempt delay runs out.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Bestätigen' }).getAttribute('aria-disabled')).toBeNull(), {
      timeout: 2000,
    });
    await user.click(screen.getByRole('button', { name: deMfa.useRecoveryCode }));
    expect(screen.getByLabelText('Wiederherstellungscode')).toBeTruthy();
    expect(screen.getByRole('button', { name: deMfa.useTotp })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));
    await screen.findByText(deMfa.recoveryCodeRequired);
    expectNoEnglish(container);
    await user.type(screen.getByLabelText('Wiederherstellungscode'), 'abcd-1234');
    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));
    await waitFor(() => expect(alert.textContent).toBe(deMfa.networkError));
    expectNoEnglish(container);

    // The canned challenge is unknown to the service: 131 brings back the password step, in German.
    await user.click(screen.getByRole('button', { name: 'Bestätigen' }));
    await screen.findByText(de.mfaExpired);
    expect(screen.getByRole('form', { name: 'Anmeldung' })).toBeTruthy();
    expectNoEnglish(container);
  }, 20_000);

  it('a partial override keeps the English defaults for the rest', () => {
    renderWithAuth(<LoginForm labels={{ submit: 'Log in' }} />);
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(screen.getByLabelText('Email')).toBeTruthy();
  });
});
