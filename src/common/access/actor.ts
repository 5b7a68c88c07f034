import { Role } from './role';

/**
 * The authenticated user acting in a request; services take it explicitly and scope every query by `schoolId`.
 * Routes open to school roles only receive an actor with a school (the guard refuses the operator there).
 */
export interface Actor {
  userId: string;
  schoolId: string;
  roles: Role[];
  /** the session (device) the access token belongs to */
  sessionId: string;
}

/** The actor of a route that the regional operator may also call: no school for the operator. */
export interface AnyActor extends Omit<Actor, 'schoolId'> {
  schoolId: string | null;
}

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
