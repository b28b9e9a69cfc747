import { QueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import {
  AccountSecurity,
  AuthFlow,
  AuthProvider,
  exhQueryKeys,
  Protect,
  RequireAuth,
  useAuth,
  useLogout,
  useMe,
  useSsoToken,
  type ListedToken,
  type SsoToken,
} from '../../src';
import { demoUsers, totp, type MockMail } from '../../src/msw';
import { backend, demoMock, realCluster, saveMockState, useMockVersion } from './backend';
import './demo.css';

type MailMode = 'hash' | 'pinCode';
const MAIL_MODE_KEY = 'exh-auth-react:demo-mail-mode';
type Theme = 'system' | 'light' | 'dark';
const THEME_KEY = 'exh-auth-react:demo-theme';
/** The application of the mock panel's "Sign in on another device": the clinic's (imaginary) mobile app. */
const MOBILE_APP_ID = '64f1c0de5a7e3b0012d4e1a9';

/** The showcase: AuthProvider around an app root, the drop-in AuthFlow, and a page with drop-ins and parts built on the hooks. */
export function DemoApp() {
  // The app's own QueryClient, handed to the provider (without it, the provider makes one).
  const [queryClient] = useState(() => new QueryClient());
  // Whether the account mails carry a link or a pin: the app's choice, switched from the mock's panel (kept across reloads).
  const [mailMode, setMailMode] = useState<MailMode>(() => (read(MAIL_MODE_KEY) === 'pinCode' ? 'pinCode' : 'hash'));
  const changeMailMode = (mode: MailMode) => {
    setMailMode(mode);
    store(MAIL_MODE_KEY, mode);
  };
  // The page's theme, as an app would pin it: data-exh-theme on an ancestor of the forms (none: the system's).
  const [theme, setTheme] = useState<Theme>(() => {
    const saved = read(THEME_KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  });
  const changeTheme = (next: Theme) => {
    setTheme(next);
    store(THEME_KEY, next);
  };
  return (
    // storage="session": each tab has its own session, so a sign-in link opened in another tab signs that tab in.
    <AuthProvider {...backend} storage="session" queryClient={queryClient} consumeSsoTokenFromUrl>
      {/* data-exh-theme on the page: its own colours and every drop-in's follow the app's choice, not only the OS. */}
      <div className="demo" data-exh-theme={theme === 'system' ? undefined : theme}>
        <header className="demo__header">
          <div>
            <h1>exh-auth-react</h1>
            <p className="demo__muted">
              Backend: {realCluster ? `ExH cluster at ${realCluster.host}` : 'the built-in mock ExH service (exh-auth-react/msw)'}
            </p>
          </div>
          <ThemeSwitch theme={theme} onTheme={changeTheme} />
        </header>
        <main className="demo__main">
          <RequireAuth
            fallback={<AuthFlow mailMode={mailMode} signUpFields={{ phoneNumber: { optional: true } }} />}
            loading={<p role="status">Loading your session…</p>}
          >
            <SignedInPage />
          </RequireAuth>
        </main>
        {!realCluster && <MockPanel queryClient={queryClient} mailMode={mailMode} onMailMode={changeMailMode} />}
      </div>
    </AuthProvider>
  );
}

function ThemeSwitch({ theme, onTheme }: { theme: Theme; onTheme: (theme: Theme) => void }) {
  const options: Array<[Theme, string]> = [
    ['system', 'System'],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ];
  return (
    <fieldset className="demo__switch">
      <legend>Theme</legend>
      {options.map(([value, label]) => (
        <label key={value}>
          <input type="radio" name="demo-theme" checked={theme === value} onChange={() => onTheme(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

function SignedInPage() {
  const me = useMe();
  const logout = useLogout();
  const ownApplication = useAuth((s) => s.session?.applicationId);
  // Sessions by application: this app's other sessions are other tabs (storage="session") or browsers.
  const sessionName = (session: ListedToken, name: string) =>
    !session.current && session.applicationId === ownApplication ? 'This web app, in another tab or browser' : name;
  return (
    <section aria-labelledby="welcome" className="demo__page">
      <div className="demo__welcome">
        <div>
          <h2 id="welcome">{me.data ? `Welcome, ${[me.data.firstName, me.data.lastName].filter(Boolean).join(' ') || me.data.email}` : 'Welcome'}</h2>
          {me.data && <p className="demo__muted">Signed in as {me.data.email}</p>}
        </div>
        <button type="button" onClick={() => logout.isPending || logout.mutate()} aria-disabled={logout.isPending || undefined}>
          {logout.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
      <ContinueOnAnotherDevice />
      <Clinic />
      {/* The drop-in security page: password, two-step verification, active sessions. */}
      <AccountSecurity
        issuer="exh-auth-react demo"
        headingLevel={3}
        className="demo__security"
        applicationNames={{ [MOBILE_APP_ID]: 'Clinic mobile app' }}
        sessionName={sessionName}
      />
    </section>
  );
}

/** The demo user is a nurse of this group (see demoUsers in exh-auth-react/msw). */
const CLINIC_GROUP_ID = '64b7f0c2a1d3e4f5a6b7c9a1';

/** A permission gate: only staff with VIEW_PATIENTS in the clinic see its patients. The service enforces it anyway. */
function Clinic() {
  return (
    <section aria-labelledby="clinic" className="exh-auth demo__card">
      <h3 id="clinic">Clinic</h3>
      <Protect
        permission="VIEW_PATIENTS"
        groupId={CLINIC_GROUP_ID}
        loading={<p role="status">Checking your roles…</p>}
        fallback={<p data-testid="clinic-denied">Only the clinic's staff see its patients (permission VIEW_PATIENTS in the clinic's group).</p>}
      >
        <p data-testid="clinic-allowed">You are staff of the clinic: its patient list would be here.</p>
      </Protect>
    </section>
  );
}

function ContinueOnAnotherDevice() {
  const { generate } = useSsoToken();
  return (
    <section aria-labelledby="continue" className="exh-auth demo__card">
      <h3 id="continue">Continue on another device</h3>
      <p className="demo__muted">A single-use link that signs you in elsewhere: another browser, a phone, a colleague's screen.</p>
      <button type="button" className="exh-auth__submit" onClick={() => generate.isPending || generate.mutate()} aria-disabled={generate.isPending || undefined}>
        {generate.isPending ? 'Creating a link…' : generate.data ? 'Create a new link' : 'Create a sign-in link'}
      </button>
      {generate.error && <p role="alert">Could not create a link ({generate.error.name}).</p>}
      {generate.data && <SignInLink key={generate.data.ssoToken} sso={generate.data} />}
    </section>
  );
}

/** The link, a copy button, and when it expires: the token's own expiryTimestamp, counted down. */
function SignInLink({ sso }: { sso: SsoToken }) {
  const id = useId();
  const link = ssoLink(sso.ssoToken);
  const now = useNow(1000);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const left = Math.max(0, sso.expiryTimestamp - now);
  const expired = left === 0;
  const at = new Date(sso.expiryTimestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('copied');
    } catch {
      // No clipboard permission (an iframe, plain http): the link is selected for Ctrl+C instead.
      input.current?.select();
      setCopied('failed');
    }
  }
  return (
    <div className="demo__link" data-expired={expired || undefined}>
      <label htmlFor={`${id}-link`} className="exh-auth__label">
        Sign-in link
      </label>
      <div className="demo__copy">
        <input id={`${id}-link`} ref={input} className="exh-auth__input" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
        <button type="button" onClick={() => void copy()} aria-disabled={expired || undefined}>
          Copy
        </button>
      </div>
      <p className="demo__muted" id={`${id}-expiry`}>
        {expired ? (
          'This link has expired: create a new one.'
        ) : (
          <>
            Single use. Expires in <time dateTime={`PT${Math.ceil(left / 1000)}S`}>{countdown(left)}</time>, at {at}.{' '}
            <a href={link} target="_blank" rel="noreferrer" data-testid="sso-link">
              Open in a new tab
            </a>
          </>
        )}
      </p>
      <p role="status" className="demo__muted">
        {copied === 'copied' ? 'Link copied.' : copied === 'failed' ? 'Copying is blocked here: the link is selected, copy it with Ctrl+C.' : ''}
      </p>
    </div>
  );
}

/** "4:59" for a time left in ms, rounded up: it reads 0:00 only when it is over. */
function countdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The time now, renewed every `interval` ms. */
function useNow(interval: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), interval);
    return () => clearInterval(timer);
  }, [interval]);
  return now;
}

/** This page's address with the SSO token added: opened elsewhere, AuthProvider consumes it. */
function ssoLink(ssoToken: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set('ssoToken', ssoToken);
  return url.href;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Blocked storage: the choice lasts until the reload.
  }
}

interface MockPanelProps {
  queryClient: QueryClient;
  mailMode: MailMode;
  onMailMode: (mode: MailMode) => void;
}

/** Only with the mock: the demo users, the current TOTP codes and the mails sent, so a person can finish every flow. */
function MockPanel({ queryClient, mailMode, onMailMode }: MockPanelProps) {
  // Re-rendered by every change of the mock's state (a mail sent, a recovery code spent, another tab's change).
  useMockVersion();
  const userId = useAuth((s) => s.userId);
  // Users signed up in the demo too, not only the seeded ones.
  const email = demoMock.db.users.find((u) => u.id === userId)?.email;
  // Every TOTP secret the mock has issued (seeded or set up in the demo), and each MFA user's unused recovery codes.
  const secrets = demoMock.db.totpSecrets();
  const withCodes = demoMock.db.users.filter((user) => user.mfa.recoveryCodes.length > 0 || user.mfa.methods.some((m) => m.type === 'recoveryCodes'));
  return (
    <aside aria-labelledby="mock-panel" className="exh-auth demo__mock">
      <h2 id="mock-panel">Mock ExH service</h2>
      <ul className="demo__users" aria-label="Demo users">
        {demoUsers.map((user) => (
          <li key={user.email}>
            <code>{user.email}</code> · password <code>{user.password}</code> · {user.mfa ? 'MFA: authenticator app, recovery codes' : 'no MFA'}
          </li>
        ))}
      </ul>
      <section aria-labelledby="authenticator-codes">
        <h3 id="authenticator-codes">Authenticator codes</h3>
        <ul className="demo__codes">
          {secrets.map((secret) => (
            <li key={secret.methodId} data-testid="totp" data-email={secret.email}>
              {secret.email} · {secret.name}
              {!secret.verified && ' (not verified yet)'}: <TotpCode secret={secret.secret} />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recovery-codes-heading">
        <h3 id="recovery-codes-heading">Unused recovery codes</h3>
        <ul className="demo__codes">
          {withCodes.map((user) => (
            <li key={user.id} data-email={user.email}>
              {user.email}:{' '}
              <span data-testid="recovery-codes" className="demo__recovery">
                <RecoveryCodes codes={user.mfa.recoveryCodes} />
              </span>
            </li>
          ))}
        </ul>
      </section>
      {email && (
        <button
          type="button"
          onClick={() => {
            const { id } = demoMock.db.createToken(email);
            demoMock.db.tokensOf(email).find((token) => token.id === id)!.applicationId = MOBILE_APP_ID;
            saveMockState();
            void queryClient.invalidateQueries({ queryKey: exhQueryKeys.tokens() });
          }}
        >
          Sign in on another device
        </button>
      )}
      <fieldset className="demo__mode">
        <legend>Account mails carry</legend>
        {(
          [
            ['hash', 'a link'],
            ['pinCode', 'an 8-digit code'],
          ] as const
        ).map(([mode, label]) => (
          <label key={mode}>
            <input type="radio" name="demo-mail-mode" checked={mailMode === mode} onChange={() => onMailMode(mode)} /> {label}
          </label>
        ))}
      </fieldset>
      <Outbox mails={demoMock.db.outbox} />
    </aside>
  );
}

/** The mails the mock service sent, newest first: a link opens here, a code is typed in. */
function Outbox({ mails }: { mails: readonly MockMail[] }) {
  return (
    <section aria-labelledby="outbox" className="demo__outbox">
      <h3 id="outbox">Outbox</h3>
      {mails.length === 0 ? (
        <p className="demo__muted">No mail yet: sign up, or ask for a new password.</p>
      ) : (
        <ol reversed>
          {[...mails].reverse().map((mail) => (
            <li key={mail.id} data-testid="mail">
              <span>
                <strong>{mail.kind === 'activation' ? 'Activate your account' : 'Reset your password'}</strong>
                <span className="demo__muted">
                  {' '}
                  · to {mail.to} · {new Date(mail.sentAt).toLocaleTimeString()}
                </span>
              </span>
              {mail.link ? (
                // The same frame: the link lands on this story, whose AuthFlow takes the mail's hash.
                <a href={mail.link} data-testid="mail-link">
                  {mail.link}
                </a>
              ) : (
                <span>
                  Code:{' '}
                  <code className="demo__code" data-testid="mail-pin">
                    {mail.pinCode}
                  </code>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  if (codes.length === 0) return 'none left';
  return codes.map((code, index) => (
    <Fragment key={code}>
      {index > 0 && ', '}
      <code>{code}</code>
    </Fragment>
  ));
}

/** The code an authenticator app shows now for `secret` (hex or base32), renewed every second. */
function TotpCode({ secret }: { secret: string }) {
  const code = useTotp(secret);
  return (
    <output data-testid="totp-code" className="demo__code">
      {code}
    </output>
  );
}

function useTotp(secret: string): string {
  const [code, setCode] = useState('');
  useEffect(() => {
    let live = true;
    const update = () => void totp(secret).then((c) => live && setCode(c));
    update();
    const timer = setInterval(update, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [secret]);
  return code;
}
