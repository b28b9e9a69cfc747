import Link from 'next/link';

export default function Home() {
  return (
    <>
      <h1>exh-auth-react with Next.js</h1>
      <p>
        <Link href="/account">Your account</Link> is a protected page: signed out, it sends you to the sign-in page and
        back.
      </p>
    </>
  );
}
