import { Role, STAFF_ROLES } from '../../common/access/role';
import { conflict, fieldProblem } from '../../common/errors/problem';

/** Logins: 3–100 latin letters, digits, dots, underscores and hyphens (unique in the deployment, case-insensitively). */
export const LOGIN_PATTERN = /^[A-Za-z0-9._-]{3,100}$/;
export const LOGIN_MESSAGE = 'must be 3–100 latin letters, digits, dots, underscores or hyphens';

/** ФИО as stored: trimmed, inner runs of white space collapsed to one space. */
export function normalizeFullName(fullName: string): string {
  return fullName.trim().replace(/\s+/g, ' ');
}

/**
 * The roles a school admin gives: a non-empty set of staff roles. Parents and students get their accounts
 * through invitation codes, and the regional operator belongs to no school: those are refused (422).
 */
export function assertAssignableRoles(roles: readonly Role[], field = 'roles'): Role[] {
  const refused = roles.filter((r) => !STAFF_ROLES.includes(r));
  if (refused.length > 0) {
    throw fieldProblem(
      'role-not-assignable',
      field,
      `${refused.join(', ')}: only staff roles (${STAFF_ROLES.join(', ')}) are given here; parents and students join with invitation codes`,
      'Role not assignable',
    );
  }
  if (roles.length === 0) throw fieldProblem('role-not-assignable', field, 'must name at least one staff role', 'Role not assignable');
  return [...new Set(roles)];
}

/** The roles after replacing the staff roles: roles outside the staff (parent, student) are kept as they are. */
export function replaceStaffRoles(current: readonly Role[], staff: readonly Role[]): Role[] {
  const kept = current.filter((r) => !STAFF_ROLES.includes(r));
  return [...new Set([...kept, ...staff])];
}

/** A user as the last-admin rule sees them. */
export interface AdminCandidate {
  id: string;
  active: boolean;
  roles: readonly Role[];
}

/**
 * A school keeps at least one active admin: refuses (409 `last-admin`) a change of one user (`after`) that
 * leaves none among `users` (all the school's users with the admin role, read under the school lock).
 */
export function assertAdminRemains(users: readonly AdminCandidate[], after: AdminCandidate): void {
  const isAdmin = (u: AdminCandidate) => u.active && u.roles.includes(Role.Admin);
  const before = users.filter(isAdmin).length;
  const remaining = users.filter((u) => u.id !== after.id && isAdmin(u)).length + (isAdmin(after) ? 1 : 0);
  if (before > 0 && remaining === 0) {
    throw conflict('last-admin', 'The school must keep at least one active admin: give the admin role to someone else first');
  }
}
