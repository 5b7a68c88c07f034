import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_METADATA, AccessRule, PASSWORD_CHANGE_EXEMPT_METADATA } from '../../common/access/access.decorator';
import { AnyActor } from '../../common/access/actor';
import { ProblemError } from '../../common/errors/problem';
import { Authenticator } from './authenticator';
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
  private readonly authenticator: Authenticator;

  constructor(
    private readonly reflector: Reflector,
    tokens: TokenService,
    sessions: SessionStatusService,
  ) {
    this.authenticator = new Authenticator(tokens, sessions);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, targets);
    if (!rule) {
      throw new ProblemError(403, 'access-not-declared', 'Forbidden', 'This route declares no access rule and is refused');
    }
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: AnyActor }>();
    const { actor, mustChangePassword } = await this.authenticator.authenticate(request.headers.authorization);
    if (!actor.roles.some((r) => rule.roles.includes(r))) {
      throw new ProblemError(403, 'forbidden', 'Forbidden', 'Your role may not perform this operation');
    }
    if (mustChangePassword && !this.reflector.getAllAndOverride<boolean | undefined>(PASSWORD_CHANGE_EXEMPT_METADATA, targets)) {
      throw new ProblemError(403, 'password-change-required', 'Password change required', 'Change your one-time password first (POST /api/v1/auth/password)');
    }
    request.actor = actor;
    return true;
  }
}
