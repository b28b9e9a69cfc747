'use client';

import { LoginForm, RequireAuth } from 'exh-auth-react';
import { useRouter } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { demoCredentials } from './mock';

export const Loading = () => (
  <p className="loading" role="status">
    Checking your session…
  </p>
);

/** A path on this site only: a crafted `?returnTo=https://…` must not send the user elsewhere after sign-in. */
function returnTo(search: string): string {
  const target = new URLSearchParams(search).get('returnTo');
  return target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/account';
}

/** Signed out on a protected page: to the sign-in page, which brings the user back here after signing in. */
function RedirectToSignIn() {
  const router = useRouter();
  useEffect(() => {
    // Rendered only in the browser (the server renders 'loading'); the effect runs before any navigation,
    // so location is still this page (StrictMode's second run included: replace() is not synchronous).
    const from = window.location.pathname + window.location.search;
    router.replace(`/sign-in?returnTo=${encodeURIComponent(from)}`);
  }, [router]);
  return <Loading />;
}

function BackToReturnTo() {
  const router = useRouter();
  useEffect(() => router.replace(returnTo(window.location.search)), [router]);
  return <Loading />;
}

/** Its children only when signed in; else to the sign-in page and back. */
export function Protected({ children }: { children: ReactNode }) {
  return (
    <RequireAuth loading={<Loading />} fallback={<RedirectToSignIn />}>
      {children}
    </RequireAuth>
  );
}

export function SignIn() {
  return (
    <RequireAuth
      loading={<Loading />}
      fallback={
        <>
          <h1>Sign in</h1>
          <p className="hint">
            Mock service: <code>{demoCredentials.email}</code> / <code>{demoCredentials.password}</code>
          </p>
          <LoginForm />
        </>
      }
    >
      <BackToReturnTo />
    </RequireAuth>
  );
}
