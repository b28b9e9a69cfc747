'use client';

import { useMe } from 'exh-auth-react';

export function Profile() {
  const me = useMe();
  if (!me.data) return <p role="status">{me.error ? `Could not load your profile: ${me.error.message}` : 'Loading your profile…'}</p>;
  return (
    <p>
      Signed in as <strong>{`${me.data.firstName} ${me.data.lastName}`}</strong> ({me.data.email})
    </p>
  );
}
