/**
 * Type test of an app that declares its user (`npm run typecheck` compiles it with its own tsconfig: the
 * declaration below would otherwise change the user type of every other test). `exh-auth-react` resolves to src/.
 */
import { expectTypeOf } from 'vitest';
import { useMe, useRegister, useUpdateProfile, type ExhUser, type User } from 'exh-auth-react';

interface ClinicUser extends ExhUser {
  clinic: { id: string; name: string };
}

declare module 'exh-auth-react' {
  interface Register {
    user: ClinicUser;
  }
}

export function useDeclaredUser() {
  expectTypeOf<User>().toEqualTypeOf<ClinicUser>();
  expectTypeOf(useMe().data).toEqualTypeOf<ClinicUser | undefined>();
  expectTypeOf(useMe({ select: (user) => user.clinic.name }).data).toEqualTypeOf<string | undefined>();
  expectTypeOf(useUpdateProfile().data).toEqualTypeOf<ClinicUser | undefined>();
  expectTypeOf(useRegister().data).toEqualTypeOf<ClinicUser | undefined>();
  useUpdateProfile({ onSuccess: (user) => expectTypeOf(user.clinic.id).toEqualTypeOf<string>() });
}
