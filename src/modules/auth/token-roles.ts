import { Role } from '../../common/access/role';

/**
 * The roles a user may act with: a school's user their school roles, the regional operator (no school) only
 * `operator`. null when the account has no usable role (it may not sign in).
 */
export function tokenRoles(user: { school_id: string | null; roles: Role[] }): Role[] | null {
  if (user.school_id === null) return user.roles.includes(Role.Operator) ? [Role.Operator] : null;
  const roles = user.roles.filter((r) => r !== Role.Operator);
  return roles.length > 0 ? roles : null;
}
