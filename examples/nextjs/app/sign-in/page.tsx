import { SignIn } from '../auth';

export default function SignInPage() {
  return <SignIn />;
}
