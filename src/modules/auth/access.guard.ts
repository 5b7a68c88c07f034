import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_METADATA, AccessRule, PASSWORD_CHANGE_EXEMPT_METADATA } from '../../common/access/access.decorator';
import { AnyActor } from '../../common/access/actor';
import { ProblemError } from '../../common/errors/problem';
import { SessionStatusService } from './sessions/session-status.service';
import { TokenService } from './token.service';

/**
 * The global guard: default-deny. A route that declares neither @Access(...) nor @Public() is refused,
 * a missing or invalid token is 401, a token whose session has ended (signed out, ended, expired, user disabled)
 * is 401 `session-ended`, a role outside the declaration is 403, and a user who must change a one-time password
 * gets 403 `password-change-required` everywhere but the routes marked @PasswordChangeExempt().
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionStatusService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets);
    if (!rule) {
      throw new ProblemError(403, 'access-not-declared', 'Forbidden', 'This route declares no access rule and is refused');
    }
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: AnyActor }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/-]+=*)\s*$/i.exec(header) : null;
    if (!match) {
      throw new ProblemError(401, 'unauthenticated', 'Authentication required', 'Send a valid access token as "Authorization: Bearer …"');
    }
    const actor = await this.tokens.verify(match[1]);
    if (!actor) {
      throw new ProblemError(401, 'invalid-token', 'Authentication required', 'The access token is invalid or expired');
    }
    const session = await this.sessions.check(actor.sessionId, actor.userId);
    if (!session.active) {
      throw new ProblemError(401, 'session-ended', 'Authentication required', 'The session of this access token has ended; sign in again');
    }
    // the token's roles that the user still holds: a role taken away stops working within seconds
    const roles = actor.roles.filter((r) => session.roles.includes(r));
    if (!roles.some((r) => rule.roles.includes(r))) {
      throw new ProblemError(403, 'forbidden', 'Forbidden', 'Your role may not perform this operation');
    }
    if (session.mustChangePassword && !this.reflector.getAllAndOverride<boolean | undefined>(PASSWORD_CHANGE_EXEMPT_METADATA, targets)) {
      throw new ProblemError(403, 'password-change-required', 'Password change required', 'Change your one-time password first (POST /api/v1/auth/password)');
    }
    request.actor = { ...actor, roles };
    return true;
  }
}
