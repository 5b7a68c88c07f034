import { Role } from './role';

/** The authenticated user acting in a request; services take it explicitly and scope every query by `schoolId`. */
export interface Actor {
  userId: string;
  schoolId: string;
  roles: Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
