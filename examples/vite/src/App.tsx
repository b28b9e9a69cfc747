import { AuthProvider, createExhClient, LoginForm, RequireAuth, useAuth, useMe } from 'exh-auth-react';
import { useEffect, useState } from 'react';
import { demoCredentials, exh, fetchThroughMock } from './mock';
import { Link, navigate, usePathname } from './router';

const client = createExhClient({ ...exh, fetch: fetchThroughMock });

const Loading = () => (
  <p className="loading" role="status">
    Checking your session…
  </p>
);

/** A path on this site only: a crafted `?returnTo=https://…` must not send the user elsewhere after sign-in. */
function returnTo(search: string): string {
  const target = new URLSearchParams(search).get('returnTo');
  return target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/account';
}

/** Signed out on a protected route: to the sign-in page, which brings the user back here after signing in. */
function RedirectToSignIn() {
  // Read at render: StrictMode runs the effect twice, the second time already on /sign-in.
  const [from] = useState(() => window.location.pathname + window.location.search);
  useEffect(() => navigate(`/sign-in?returnTo=${encodeURIComponent(from)}`, { replace: true }), [from]);
  return <Loading />;
}

function BackToReturnTo() {
  const [target] = useState(() => returnTo(window.location.search));
  useEffect(() => navigate(target, { replace: true }), [target]);
  return <Loading />;
}

function SignInPage() {
  return (
    <RequireAuth loading={<Loading />} fallback={<SignIn />}>
      <BackToReturnTo />
    </RequireAuth>
  );
}

function SignIn() {
  return (
    <>
      <h1>Sign in</h1>
      <p className="hint">
        Mock service: <code>{demoCredentials.email}</code> / <code>{demoCredentials.password}</code>
      </p>
      <LoginForm />
    </>
  );
}

function Account() {
  const me = useMe();
  return (
    <>
      <h1>Account</h1>
      {me.data ? (
        <p>
          Signed in as <strong>{`${me.data.firstName} ${me.data.lastName}`}</strong> ({me.data.email})
        </p>
      ) : (
        <p role="status">{me.error ? `Could not load your profile: ${me.error.message}` : 'Loading your profile…'}</p>
      )}
    </>
  );
}

function Home() {
  return (
    <>
      <h1>exh-auth-react with Vite</h1>
      <p>
        <Link to="/account">Your account</Link> is a protected route: signed out, it sends you to the sign-in page and back.
      </p>
    </>
  );
}

function Nav() {
  const status = useAuth((s) => s.status);
  const logout = useAuth((s) => s.logout);
  return (
    <nav aria-label="Main">
      <Link to="/">Home</Link>
      <Link to="/account">Account</Link>
      {status === 'authenticated' && (
        <button type="button" onClick={() => void logout()}>
          Sign out
        </button>
      )}
    </nav>
  );
}

export function App() {
  const path = usePathname();
  return (
    <AuthProvider client={client}>
      <header>
        <Nav />
      </header>
      <main>
        {path === '/sign-in' ? (
          <SignInPage />
        ) : path === '/account' ? (
          <RequireAuth loading={<Loading />} fallback={<RedirectToSignIn />}>
            <Account />
          </RequireAuth>
        ) : (
          <Home />
        )}
      </main>
    </AuthProvider>
  );
}
