import { AsyncLocalStorage } from 'node:async_hooks';
import { Role } from '../access/role';

/**
 * Who is acting, from where: kept for the duration of one request (or one job) in async-local storage so
 * that the database can stamp every write with it (see the audit trail). Nothing here is a secret.
 */
export interface ActionContext {
  /** the signed-in user, or null for anonymous requests and system work */
  userId: string | null;
  schoolId: string | null;
  roles: Role[];
  sessionId: string | null;
  /** client address as seen by the api (honours TRUST_PROXY) */
  ip: string | null;
  requestId: string | null;
  /** system work without a user: 'seed', 'job:<id>', 'migration' … */
  system?: string;
}

const storage = new AsyncLocalStorage<ActionContext>();

export function runWithContext<T>(context: ActionContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentContext(): ActionContext | undefined {
  return storage.getStore();
}

/** Context for work that no user asked for directly (seeding, job processors, maintenance). */
export function systemContext(system: string, schoolId: string | null = null): ActionContext {
  return { userId: null, schoolId, roles: [], sessionId: null, ip: null, requestId: null, system };
}
