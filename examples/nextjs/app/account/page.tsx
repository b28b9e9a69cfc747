import { Protected } from '../auth';
import { Profile } from './profile';

/** A server component; what it shows is behind the client-side session check. */
export default function AccountPage() {
  return (
    <Protected>
      <h1>Account</h1>
      <Profile />
    </Protected>
  );
}
