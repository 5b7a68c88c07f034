import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiProblems } from '../errors/api-problems.decorator';
import { Actor } from './actor';
import { Role } from './role';

export const ACCESS_METADATA = 'ejournal:access';
export const PASSWORD_CHANGE_EXEMPT_METADATA = 'ejournal:password-change-exempt';
export const BEARER_SCHEME = 'bearer';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/**
 * Declares who may call a route: the roles, checked by the global AccessGuard before the handler.
 * Relationship checks (same school, own child, own class) are the service's, in SQL.
 * Also writes the Swagger security requirement and the 401/403 answers.
 */
export function Access(...roles: Role[]): MethodDecorator & ClassDecorator {
  if (roles.length === 0) throw new Error('@Access() needs at least one role; use @Public() for open routes');
  const rule: AccessRule = { kind: 'roles', roles };
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, rule),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension('x-roles', [...roles]),
    ApiProblems(401, 403),
  );
}

/** Marks a route as open to anyone, explicitly (the guard refuses routes that declare nothing). */
export function Public(): MethodDecorator & ClassDecorator {
  const rule: AccessRule = { kind: 'public' };
  return applyDecorators(SetMetadata(ACCESS_METADATA, rule), ApiExtension('x-public', true));
}

/**
 * A route a user who must change their one-time password may still call (who am I, the password change itself,
 * sign-out, their sessions). Every other route answers 403 `password-change-required` to such a user.
 * Goes next to @Access().
 */
export function PasswordChangeExempt(): MethodDecorator & ClassDecorator {
  return SetMetadata(PASSWORD_CHANGE_EXEMPT_METADATA, true);
}

/** The acting user, set by the AccessGuard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without @Access()');
  return request.actor;
});
