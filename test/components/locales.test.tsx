// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import * as components from '../../src/components';
import {
  ActiveSessions,
  defaultAccountSecurityLabels,
  defaultActivateAccountLabels,
  defaultActiveSessionsLabels,
  defaultAuthFlowLabels,
  defaultChangePasswordFormLabels,
  defaultConfirmPresenceLabels,
  defaultForgotPasswordLabels,
  defaultLoginFormLabels,
  defaultMfaLabels,
  defaultMfaSettingsLabels,
  defaultMfaSetupLabels,
  defaultPasswordChecklistLabels,
  defaultResetPasswordLabels,
  defaultSignOutButtonLabels,
  defaultSignUpFormLabels,
  LocaleProvider,
  LoginForm,
  type Locale,
} from '../../src/components';
import { de } from '../../src/locales/de';
import { es } from '../../src/locales/es';
import { fr } from '../../src/locales/fr';
import { nl } from '../../src/locales/nl';
import {
  advance,
  demo,
  failLogins,
  installFakeClock,
  mfaUser,
  renderWithAuth,
  setupUser,
  startMockService,
  visibleText,
} from './harness';

const service = startMockService();

/** English as a locale: the components' built-in defaults, by the same keys. */
const english: Locale = {
  lang: 'en',
  loginForm: defaultLoginFormLabels,
  mfaMethodPicker: defaultMfaLabels,
  passwordChecklist: defaultPasswordChecklistLabels,
  signUpForm: defaultSignUpFormLabels,
  activateAccount: defaultActivateAccountLabels,
  changePasswordForm: defaultChangePasswordFormLabels,
  forgotPasswordForm: defaultForgotPasswordLabels,
  resetPasswordForm: defaultResetPasswordLabels,
  authFlow: defaultAuthFlowLabels,
  confirmPresence: defaultConfirmPresenceLabels,
  mfaSetup: defaultMfaSetupLabels,
  mfaSettings: defaultMfaSettingsLabels,
  activeSessions: defaultActiveSessionsLabels,
  accountSecurity: defaultAccountSecurityLabels,
  signOutButton: defaultSignOutButtonLabels,
};

const locales = { nl, fr, de, es };

type LabelSet = Record<string, string | ((...args: unknown[]) => string)>;
const sets = (locale: Locale) => Object.entries(locale).filter(([key]) => key !== 'lang') as [string, LabelSet][];

/**
 * The arguments of every function label, by its name: a count (seconds, attempts, sessions…) or a text (a name, an
 * address, a time in words; `text?` may be null). A function label missing here fails the test that uses this.
 */
const argumentKinds: Record<string, readonly ('count' | 'text' | 'text?')[]> = {
  frozen: ['count'],
  reattemptDelay: ['count'],
  expiresIn: ['count'],
  resendWait: ['count'],
  resendIn: ['count'],
  tooSoon: ['count'],
  minimumLength: ['count'],
  maximumLength: ['count'],
  summary: ['count', 'count'],
  stepOf: ['count', 'count'],
  wrongPin: ['count'],
  more: ['count'],
  revokedOthers: ['count'],
  unknownError: ['text'],
  optional: ['text'],
  checkEmailHelp: ['text'],
  sent: ['text'],
  sentPin: ['text'],
  codesFileHeading: ['text'],
  qrCode: ['text'],
  typeOther: ['text'],
  removeMethod: ['text'],
  removed: ['text'],
  otherApplication: ['text'],
  signedIn: ['text'],
  lastActive: ['text'],
  revoked: ['text'],
  revokeName: ['text', 'text?'],
  subtitle: ['text'],
  account: ['text'],
  useMethod: ['text'],
};

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 60, 299, 1000];
const TEXT = 'Zeta-42';

/** Every call a user could meet: each count (a second count is the total, never below the first), texts marked. */
function calls(name: string): unknown[][] {
  const kinds = argumentKinds[name];
  if (!kinds) throw new Error(`argumentKinds has no entry for the function label "${name}"`);
  const withCount = (n: number) => kinds.map((kind, index) => (kind === 'count' ? (index === 0 ? n : Math.max(n, 5)) : TEXT));
  const texts = kinds.includes('text?') ? [kinds.map((kind) => (kind === 'text?' ? null : TEXT))] : [];
  return kinds.includes('count') ? COUNTS.map(withCount) : [kinds.map(() => TEXT), ...texts];
}

describe('locales: completeness', () => {
  it('English covers every exported default label set, each under its Locale key', () => {
    const exported = Object.entries(components).filter(([name]) => /^default\w+Labels$/.test(name)).map(([, set]) => set);
    expect(new Set(Object.values(english))).toEqual(new Set(['en', ...exported]));
  });

  for (const [lang, locale] of Object.entries(locales)) {
    describe(lang, () => {
      it('has every label set of English and no other', () => {
        expect(Object.keys(locale).sort()).toEqual(Object.keys(english).sort());
        expect(locale.lang).toBe(lang);
      });

      for (const [key, englishSet] of sets(english)) {
        it(`${key}: every key English has, no extra, each a string or a function as in English`, () => {
          const set = (locale as unknown as Record<string, LabelSet>)[key]!;
          expect(Object.keys(set).sort()).toEqual(Object.keys(englishSet).sort());
          for (const [name, label] of Object.entries(englishSet)) {
            expect(typeof set[name], `${key}.${name}`).toBe(typeof label);
            if (typeof label === 'string') expect(set[name], `${key}.${name}`).not.toBe('');
          }
        });
      }

      it('every function label gives a finished sentence for 0, 1, 2, 5, 1000 … and keeps the texts it is given', () => {
        for (const [key, set] of sets(locale)) {
          for (const [name, label] of Object.entries(set)) {
            if (typeof label !== 'function') continue;
            for (const args of calls(name)) {
              const said = label(...args);
              const where = `${key}.${name}(${args.join(', ')})`;
              expect(typeof said, where).toBe('string');
              expect(said.trim(), where).not.toBe('');
              // No placeholder left over, nothing formatted from a missing value.
              expect(said, where).not.toMatch(/#|undefined|NaN|null|\[object/);
              if (args.includes(TEXT)) expect(said, where).toContain(TEXT);
            }
          }
        }
      });
    });
  }

  it('English has a label for every function of argumentKinds it lists (no stale entries)', () => {
    const names = new Set(sets(english).flatMap(([, set]) => Object.entries(set).filter(([, l]) => typeof l === 'function').map(([n]) => n)));
    expect([...names].sort()).toEqual(Object.keys(argumentKinds).sort());
  });
});

describe('locales: plural forms and numbers by Intl, in the locale’s language', () => {
  it('English says "1 second" and "1 character", never "1 seconds"', () => {
    for (const [key, set] of sets(english)) {
      for (const [name, label] of Object.entries(set)) {
        if (typeof label !== 'function' || !argumentKinds[name]?.includes('count')) continue;
        expect(label(...calls(name)[1]!), `${key}.${name}(1)`).not.toMatch(/\b1 (seconds|characters|attempts|sessions|devices)\b/);
      }
    }
    expect(english.passwordChecklist.minimumLength(1)).toBe('At least 1 character');
    expect(english.passwordChecklist.minimumLength(8)).toBe('At least 8 characters');
  });

  it.each([
    ['nl', nl, '1 seconde', '2 seconden', '1 poging', '2 pogingen'],
    ['fr', fr, '1 seconde', '2 secondes', '1 tentative', '2 tentatives'],
    ['de', de, '1 Sekunde', '2 Sekunden', '1 Versuch', '2 Versuche'],
    ['es', es, '1 segundo', '2 segundos', '1 intento', '2 intentos'],
  ] as const)('%s: one and other forms of seconds and attempts', (_, locale, oneSecond, twoSeconds, oneAttempt, twoAttempts) => {
    // Intl puts a no-break space between a number and its unit where the language wants one (French).
    const words = (said: string) => said.replace(/\s/g, ' ');
    expect(words(locale.loginForm.frozen(1))).toContain(oneSecond);
    expect(words(locale.loginForm.frozen(2))).toContain(twoSeconds);
    expect(words(locale.mfaMethodPicker.reattemptDelay(1))).toContain(oneSecond);
    expect(words(locale.resetPasswordForm.wrongPin(1))).toContain(oneAttempt);
    expect(words(locale.resetPasswordForm.wrongPin(2))).toContain(twoAttempts);
  });

  it('counts are written in the language’s digits and grouping; countdowns as minutes:seconds', () => {
    for (const locale of Object.values(locales)) {
      const thousand = new Intl.NumberFormat(locale.lang).format(1000);
      expect(locale.activeSessions.more(1000), locale.lang).toContain(thousand);
      expect(locale.mfaMethodPicker.expiresIn(75), locale.lang).toContain('1:15');
      expect(locale.forgotPasswordForm.resendIn(300), locale.lang).toContain('5:00');
    }
    expect(nl.activeSessions.more(1000)).toContain('1.000');
    expect(fr.activeSessions.more(1000)).toMatch(/1\s000/);
  });
});

describe('locales: rendered', () => {
  const emailInput = () => screen.getByLabelText<HTMLInputElement>(nl.loginForm.email);
  const passwordInput = () => screen.getByLabelText<HTMLInputElement>(nl.loginForm.password);

  it('LoginForm under the Dutch locale: Dutch labels, and a wrong password answered in Dutch', async () => {
    const user = setupUser();
    renderWithAuth(
      <LocaleProvider locale={nl}>
        <LoginForm />
      </LocaleProvider>,
    );
    const form = screen.getByRole('form', { name: 'Inloggen' });
    expect(screen.getByRole('button', { name: 'Wachtwoord tonen' })).toBeTruthy();
    await user.type(emailInput(), demo.email);
    await user.type(passwordInput(), 'wrong-password');
    await user.click(within(form).getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Het e-mailadres of het wachtwoord is onjuist.'));
    expect(service.db.requests.at(-1)?.code).toBe(106);
    expect(form.textContent).not.toMatch(/\b(Sign in|Email|Password|Show password)\b/);
  });

  it('a validation message in French, and the `labels` prop wins over the locale for its strings only', async () => {
    const user = setupUser();
    renderWithAuth(
      <LocaleProvider locale={fr}>
        <LoginForm labels={{ submit: 'Entrer', wrongCredentials: 'Identifiants refusés.' }} />
      </LocaleProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Entrer' }));
    expect(screen.getByText('Saisissez votre adresse e-mail.')).toBeTruthy();
    await user.type(screen.getByLabelText('Adresse e-mail'), demo.email);
    await user.type(screen.getByLabelText('Mot de passe'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Entrer' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Identifiants refusés.'));
    expect(screen.getByRole('form', { name: 'Connexion' })).toBeTruthy();
  });

  it('the 60 s freeze counts down in German, in Intl’s words for seconds', async () => {
    installFakeClock();
    const user = setupUser();
    expect(await failLogins(demo.email, 9)).toEqual(Array(9).fill(106));
    renderWithAuth(
      <LocaleProvider locale={de}>
        <LoginForm />
      </LocaleProvider>,
    );
    await user.type(screen.getByLabelText('E-Mail-Adresse'), demo.email);
    await user.type(screen.getByLabelText('Passwort'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Anmelden' }));
    await waitFor(() => expect(service.db.requests.at(-1)?.code).toBe(212));
    const alert = screen.getByRole('alert');
    expect(visibleText(alert)).toMatch(/^Zu viele fehlgeschlagene Versuche\. Versuchen Sie es in (59|60) Sekunden erneut\.$/);
    advance(59_000 - (60 - Number(/(\d+) Sekunden/.exec(visibleText(alert))![1])) * 1000);
    expect(visibleText(alert)).toBe('Zu viele fehlgeschlagene Versuche. Versuchen Sie es in 1 Sekunde erneut.');
    advance(1_000);
    expect(screen.getByRole('alert').textContent).toBe('Sie können sich wieder anmelden.');
  });

  it('the MFA step in Spanish, with its countdown', async () => {
    const user = setupUser();
    renderWithAuth(
      <LocaleProvider locale={es}>
        <LoginForm />
      </LocaleProvider>,
    );
    await user.type(screen.getByLabelText('Correo electrónico'), mfaUser.email);
    await user.type(screen.getByLabelText('Contraseña'), mfaUser.password);
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }));
    const step = await screen.findByRole('form', { name: 'Verificación en dos pasos' });
    expect(within(step).getByRole('button', { name: 'Verificar' })).toBeTruthy();
    expect(step.textContent).toMatch(/Tiempo restante para este paso: \d+:\d\d/);
  });

  it('ActiveSessions formats its relative times and dates in the locale’s language; its `locale` prop still wins', async () => {
    installFakeClock();
    const now = Date.now();
    vi.setSystemTime(now - 3 * 24 * 3_600_000);
    service.db.createToken(demo.email);
    vi.setSystemTime(now);
    const view = renderWithAuth(
      <LocaleProvider locale={nl}>
        <ActiveSessions />
        <div data-testid="german">
          <ActiveSessions locale="de" />
        </div>
      </LocaleProvider>,
    );
    await act(() => view.client().authenticate({ email: demo.email, password: demo.password }));
    const [dutch, german] = await screen.findAllByRole('list');
    await waitFor(() => expect(within(dutch!).getAllByRole('listitem')).toHaveLength(2));
    const other = within(dutch!).getAllByRole('listitem')[1]!;
    expect(other.textContent).toContain('Ingelogd 3 dagen geleden');
    const signedInAt = other.querySelector('time')!;
    const dutchDate = new Intl.DateTimeFormat('nl', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(signedInAt.dateTime));
    expect(signedInAt.title).toBe(dutchDate);
    expect(within(dutch!).getAllByRole('listitem')[0]!.textContent).toContain('Dit apparaat');
    // Dutch words around German times: an app that wants both in German passes labels too (or a German locale).
    await waitFor(() => expect(within(german!).getAllByRole('listitem')[1]!.textContent).toContain('Ingelogd vor 3 Tagen'));
  });
});
