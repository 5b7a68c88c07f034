import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** Where a request comes from, as stored on a session and counted by the login throttle. */
export interface ClientInfo {
  /** client address as Fastify sees it (honours TRUST_PROXY) */
  ip: string | null;
  /** the User-Agent header, shortened to what the session keeps */
  userAgent: string | null;
}

export const USER_AGENT_MAX = 300;

export function clientInfoOf(request: Pick<FastifyRequest, 'ip' | 'headers'>): ClientInfo {
  const ua = request.headers['user-agent'];
  return {
    ip: request.ip ? request.ip.slice(0, 64) : null,
    userAgent: typeof ua === 'string' && ua.trim() !== '' ? [...ua.trim()].slice(0, USER_AGENT_MAX).join('') : null,
  };
}

/** The client of the current request. */
export const Client = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo =>
  clientInfoOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
