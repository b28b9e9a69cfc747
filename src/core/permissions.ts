import type { ExhUser } from './types.js';

/**
 * Whether `user` has the permission `name`: from a global role (which holds in every group), or, with
 * `groupId`, from a role of the user's staff enlistment in that group (PROTOCOL.md, "The user object").
 * For the UI only: the service checks permissions on every call whatever the UI shows (code 10).
 */
export function hasPermission(user: ExhUser | null | undefined, name: string, { groupId }: { groupId?: string } = {}): boolean {
  if (!user) return false;
  if (user.roles?.some((role) => role.permissions?.some((permission) => permission.name === name))) return true;
  return (
    user.staffEnlistments?.some(
      (enlistment) => enlistment.groupId === groupId && enlistment.roles?.some((role) => role.permissions?.includes(name)),
    ) ?? false
  );
}
