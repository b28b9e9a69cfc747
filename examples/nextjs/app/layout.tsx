import 'exh-auth-react/styles.css';
import './app.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import { SignOut } from './sign-out';

export const metadata: Metadata = { title: 'exh-auth-react · Next.js example' };

/** A server component: the header and the pages around the client AuthProvider (./providers.tsx). */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <header>
            <nav aria-label="Main">
              <Link href="/">Home</Link>
              <Link href="/account">Account</Link>
              <SignOut />
            </nav>
          </header>
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
