import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACCESS_METADATA, AccessRule } from '../../common/access/access.decorator';
import { AnyActor } from '../../common/access/actor';
import { ProblemError } from '../../common/errors/problem';
import { TokenService } from './token.service';

/**
 * The global guard: default-deny. A route that declares neither @Access(...) nor @Public() is refused,
 * a missing or invalid token is 401, a role outside the declaration is 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
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
    if (!actor.roles.some((r) => rule.roles.includes(r))) {
      throw new ProblemError(403, 'forbidden', 'Forbidden', 'Your role may not perform this operation');
    }
    request.actor = actor;
    return true;
  }
}
